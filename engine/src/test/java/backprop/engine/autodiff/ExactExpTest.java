package backprop.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * ExactExp.expf must return exactly (float) StrictMath.exp, or softmax outputs would depend on
 * the CPU. Checked on a dense sweep of the range a softmax uses, on random bit patterns (every
 * exponent, subnormals, infinities, NaN) and on the edges of the fast range.
 */
class ExactExpTest {
    @Test
    void denseSweepOfTheFastRange() {
        // Every 101st float in [-90, 90] (about 21 million); all 2^32 were checked once by hand.
        for (int bits = Float.floatToRawIntBits(-90f); bits < 0 && Float.intBitsToFloat(bits) <= -0f; bits -= 101) check(Float.intBitsToFloat(bits));
        for (int bits = 0; Float.intBitsToFloat(bits) <= 90f; bits += 101) check(Float.intBitsToFloat(bits));
    }

    @Test
    void randomBitPatterns() {
        SplittableRandom r = new SplittableRandom(17);
        for (int i = 0; i < 10_000_000; i++) check(Float.intBitsToFloat(r.nextInt()));
    }

    @Test
    void edges() {
        float[] xs = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-30f, -1e-30f, 86.99999f, -86.99999f, 87f, -87f, 88.72f, 88.73f,
                      -103.9f, -104f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
        for (float x : xs) check(x);
    }

    private static void check(float x) {
        float want = (float) StrictMath.exp(x), got = ExactExp.expf(x);
        if (Float.isNaN(want) && Float.isNaN(got)) return;
        assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(got), () -> "exp(" + x + "): " + got + " vs StrictMath " + want);
    }
}
