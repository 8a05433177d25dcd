package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The statistics' eight-lane sums agree with a plain double sum, on every length's tail. */
class ReductionsTest {

    @Test
    void sumsAgreeWithAPlainLoopForEveryRemainder() {
        Random r = new Random(7);
        for (int n : new int[] {0, 1, 7, 8, 9, 15, 16, 17, 1001, 100_352}) {
            float[] a = new float[n], b = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = (float) r.nextGaussian();
                b[i] = (float) r.nextGaussian();
            }
            double sq = 0, diff = 0;
            for (int i = 0; i < n; i++) {
                sq += (double) a[i] * a[i];
                diff += ((double) a[i] - b[i]) * ((double) a[i] - b[i]);
            }
            assertEquals(sq, Reductions.sumOfSquares(a), 1e-9 * Math.max(1, sq), "Σa² n=" + n);
            assertEquals(diff, Reductions.sumSquaredDifferences(a, b), 1e-9 * Math.max(1, diff), "Σ(a−b)² n=" + n);
            float[] copy = new float[n];
            assertEquals(Reductions.sumOfSquares(a), Reductions.copyAndSumSquares(a, copy), "the same sum, copying");
            org.junit.jupiter.api.Assertions.assertArrayEquals(a, copy);
        }
    }

    @Test
    void aValueThatIsNotFiniteMakesTheSumNotFinite() {
        float[] a = new float[19];
        a[17] = Float.NaN; // in the tail, past the last full group of eight
        assertFalse(Double.isFinite(Reductions.sumOfSquares(a)));
        a[17] = 0;
        a[3] = Float.POSITIVE_INFINITY;
        assertFalse(Double.isFinite(Reductions.sumSquaredDifferences(a, new float[19])));
    }
}
