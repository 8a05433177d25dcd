package backprop.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each initialiser draws from the distribution its name promises, at the scale it promises. */
class InitializerTest {
    private static final int N = 200_000;

    /** Mean, standard deviation and largest |w| of N draws. */
    private static double[] stats(Initializer init, int fanIn, int fanOut) {
        Random r = new Random(3);
        double sum = 0, sq = 0, max = 0;
        for (int i = 0; i < N; i++) {
            double w = init.sample(r, fanIn, fanOut);
            sum += w;
            sq += w * w;
            max = Math.max(max, Math.abs(w));
        }
        double mean = sum / N;
        return new double[] {mean, Math.sqrt(sq / N - mean * mean), max};
    }

    @Test
    void uniformStaysInsideMinusAToAWithTheVarianceOfAUniform() {
        double[] s = stats(Initializer.uniform(0.3), 10, 10);
        assertEquals(0, s[0], 0.003);
        assertEquals(0.3 / Math.sqrt(3), s[1], 0.002, "σ of U(−a, a) is a/√3");
        assertTrue(s[2] <= 0.3 && s[2] > 0.299, "largest |w| " + s[2]);
    }

    @Test
    void normalHasMeanZeroAndTheGivenSigma() {
        double[] s = stats(Initializer.normal(0.1), 10, 10);
        assertEquals(0, s[0], 0.001);
        assertEquals(0.1, s[1], 0.001);
    }

    @Test
    void xavierIsUniformWithItsBoundFromFanInAndFanOut() {
        double a = Math.sqrt(6.0 / (30 + 20));
        double[] s = stats(Initializer.XAVIER, 30, 20);
        assertEquals(0, s[0], 0.003);
        assertEquals(a / Math.sqrt(3), s[1], 0.003);
        assertTrue(s[2] <= a && s[2] > 0.99 * a, "bound " + a + ", largest |w| " + s[2]);
    }

    @Test
    void heIsNormalWithSigmaFromFanIn() {
        double[] s = stats(Initializer.HE, 50, 7);
        assertEquals(0, s[0], 0.003);
        assertEquals(Math.sqrt(2.0 / 50), s[1], 0.002);
    }
}
