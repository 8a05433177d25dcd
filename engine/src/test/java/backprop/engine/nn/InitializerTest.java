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

    @Test
    void zerosGivesEveryWeightZeroAndTheUnitsStayIdenticalWhileTraining() throws Exception {
        Initializer zeros = Initializer.of(new backprop.engine.spec.NetworkSpec.InitSpec("zeros", 0));
        for (float w : zeros.matrix(new Random(1), 5, 7).data()) assertEquals(0f, w);
        String file = "{\"format\": \"backprop-studio.network\", \"version\": 1, \"input\": {\"shape\": [2]}, \"layers\": ["
                + "{\"type\": \"dense\", \"units\": 3, \"activation\": \"tanh\", \"initializer\": \"zeros\", \"bias\": [0.1, 0.1, 0.1]},"
                + "{\"type\": \"dense\", \"units\": 1, \"initializer\": \"zeros\"}]}";
        var spec = backprop.engine.spec.SpecReader.parse(file, "zeros.json");
        assertTrue(backprop.engine.spec.SpecWriter.toJson(spec).contains("\"initializer\" : \"zeros\""));
        Model model = backprop.engine.spec.ModelFactory.build(spec, 1);
        var trainer = new backprop.engine.train.Trainer(model, backprop.engine.train.TrainConfig.defaults());
        var x = backprop.engine.tensor.Tensor.matrix(new float[][] {{0, 1}, {1, 0}, {1, 1}, {0, 0}});
        var y = backprop.engine.tensor.Tensor.matrix(new float[][] {{1}, {1}, {1}, {0}});
        for (int i = 0; i < 50; i++) trainer.step(x, y);
        float[] w = model.params().get(0).value().data(); // [2][3]: the three hidden units' columns
        assertTrue(w[0] != 0f, "the weights did move");
        for (int i = 0; i < 2; i++) {
            assertEquals(w[i * 3], w[i * 3 + 1], "symmetry: unit 2 = unit 1");
            assertEquals(w[i * 3], w[i * 3 + 2], "symmetry: unit 3 = unit 1");
        }
    }
}
