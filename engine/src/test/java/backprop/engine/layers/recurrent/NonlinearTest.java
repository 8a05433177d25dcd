package backprop.engine.layers.recurrent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast σ and tanh must return exactly the StrictMath float (the engine's definition), or
 * results would depend on the CPU and the JIT. Checked on a dense sweep of the range where the
 * gates live, on random bit patterns (every exponent, subnormals, infinities, NaN) and on the
 * edges.
 */
class NonlinearTest {
    @Test
    void denseSweepOfTheGateRange() {
        // Every 101st float in [-20, 20] (about 20 million). All 2^32 floats were checked once by
        // hand (see the class comment of Nonlinear); that takes minutes, too long for every build.
        for (int bits = Float.floatToRawIntBits(-20f); bits < 0 && Float.intBitsToFloat(bits) <= -0f; bits -= 101) check(Float.intBitsToFloat(bits));
        for (int bits = 0; Float.intBitsToFloat(bits) <= 20f; bits += 101) check(Float.intBitsToFloat(bits));
    }

    @Test
    void randomBitPatterns() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 10_000_000; i++) check(Float.intBitsToFloat(r.nextInt()));
    }

    @Test
    void edges() {
        float[] xs = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, 1e-30f, -1e-30f, 1e-8f, 88.7f, -88.7f, 103f, -103f,
                      710f, -710f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
        for (float x : xs) check(x);
    }

    private static void check(float x) {
        assertTrue(same(Nonlinear.strictSigmoid(x), Nonlinear.sigmoid(x)),
                () -> "sigmoid(" + x + "): " + Nonlinear.sigmoid(x) + " vs StrictMath " + Nonlinear.strictSigmoid(x));
        assertTrue(same(Nonlinear.strictTanh(x), Nonlinear.tanh(x)),
                () -> "tanh(" + x + "): " + Nonlinear.tanh(x) + " vs StrictMath " + Nonlinear.strictTanh(x));
    }

    /** The same bits, or both NaN. */
    private static boolean same(float a, float b) {
        return Float.floatToRawIntBits(a) == Float.floatToRawIntBits(b) || bothNaN(a, b);
    }

    private static boolean bothNaN(float a, float b) { return Float.isNaN(a) && Float.isNaN(b); }
}
