package backprop.engine.layers.merge;

import backprop.engine.nn.Layer;
import java.util.Random;

/** The concat kind: inputs side by side along the feature axis. */
public final class ConcatKind extends MergeKind {
    public static final String TYPE = "concat";

    @Override public String type() { return TYPE; }
    @Override public String displayName() { return "Concatenate"; }

    @Override
    public int outputSize(MergeSpec s, int[] inputSizes) {
        int n = 0;
        for (int k : inputSizes) n += k;
        return n;
    }

    @Override
    public Layer build(MergeSpec s, String name, int[] inputSizes, Random seeded) { return new Concat(name, inputSizes); }
}
