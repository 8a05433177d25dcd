package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.autodiff.Activation;
import backprop.engine.data.Dataset;
import backprop.engine.data.Datasets;
import backprop.engine.layers.dense.Dense;
import backprop.engine.layers.dropout.Dropout;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Loss;
import backprop.engine.nn.Model;
import backprop.engine.nn.Pass;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import backprop.engine.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** L2, dropout, early stopping, and what happens when training blows up. */
class RegularizationTest {

    private static Model net(long seed, int hidden, LayerSpec... extra) {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(LayerSpec.dense(hidden, "tanh"));
        layers.addAll(List.of(extra));
        layers.add(LayerSpec.dense(1, "sigmoid"));
        return ModelFactory.build(new NetworkSpec(null, null, new int[] {2}, layers, "mse", seed, null, null));
    }

    private static double sumOfSquaredWeights(Model m) {
        double s = 0;
        for (Layer l : m.layers()) if (l instanceof Dense d) for (float w : d.weights().value().data()) s += w * w;
        return s;
    }

    @Test
    void l2PenaltyShrinksTheWeights() {
        Dataset data = Datasets.twoGaussians(60, 0.3, 4L);
        Model plain = net(3L, 8), penalised = net(3L, 8);
        assertEquals(sumOfSquaredWeights(plain), sumOfSquaredWeights(penalised), "same start");
        TrainConfig base = TrainConfig.defaults().withLearningRate(1f).withEpochs(300);
        new Trainer(plain, base).fit(data, null);
        new Trainer(penalised, base.withL2(0.01f)).fit(data, null);
        double a = sumOfSquaredWeights(plain), b = sumOfSquaredWeights(penalised);
        assertTrue(b < 0.8 * a, "Σw² with L2 " + b + " vs without " + a);
    }

    @Test
    void dropoutIsOnWhileTrainingAndOffAtInference() {
        Dropout drop = new Dropout("drop", 6, 0.5f);
        Tensor x = Datasets.circle(20, 0.1, 1L).inputsTensor();
        Dense hidden = new Dense("h", Tensor.matrix(new float[][] {{1, -1, 0.5f, 2, -0.3f, 0.7f}, {0.2f, 0.4f, -1, 1, 1.5f, -0.8f}}),
                Tensor.vector(0.1f, 0, 0, 0.2f, 0, -0.1f), Activation.TANH);
        Dense out = new Dense("o", Tensor.matrix(new float[][] {{1}, {-1}, {1}, {0.5f}, {-0.5f}, {2}}), Tensor.vector(0), Activation.SIGMOID);
        Model withDropout = new Model(2, List.of(hidden, drop, out), Loss.MSE);
        Model without = new Model(2, List.of(hidden, out), Loss.MSE);
        // inference: dropout is the identity, so predictions equal the network without it
        assertArrayEquals(without.predict(x).data(), withDropout.predict(x).data());
        assertArrayEquals(withDropout.predict(x).data(), withDropout.predict(x).data());
        // training: each unit is either dropped (0) or scaled by 1/(1 − rate) = 2
        Tensor h = without.activations(x).get(0);
        Tensor dropped = withDropout.forward(x, new Pass(true, new Random(5), null)).value();
        assertFalse(java.util.Arrays.equals(without.predict(x).data(), dropped.data()), "dropout changed nothing while training");
        var rec = new backprop.engine.nn.Recorder();
        withDropout.forward(x, new Pass(true, new Random(5), rec));
        float[] z = rec.entries().get(1).z().value().data();
        int zeros = 0;
        for (int i = 0; i < z.length; i++) {
            if (z[i] == 0f && h.data()[i] != 0f) zeros++;
            else assertEquals(2f * h.data()[i], z[i], 1e-6f);
        }
        assertTrue(zeros > z.length / 4 && zeros < 3 * z.length / 4, zeros + " of " + z.length + " dropped at rate 0.5");
    }

    @Test
    void earlyStoppingStopsBeforeMaxEpochsAndRestoresTheBestWeights() {
        // 40 noisy XOR-quadrant points, 32 hidden units, Adam: validation loss falls while the net
        // learns the quadrants, then rises while it fits the noise of 28 training points
        Dataset data = Datasets.xorQuadrants(40, 1.0, 8L);
        Model m = net(1L, 32);
        int maxEpochs = 3000;
        TrainConfig cfg = TrainConfig.defaults().withOptimizer("adam").withLearningRate(0.02f).withEpochs(maxEpochs).withValidation(0.3f, 25);
        List<Float> validation = new ArrayList<>();
        List<List<Tensor>> weights = new ArrayList<>();
        List<EpochStats> history = new Trainer(m, cfg).fit(data, s -> {
            validation.add(s.validationLoss());
            weights.add(m.snapshot());
        });
        
        assertTrue(history.size() < maxEpochs, "did not stop early: " + history.size() + " epochs");
        int best = 0;
        for (int e = 1; e < validation.size(); e++) if (validation.get(e) < validation.get(best)) best = e;
        assertTrue(best >= 10 && validation.get(best) < 0.5f * validation.get(0), "validation loss never really improved: best epoch " + (best + 1));
        assertTrue(history.get(history.size() - 1).loss() < validation.get(best), "not overfitting: train loss stays above validation loss");
        assertEquals(best + 25 + 1, history.size(), "stops exactly `patience` epochs after the best one");
        assertTrue(history.get(history.size() - 1).validationLoss() > validation.get(best));
        List<Tensor> restored = m.snapshot();
        for (int i = 0; i < restored.size(); i++) assertEquals(weights.get(best).get(i), restored.get(i), "parameter " + i + " is not the best epoch's");
    }

    @Test
    void aHugeLearningRateStopsWithAClearMessage() {
        Model m = new Model(2, List.of(new Dense("out", Tensor.matrix(new float[][] {{0.5f}, {-0.5f}}), Tensor.zeros(1), Activation.IDENTITY)), Loss.MSE);
        Dataset data = new Dataset("big", new float[][] {{3, 4}, {-5, 2}, {6, -1}}, new float[][] {{1}, {2}, {3}});
        Trainer t = new Trainer(m, TrainConfig.defaults().withLearningRate(1e6f).withEpochs(100));
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> t.fit(data, null));
        assertTrue(e.getMessage().startsWith("the loss became "), e.getMessage());
        assertTrue(e.getMessage().matches("the loss became (NaN|Infinity) at step \\d+ \\(learning rate 1000000.0 is probably too large for this network\\)"), e.getMessage());
    }
}
