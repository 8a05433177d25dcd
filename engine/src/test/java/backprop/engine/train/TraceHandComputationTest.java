package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecReader;
import backprop.engine.tensor.Tensor;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.StepTrace;
import org.junit.jupiter.api.Test;

/**
 * One traced SGD step of a 2-2-1 sigmoid network with mse, checked against the decks'
 * formulas evaluated by hand in double precision:
 * a_j = Σ_i w_ij z_i + b_j, z_j = g(a_j), output δ = −(y − z) g'(a), hidden
 * δ_k = g'(a_k) Σ_l w_kl δ_l, ∂R/∂w_ij = (1/N) Σ_n z_i δ_j, w ← w − η ∂R/∂w.
 */
class TraceHandComputationTest {
    private static final double TOL = 1e-6;

    private static final String SPEC = """
            {"format": "backprop-studio.network", "version": 1,
             "input": {"shape": [2]},
             "layers": [
               {"type": "dense", "units": 2, "activation": "sigmoid",
                "weights": [[0.15, -0.25], [0.20, 0.30]], "bias": [0.35, -0.10]},
               {"type": "dense", "units": 1, "activation": "sigmoid",
                "weights": [[0.40], [-0.50]], "bias": [0.60]}],
             "loss": "mse",
             "training": {"optimizer": "sgd", "learningRate": 0.5}}
            """;

    private static double sigmoid(double a) { return 1 / (1 + Math.exp(-a)); }

    @Test
    void tracedStepEqualsTheHandComputation() throws Exception {
        NetworkSpec spec = SpecReader.parse(SPEC, "hand-2-2-1.json");
        Model model = ModelFactory.build(spec);
        Trainer trainer = new Trainer(model, TrainConfig.from(spec.training(), 1L));
        double[][] x = {{0.05, 0.10}, {1.00, 0.00}};
        double[] y = {0.01, 1.00};
        StepTrace t = trainer.tracedStep(
                Tensor.matrix(new float[][] {{0.05f, 0.10f}, {1.00f, 0.00f}}),
                Tensor.matrix(new float[][] {{0.01f}, {1.00f}}));

        // ---- the same step by hand
        double w11 = 0.15, w12 = -0.25, w21 = 0.20, w22 = 0.30, b1 = 0.35, b2 = -0.10; // hidden: w_ij, i input, j unit
        double v1 = 0.40, v2 = -0.50, c = 0.60;                                          // output: w_k1 from hidden k
        double eta = 0.5;
        int n = 2;
        double[][] a1 = new double[n][2], z1 = new double[n][2], g1 = new double[n][2], d1 = new double[n][2];
        double[] a2 = new double[n], z2 = new double[n], g2 = new double[n], d2 = new double[n];
        double loss = 0;
        for (int s = 0; s < n; s++) {
            // forward: hidden layer
            a1[s][0] = x[s][0] * w11 + x[s][1] * w21 + b1;
            a1[s][1] = x[s][0] * w12 + x[s][1] * w22 + b2;
            z1[s][0] = sigmoid(a1[s][0]);
            z1[s][1] = sigmoid(a1[s][1]);
            // forward: output unit
            a2[s] = z1[s][0] * v1 + z1[s][1] * v2 + c;
            z2[s] = sigmoid(a2[s]);
            loss += 0.5 * (y[s] - z2[s]) * (y[s] - z2[s]) / n;
            // backward: output δ = −(y − z) g'(a), with sigmoid g' = z(1 − z)
            g2[s] = z2[s] * (1 - z2[s]);
            d2[s] = -(y[s] - z2[s]) * g2[s];
            // backward: hidden δ_k = g'(a_k) · w_k1 · δ_out
            g1[s][0] = z1[s][0] * (1 - z1[s][0]);
            g1[s][1] = z1[s][1] * (1 - z1[s][1]);
            d1[s][0] = g1[s][0] * v1 * d2[s];
            d1[s][1] = g1[s][1] * v2 * d2[s];
        }
        // gradients: (1/N) Σ_n z_prev δ
        double gv1 = (z1[0][0] * d2[0] + z1[1][0] * d2[1]) / n;
        double gv2 = (z1[0][1] * d2[0] + z1[1][1] * d2[1]) / n;
        double gc = (d2[0] + d2[1]) / n;
        double gw11 = (x[0][0] * d1[0][0] + x[1][0] * d1[1][0]) / n;
        double gw12 = (x[0][0] * d1[0][1] + x[1][0] * d1[1][1]) / n;
        double gw21 = (x[0][1] * d1[0][0] + x[1][1] * d1[1][0]) / n;
        double gw22 = (x[0][1] * d1[0][1] + x[1][1] * d1[1][1]) / n;
        double gb1 = (d1[0][0] + d1[1][0]) / n;
        double gb2 = (d1[0][1] + d1[1][1]) / n;

        // ---- compare
        assertEquals(0, t.step());
        assertEquals("mse", t.lossName());
        assertEquals("sgd η=0.5", t.optimizer());
        assertEquals(loss, t.loss(), TOL);
        assertEquals(2, t.layers().size());
        LayerTrace h = t.layers().get(0), o = t.layers().get(1);
        assertEquals("sigmoid", h.activation());
        for (int s = 0; s < n; s++) {
            assertEquals(x[s][0], h.input()[s][0], TOL);
            for (int j = 0; j < 2; j++) {
                assertEquals(a1[s][j], h.a()[s][j], TOL, "hidden a");
                assertEquals(z1[s][j], h.z()[s][j], TOL, "hidden z");
                assertEquals(g1[s][j], h.gPrime()[s][j], TOL, "hidden g'");
                assertEquals(d1[s][j], h.delta()[s][j], TOL, "hidden δ (per sample, no 1/N)");
                assertEquals(z1[s][j], o.input()[s][j], TOL, "output layer input = hidden z");
            }
            assertEquals(a2[s], o.a()[s][0], TOL, "output a");
            assertEquals(z2[s], o.z()[s][0], TOL, "output z");
            assertEquals(z2[s], t.output()[s][0], TOL, "network output");
            assertEquals(g2[s], o.gPrime()[s][0], TOL, "output g'");
            assertEquals(d2[s], o.delta()[s][0], TOL, "output δ");
        }
        assertMatrix(new double[][] {{0.15, -0.25}, {0.20, 0.30}}, h.weights());
        assertMatrix(new double[][] {{gw11, gw12}, {gw21, gw22}}, h.gradWeights());
        assertVector(new double[] {gb1, gb2}, h.gradBias());
        assertMatrix(new double[][] {{gv1}, {gv2}}, o.gradWeights());
        assertVector(new double[] {gc}, o.gradBias());
        // one SGD update: w ← w − η ∂R/∂w
        assertMatrix(new double[][] {{w11 - eta * gw11, w12 - eta * gw12}, {w21 - eta * gw21, w22 - eta * gw22}}, h.weightsAfter());
        assertVector(new double[] {b1 - eta * gb1, b2 - eta * gb2}, h.biasAfter());
        assertMatrix(new double[][] {{v1 - eta * gv1}, {v2 - eta * gv2}}, o.weightsAfter());
        assertVector(new double[] {c - eta * gc}, o.biasAfter());
        // and the model really holds the updated weights
        assertEquals(w11 - eta * gw11, ((backprop.engine.layers.dense.Dense) model.layers().get(0)).weights().value().get(0, 0), TOL);
        assertEquals(1, trainer.steps());
    }

