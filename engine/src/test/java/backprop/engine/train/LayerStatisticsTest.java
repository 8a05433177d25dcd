package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.SpecReader;
import backprop.engine.tensor.Tensor;
import backprop.engine.trace.Histogram;
import backprop.engine.trace.LayerStatistics;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.StepStatistics;
import backprop.engine.trace.StepTrace;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each per-layer statistic against the same quantity computed here from the full trace of the step. */
class LayerStatisticsTest {
    private static final String NET = """
            {"format": "backprop-studio.network", "version": 1, "input": {"shape": [3]}, "seed": 9, "layers": [
              {"type": "dense", "units": 6, "activation": "sigmoid", "initializer": {"type": "uniform", "scale": 3}},
              {"type": "dense", "units": 5, "activation": "relu", "initializer": "he", "bias": [-9, 0, 0, 0, 0]},
              {"type": "dense", "units": 4, "activation": "identity"},
              {"type": "batchnorm"},
              {"type": "activation", "activation": "tanh"},
              {"type": "dense", "units": 2, "activation": "sigmoid"}],
             "training": {"optimizer": "momentum", "learningRate": 0.3}}
            """;

    private static Trainer trainer() throws Exception {
        var spec = SpecReader.parse(NET, "stats.json");
        Trainer t = new Trainer(ModelFactory.build(spec, 9), TrainConfig.from(spec.training(), 9));
        t.setTraceStatistics(true);
        return t;
    }

    private static Tensor[] batch(long seed) {
        Random r = new Random(seed);
        float[][] x = new float[8][3], y = new float[8][2];
        for (int n = 0; n < 8; n++) {
            for (int i = 0; i < 3; i++) x[n][i] = 2 * r.nextFloat() - 1;
            for (int k = 0; k < 2; k++) y[n][k] = r.nextFloat();
        }
        return new Tensor[] {Tensor.matrix(x), Tensor.matrix(y)};
    }

    @Test
    void everyFigureMatchesTheFullTraceOfTheSameStep() throws Exception {
        Trainer t = trainer();
        t.step(batch(1)[0], batch(1)[1]); // momentum has a velocity now: Δw is not just η·g
        StepTrace trace = t.tracedStep(batch(2)[0], batch(2)[1]);
        assertEquals(6, trace.statistics().size());
        for (int k = 0; k < 6; k++) {
            LayerTrace l = trace.layers().get(k);
            LayerStatistics s = trace.statistics().get(k);
            assertEquals(l.name(), s.name());
            float[] z = l.tensor("z").data();
            int[] counts = new int[Histogram.BINS];
            for (float v : z) counts[(int) Math.max(0, Math.min(Histogram.BINS - 1, Math.floor((v + 2) * 8) + 1))]++;
            assertArrayEquals(counts, s.histogram(), l.name() + " histogram");
            assertEquals(norm(l.tensor("delta").data()) / Math.sqrt(8), s.deltaNorm(), 1e-5 * s.deltaNorm(), l.name() + " deltaNorm");
            String w = l.type().equals("batchnorm") ? "gamma" : "weights", g = l.type().equals("batchnorm") ? "gradGamma" : "gradWeights";
            if (l.tensor(w) == null) {
                assertTrue(Float.isNaN(s.gradNorm()) && Float.isNaN(s.updateRatio()), l.name() + " has no weights");
                continue;
            }
            assertEquals(norm(l.tensor(g).data()), s.gradNorm(), 1e-5 * s.gradNorm(), l.name() + " gradNorm");
            float[] before = l.tensor(w).data(), after = l.tensor(w + "After").data();
            double d = 0;
            for (int i = 0; i < before.length; i++) d += Math.pow((double) after[i] - before[i], 2);
            assertEquals(Math.sqrt(d) / norm(before), s.updateRatio(), 1e-4 * s.updateRatio(), l.name() + " updateRatio");
        }
        float[] z0 = trace.layers().get(0).tensor("z").data();
        int saturated = 0;
        for (float v : z0) if (v < 0.0257f || v > 0.9743f) saturated++;
        LayerStatistics sigmoid = trace.statistics().get(0);
        assertEquals((float) saturated / z0.length, sigmoid.saturated(), 1e-6, "sigmoid with U(−3, 3) saturates");
        assertTrue(sigmoid.saturated() > 0f, "some saturation to see: " + sigmoid.saturated());
        LayerStatistics relu = trace.statistics().get(1);
        assertTrue(relu.dead() >= 0.2f, "the unit with bias −9 is dead: " + relu.dead());
        assertTrue(Float.isNaN(relu.saturated()) && Float.isNaN(sigmoid.dead()));
        assertEquals("tanh", trace.statistics().get(4).activation());
        assertTrue(trace.statistics().get(4).saturated() >= 0f);
    }

