package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import backprop.engine.autodiff.Var;
import backprop.engine.data.Dataset;
import backprop.engine.data.Datasets;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Loss;
import backprop.engine.nn.Model;
import backprop.engine.nn.Pass;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.SpecReader;
import backprop.engine.tensor.Tensor;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.ParameterTrace;
import backprop.engine.trace.StepTrace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recording on: every layer and every parameter is in the trace. Recording off: nothing is recorded at all. */
class TraceRecordingTest {

    private static final String SPEC = """
            {"format": "backprop-studio.network", "version": 1, "input": {"shape": [2]},
             "layers": [
               {"type": "dense", "units": 4, "activation": "tanh"},
               {"type": "maxout", "units": 3, "pieces": 2},
               {"type": "dropout", "rate": 0.25},
               {"type": "dense", "units": 1, "activation": "sigmoid"}],
             "loss": "mse", "seed": 3, "training": {"optimizer": "sgd", "learningRate": 0.5}}
            """;

    private static Model model() throws Exception {
        return ModelFactory.build(SpecReader.parse(SPEC, "trace.json"));
    }

    @Test
    void everyParameterIsRecordedBeforeWithItsGradientAndAfterItsUpdate() throws Exception {
        Model m = model();
        Dataset d = Datasets.circle(6, 0.1, 2L);
        List<Tensor> start = m.snapshot();
        StepTrace t = new Trainer(m, TrainConfig.defaults().withLearningRate(0.5f)).tracedStep(d.inputsTensor(), d.targetsTensor());

        List<Var> params = m.params();
        assertEquals(2 + 4 + 2, params.size(), "dense W,b + maxout 2×(W,b) + dense W,b");
        assertEquals(params.size(), t.parameters().size());
        for (int i = 0; i < params.size(); i++) {
            ParameterTrace p = t.parameters().get(i);
            assertEquals(params.get(i).label(), p.name());
            assertArrayEquals(start.get(i).shape(), p.shape(), p.name());
            assertArrayEquals(start.get(i).data(), p.before(), p.name() + " before the update");
            assertArrayEquals(params.get(i).value().data(), p.after(), p.name() + " after the update");
            float[] expected = new float[p.before().length];
            for (int k = 0; k < expected.length; k++) expected[k] = p.before()[k] - 0.5f * p.gradient()[k]; // w ← w − η ∂R/∂w
            assertArrayEquals(expected, p.after(), p.name() + ": after = before − η·gradient");
        }
        // maxout's pieces are there even though its layer trace has no single weight matrix
        assertEquals(List.of("dense1.W", "dense1.b", "maxout2.W1", "maxout2.b1", "maxout2.W2", "maxout2.b2", "dense4.W", "dense4.b"),
                t.parameters().stream().map(ParameterTrace::name).toList());
        // the dense layer traces agree with the parameter list
        LayerTrace first = t.layers().get(0);
        assertArrayEquals(flat(first.gradWeights()), t.parameters().get(0).gradient());
        assertArrayEquals(flat(first.weightsAfter()), t.parameters().get(0).after());
        // every layer has a z and a δ for every sample
        for (LayerTrace l : t.layers()) {
            assertEquals(6, l.z().length, l.name());
            assertEquals(6, l.delta().length, l.name());
        }
    }

    @Test
    void aTraceWithoutUpdateHasNoAfterValues() throws Exception {
        Model m = model();
        Dataset d = Datasets.circle(4, 0.1, 2L);
        StepTrace t = new Trainer(m, TrainConfig.defaults()).trace(d.inputsTensor(), d.targetsTensor());
        for (ParameterTrace p : t.parameters()) assertNull(p.after(), p.name());
    }

    /** An identity layer that remembers the recorder of every pass it takes part in. */
    private static final class Probe extends backprop.engine.nn.SingleInputLayer {
        final List<Object> recorders = new ArrayList<>();
        @Override public String type() { return "probe"; }
        @Override public String name() { return "probe"; }
        @Override public int inputSize() { return 2; }
        @Override public int outputSize() { return 2; }
        @Override public List<Var> params() { return List.of(); }
        @Override public Var forward(Var x, Pass pass) {
            recorders.add(pass.recorder());
            return x;
        }
        @Override public backprop.engine.trace.LayerTrace trace(backprop.engine.nn.Recorder.Entry e, int batch) {
            return backprop.engine.nn.Traces.of(this, java.util.Map.of(), backprop.engine.nn.Traces.inputOutput(e, batch));
        }
    }

    @Test
    void withRecordingOffNoRecorderExistsSoNothingIsCopied() throws Exception {
        Probe probe = new Probe();
        Model built = model();
        List<Layer> layers = new ArrayList<>();
        layers.add(probe);
        layers.addAll(built.layers());
        Model m = new Model(2, layers, Loss.MSE);
        Dataset d = Datasets.circle(8, 0.1, 5L);
        Trainer t = new Trainer(m, TrainConfig.defaults().withBatchSize(4));
        t.epoch(d);
        t.step(d.inputsTensor(), d.targetsTensor());
        assertEquals(3, probe.recorders.size());
        for (Object r : probe.recorders) assertNull(r, "plain training passed a recorder");
        t.tracedStep(d.inputsTensor(), d.targetsTensor());
        assertNotNull(probe.recorders.get(probe.recorders.size() - 1), "a traced step records");
    }

    @Test
    void recordingObservesWithoutChangingTheRun() throws Exception {
        Dataset d = Datasets.circle(16, 0.2, 4L);
        Model traced = model(), plain = model();
        Trainer a = new Trainer(traced, TrainConfig.defaults().withSeed(8L));
        Trainer b = new Trainer(plain, TrainConfig.defaults().withSeed(8L));
        for (int i = 0; i < 5; i++) {
            float la = a.tracedStep(d.inputsTensor(), d.targetsTensor()).loss();
            float lb = b.step(d.inputsTensor(), d.targetsTensor());
            assertEquals(Float.floatToIntBits(lb), Float.floatToIntBits(la), "step " + i);
        }
        List<Tensor> wa = traced.snapshot(), wb = plain.snapshot();
        for (int i = 0; i < wa.size(); i++) assertEquals(wb.get(i), wa.get(i), "parameter " + i);
    }

    private static float[] flat(float[][] m) {
        return Tensor.matrix(m).data();
    }
}