    @Test
    void traceWithoutUpdateLeavesTheWeightsAlone() throws Exception {
        Model model = ModelFactory.build(SpecReader.parse(SPEC, "hand-2-2-1.json"));
        Trainer trainer = new Trainer(model, TrainConfig.defaults());
        StepTrace t = trainer.trace(Tensor.matrix(new float[][] {{0.05f, 0.10f}}), Tensor.matrix(new float[][] {{0.01f}}));
        assertNull(t.layers().get(0).weightsAfter());
        assertNull(t.optimizer());
        assertEquals(0, trainer.steps());
        assertEquals(0.15f, ((backprop.engine.layers.dense.Dense) model.layers().get(0)).weights().value().get(0, 0));
    }

    @Test
    void softmaxCrossEntropyNetworksCanBeTracedAndTheirOutputDeltaIsPMinusY() throws Exception {
        // Tracing a softmax layer used to throw (softmax has no element-wise g').
        String json = """
                {"format": "backprop-studio.network", "version": 1, "input": {"shape": [2]},
                 "layers": [{"type": "dense", "units": 3, "activation": "softmax",
                             "weights": [[0.1, -0.2, 0.3], [0.4, 0.0, -0.5]], "bias": [0.0, 0.1, -0.1]}],
                 "loss": "cross_entropy"}
                """;
        Model model = ModelFactory.build(SpecReader.parse(json, "softmax.json"));
        StepTrace t = new Trainer(model, TrainConfig.defaults()).trace(
                Tensor.matrix(new float[][] {{1f, 2f}}), Tensor.matrix(new float[][] {{0f, 0f, 1f}}));
        double[] a = {1 * 0.1 + 2 * 0.4 + 0.0, 1 * -0.2 + 2 * 0.0 + 0.1, 1 * 0.3 + 2 * -0.5 - 0.1};
        double sum = Math.exp(a[0]) + Math.exp(a[1]) + Math.exp(a[2]);
        double[] y = {0, 0, 1};
        LayerTrace l = t.layers().get(0);
        for (int j = 0; j < 3; j++) {
            double p = Math.exp(a[j]) / sum;
            assertEquals(p, l.z()[0][j], TOL);
            assertEquals(p - y[j], l.delta()[0][j], TOL, "δ = ∂L/∂a = p − y for softmax + cross_entropy");
            assertEquals(p * (1 - p), l.gPrime()[0][j], TOL, "softmax g' shown as the Jacobian's diagonal");
        }
        assertEquals(-Math.log(Math.exp(a[2]) / sum), t.loss(), TOL);
    }

    private static void assertMatrix(double[][] expected, float[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length);
            for (int j = 0; j < expected[i].length; j++) assertEquals(expected[i][j], actual[i][j], TOL, "[" + i + "][" + j + "]");
        }
    }

    private static void assertVector(double[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int j = 0; j < expected.length; j++) assertEquals(expected[j], actual[j], TOL, "[" + j + "]");
    }
}