    @Test
    void plainStepsRecordTheSameFiguresAndTrainExactlyAsWithout() throws Exception {
        Trainer traced = trainer(), measured = trainer(), plain = trainer();
        measured.setRecordStatistics(true);
        assertNull(measured.lastStatistics());
        for (int i = 0; i < 4; i++) {
            Tensor[] b = batch(10 + i);
            StepTrace tr = traced.tracedStep(b[0], b[1]);
            float loss = measured.step(b[0], b[1]);
            assertEquals(plain.step(b[0], b[1]), loss);
            StepStatistics s = measured.lastStatistics();
            assertEquals(i, s.step());
            assertEquals(tr.loss(), s.loss());
            assertEquals(tr.statistics(), s.layers());
        }
        Model a = measured.model(), b = plain.model();
        for (int p = 0; p < a.params().size(); p++) assertArrayEquals(b.params().get(p).value().data(), a.params().get(p).value().data());
    }

    @Test
    void anOverflowStopsAtTheFirstNonFiniteValueNamingStepLayerAndQuantity() throws Exception {
        String net = """
                {"format": "backprop-studio.network", "version": 1, "input": {"shape": [1]}, "layers": [
                  {"type": "dense", "units": 1, "activation": "relu", "weights": [[1e20]]},
                  {"type": "dense", "units": 1, "activation": "relu", "weights": [[1e20]]},
                  {"type": "dense", "units": 1, "activation": "identity", "weights": [[1]]}]}
                """;
        Trainer t = new Trainer(ModelFactory.build(SpecReader.parse(net, "boom.json"), 1), TrainConfig.defaults());
        t.setRecordStatistics(true);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> t.step(Tensor.matrix(new float[][] {{1}, {2}}), Tensor.matrix(new float[][] {{0}, {1}})));
        assertEquals("step 0: layer dense2: output z became Infinity (learning rate 0.5 is probably too large for this network)", e.getMessage());
    }

    @Test
    void aRateThatDivergesStopsWithTheStepAndKeepsTheFiguresBefore() throws Exception {
        String net = """
                {"format": "backprop-studio.network", "version": 1, "input": {"shape": [3]}, "seed": 2, "layers": [
                  {"type": "dense", "units": 8, "activation": "relu", "initializer": "he"},
                  {"type": "dense", "units": 2, "activation": "identity", "initializer": "he"}]}
                """;
        Trainer t = new Trainer(ModelFactory.build(SpecReader.parse(net, "rate.json"), 2), TrainConfig.defaults().withLearningRate(3f));
        t.setRecordStatistics(true);
        float[][] far = new float[8][2];
        for (float[] row : far) java.util.Arrays.fill(row, 40f);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> {
            for (int i = 0; i < 200; i++) t.step(batch(i)[0], Tensor.matrix(far));
        });
        assertTrue(e.getMessage().contains("step " + t.steps()), e.getMessage());
        if (t.steps() > 0) assertEquals(t.steps() - 1, t.lastStatistics().step(), "the last complete step's figures stay");
    }

    @Test
    void gradNormIsMeasuredBeforeClippingAndTheUpdateRatioAfterIt() throws Exception {
        String net = """
                {"format": "backprop-studio.network", "version": 1, "input": {"shape": [3]}, "seed": 3, "layers": [
                  {"type": "dense", "units": 6, "activation": "tanh", "initializer": {"type": "normal", "scale": 2}},
                  {"type": "dense", "units": 2, "activation": "identity", "initializer": {"type": "normal", "scale": 2}}],
                 "training": {"optimizer": "sgd", "learningRate": 0.1, "clipNorm": 0.01}}
                """;
        var spec = SpecReader.parse(net, "clip.json");
        Trainer t = new Trainer(ModelFactory.build(spec, 3), TrainConfig.from(spec.training(), 3));
        t.setRecordStatistics(true);
        t.step(batch(5)[0], batch(5)[1]);
        double raw = 0, step = 0;
        for (LayerStatistics l : t.lastStatistics().layers()) {
            raw += Math.pow(l.gradNorm(), 2);
            step += Math.pow(l.updateRatio() * l.weightNorm(), 2);
        }
        assertTrue(Math.sqrt(raw) > 0.1, "the weights' own gradient, unclipped: " + Math.sqrt(raw));
        // SGD moves by η times the clipped gradient, whose norm over every parameter is at most clipNorm
        assertTrue(Math.sqrt(step) <= 0.1 * 0.01 * 1.0001, "‖Δw‖ = " + Math.sqrt(step));
        assertTrue(Math.sqrt(raw) <= t.lastGradientNorm() * 1.0001, "the weights' part of the global norm before clipping, "
                + t.lastGradientNorm() + ", biases included");
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) s += (double) x * x;
        return Math.sqrt(s);
    }
}
