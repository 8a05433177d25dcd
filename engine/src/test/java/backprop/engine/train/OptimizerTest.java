package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.autodiff.Activation;
import backprop.engine.autodiff.Ops;
import backprop.engine.autodiff.Var;
import backprop.engine.data.Dataset;
import backprop.engine.layers.dense.Dense;
import backprop.engine.nn.Loss;
import backprop.engine.nn.Model;
import backprop.engine.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizerTest {

    // ------------------------------------------------ every optimiser learns a small regression

    /** y = 2·x1 − x2 + 0.5 on a 3×3 grid, fitted by one linear unit from zero weights. */
    private static Dataset line() {
        float[][] x = new float[9][], y = new float[9][];
        for (int i = 0; i < 9; i++) {
            float x1 = i / 3 - 1, x2 = i % 3 - 1;
            x[i] = new float[] {x1, x2};
            y[i] = new float[] {2 * x1 - x2 + 0.5f};
        }
        return new Dataset("line", x, y);
    }

    private static float trainedLoss(String optimizer, float lr) {
        Model m = new Model(2, List.of(new Dense("out", Tensor.zeros(2, 1), Tensor.zeros(1), Activation.IDENTITY)), Loss.MSE);
        Trainer t = new Trainer(m, TrainConfig.defaults().withOptimizer(optimizer).withLearningRate(lr).withEpochs(200));
        Dataset d = line();
        float before = t.evaluate(d)[0];
        List<EpochStats> h = t.fit(d, null);
        float after = h.get(h.size() - 1).loss();
        assertTrue(after < 0.01f * before, optimizer + ": loss " + before + " -> " + after);
        return after;
    }

    @Test
    void sgdDecreasesTheLoss() { trainedLoss("sgd", 0.3f); }

    @Test
    void momentumDecreasesTheLoss() { trainedLoss("momentum", 0.05f); }

    @Test
    void rmspropDecreasesTheLoss() { trainedLoss("rmsprop", 0.02f); }

    @Test
    void adamDecreasesTheLoss() { trainedLoss("adam", 0.05f); }

    // ------------------------------------------------ one update by hand, one parameter

    /**
     * L(w) = ½(y − w·x)² with x = 2, y = 1: ∂L/∂w = −(y − w·x)·x. The gradient comes from the
     * tape, the update from the optimiser; both are compared with the formula.
     */
    private static double gradientStep(Var w, Optimizer opt) {
        w.zeroGrad();
        Var loss = Ops.mse(Ops.matmul(Var.constant(Tensor.matrix(new float[][] {{2f}})), w), Tensor.matrix(new float[][] {{1f}}));
        loss.backward();
        double wv = w.value().item();
        double g = -(1 - wv * 2) * 2;
        assertEquals(g, w.grad().item(), 1e-6, "tape gradient");
        opt.step(List.of(w));
        return g;
    }

    private static Var weight() { return Var.param(Tensor.matrix(new float[][] {{0.25f}}), "w"); }

    private static Optimizer create(String name, float lr) {
        return TrainConfig.defaults().withOptimizer(name).withLearningRate(lr).createOptimizer();
    }

    @Test
    void sgdUpdateByHand() {
        Var w = weight();
        double g = gradientStep(w, create("sgd", 0.1f)); // g = −(1 − 0.5)·2 = −1
        assertEquals(-1.0, g, 1e-9);
        assertEquals(0.25 - 0.1 * g, w.value().item(), 1e-7); // w ← w − η g = 0.35
    }

    @Test
    void momentumUpdateByHand() {
        Var w = weight();
        Optimizer opt = create("momentum", 0.1f); // μ = 0.9 by default
        double w0 = 0.25, v = 0;
        double g1 = gradientStep(w, opt);
        v = 0.9 * v - 0.1 * g1;
        double w1 = w0 + v;
        assertEquals(w1, w.value().item(), 1e-7);
        double g2 = gradientStep(w, opt);
        v = 0.9 * v - 0.1 * g2; // the velocity carries the first step on
        assertEquals(w1 + v, w.value().item(), 1e-7);
    }

    @Test
    void rmspropUpdateByHand() {
        Var w = weight();
        Optimizer opt = create("rmsprop", 0.01f); // ρ = 0.9, ε = 1e-8
        double s = 0, wv = 0.25;
        for (int step = 0; step < 2; step++) {
            double g = gradientStep(w, opt);
            s = 0.9 * s + 0.1 * g * g;
            wv -= 0.01 * g / (Math.sqrt(s) + 1e-8);
            assertEquals(wv, w.value().item(), 1e-6, "step " + step);
        }
    }

    @Test
    void adamUpdateByHand() {
        Var w = weight();
        Optimizer opt = create("adam", 0.1f); // β1 = 0.9, β2 = 0.999, ε = 1e-8
        double m = 0, v = 0, wv = 0.25;
        for (int t = 1; t <= 2; t++) {
            double g = gradientStep(w, opt);
            m = 0.9 * m + 0.1 * g;
            v = 0.999 * v + 0.001 * g * g;
            double mHat = m / (1 - Math.pow(0.9, t)), vHat = v / (1 - Math.pow(0.999, t));
            wv -= 0.1 * mHat / (Math.sqrt(vHat) + 1e-8);
            assertEquals(wv, w.value().item(), 1e-6, "step " + t);
            // Adam's first step has size η whatever the gradient's size: m̂/√v̂ = g/|g|
            if (t == 1) assertEquals(0.35, w.value().item(), 1e-6);
        }
    }
}
