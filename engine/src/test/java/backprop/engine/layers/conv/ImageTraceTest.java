package backprop.engine.layers.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecReader;
import backprop.engine.tensor.Tensor;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.StepTrace;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * One traced step of conv → maxpool → flatten → dense against the same step worked by hand in
 * double precision: a[p,q] = Σ_rs w[r,s]·x[p+r, q+s] + b, m = max a, f = v·m, L = ½(y − f)²;
 * so ∂L/∂f = f − y, ∂L/∂m = v(f − y), which the max sends to its winner only, and
 * ∂R/∂w[r,s] = (1/N) Σ_n δ_n · x_n[p*+r, q*+s] at each sample's winning (p*, q*). Each
 * sample's winner leads the runner-up by at least 0.05, so float rounding cannot move it.
 */
class ImageTraceTest {
    private static final double TOL = 1e-6;

    private static final String SPEC = """
            {"format": "backprop-studio.network", "version": 1, "input": {"shape": [1, 3, 3]},
             "layers": [
               {"type": "conv2d", "filters": 1, "kernel": 2, "activation": "identity",
                "weights": [[[[1.0, 2.0], [-1.0, 0.5]]]], "bias": [0.1]},
               {"type": "maxpool", "size": 2},
               {"type": "flatten"},
               {"type": "dense", "units": 1, "activation": "identity", "weights": [[2.0]], "bias": [0.0]}],
             "loss": "mse"}""";

    @Test
    void theTracedStepEqualsTheHandComputation() throws Exception {
        NetworkSpec spec = SpecReader.parse(SPEC, "hand-cnn.json");
        Model model = ModelFactory.build(spec, 1L);
        double[][] x = {{0.1, 0.9, 0.2, 0.4, 0.3, 0.8, 0.5, 0.6, 0.6}, {1.0, 0.0, 0.5, 0.0, 1.0, 0.5, 0.25, 0.75, 0.0}};
        double[] y = {1.0, -1.0};
        double[][] w = {{1.0, 2.0}, {-1.0, 0.5}};
        double bias = 0.1, v = 2.0;
        int n = 2;
        StepTrace t = new Trainer(model, TrainConfig.defaults()).trace(
                new Tensor(floats(x[0], x[1]), 2, 9), new Tensor(new float[] {1f, -1f}, 2, 1));

        double[][] a = new double[n][4], delta = new double[n][4];
        double[][] gradW = new double[2][2];
        double gradB = 0;
        for (int s = 0; s < n; s++) {
            int best = 0;
            for (int p = 0; p < 2; p++)
                for (int q = 0; q < 2; q++) {
                    double sum = bias;
                    for (int r = 0; r < 2; r++) for (int c = 0; c < 2; c++) sum += w[r][c] * x[s][(p + r) * 3 + q + c];
                    a[s][p * 2 + q] = sum;
                    if (sum > a[s][best]) best = p * 2 + q;
                }
            double f = v * a[s][best];
            delta[s][best] = v * (f - y[s]); // ∂L_n/∂a at the winner; zero elsewhere
            for (int r = 0; r < 2; r++)
                for (int c = 0; c < 2; c++) gradW[r][c] += delta[s][best] * x[s][(best / 2 + r) * 3 + best % 2 + c] / n;
            gradB += delta[s][best] / n;
        }

        LayerTrace conv = t.layers().get(0);
        assertArrayEquals(new int[] {2, 1, 3, 3}, conv.tensor("input").shape());
        assertArrayEquals(new int[] {1, 1, 2, 2}, conv.tensor("weights").shape());
        assertArrayEquals(new int[] {2, 1, 2, 2}, conv.tensor("a").shape());
        assertArrayEquals(new int[] {2, 1, 2, 2}, conv.tensor("delta").shape());
        close(floats(a[0], a[1]), conv.tensor("a").data(), "a");
        close(floats(a[0], a[1]), conv.tensor("z").data(), "z = a (identity)");
        close(floats(delta[0], delta[1]), conv.tensor("delta").data(), "δ per sample");
        close(floats(gradW[0], gradW[1]), conv.tensor("gradWeights").data(), "∂R/∂w");
        close(new float[] {(float) gradB}, conv.tensor("gradBias").data(), "∂R/∂b");
        assertEquals("2", conv.attributes().get("kernel"));

        LayerTrace pool = t.layers().get(1);
        assertEquals("maxpool", pool.type());
        assertArrayEquals(new int[] {2, 1, 1, 1}, pool.tensor("z").shape());
        assertSame(pool.tensor("a"), pool.tensor("z"), "pooling has no pre-activation: a is z");
        close(new float[] {(float) delta[0][argmax(a[0])], (float) delta[1][argmax(a[1])]}, pool.tensor("delta").data(), "∂L_n/∂m");

        LayerTrace flatten = t.layers().get(2);
        assertArrayEquals(new int[] {2, 1, 1, 1}, flatten.tensor("input").shape(), "flatten shows the image it read");
        assertArrayEquals(new int[] {2, 1}, flatten.tensor("z").shape(), "and hands on rows");
    }

    private static int argmax(double[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) if (a[i] > a[best]) best = i;
        return best;
    }

    private static float[] floats(double[]... rows) {
        int len = 0;
        for (double[] r : rows) len += r.length;
        float[] out = new float[len];
        int i = 0;
        for (double[] r : rows) for (double d : r) out[i++] = (float) d;
        return out;
    }

    private static void close(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], TOL * (1 + Math.abs(expected[i])), what + " [" + i + "]");
    }
}
