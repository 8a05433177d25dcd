package backprop.engine.trace;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Copies taken at one moment of a traced step, shared. A layer's "weights" and the parameter
 * list's "before" are the same numbers, as are "gradWeights" and "gradient", "weightsAfter"
 * and "after": within one moment, one copy serves every record of the same array (recording
 * the 784-128-10 MLP copied each of its 100,352 weights three times over before this).
 * Outside a moment every call copies. Trace arrays are values: nobody writes to them.
 */
public final class Snapshots {
    private Snapshots() {}

    private static final ThreadLocal<Map<float[], float[]>> MOMENT = new ThreadLocal<>();

    /** A copy of {@code a} as it is now, the same copy for the same array within a moment. */
    public static float[] copy(float[] a) {
        Map<float[], float[]> m = MOMENT.get();
        return m == null ? a.clone() : m.computeIfAbsent(a, float[]::clone);
    }

    /**
     * Declares, within the current moment, that {@code a} will never be written again: the
     * records share it instead of a copy. Only for arrays whose owner guarantees that.
     */
    public static void frozen(float[] a) {
        Map<float[], float[]> m = MOMENT.get();
        if (m != null) m.put(a, a);
    }

    /** Runs {@code body} as one moment: arrays it copies do not change while it runs. */
    public static <T> T moment(Supplier<T> body) {
        Map<float[], float[]> outer = MOMENT.get();
        MOMENT.set(new IdentityHashMap<>());
        try {
            return body.get();
        } finally {
            if (outer == null) MOMENT.remove();
            else MOMENT.set(outer);
        }
    }
}
