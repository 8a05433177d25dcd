package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import backprop.engine.autodiff.Var;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.SpecReader;
import backprop.engine.tensor.Tensor;
import backprop.engine.trace.ParameterTrace;
import backprop.engine.trace.StepTrace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A trace is a record: later updates and hand edits never change what it holds, although the
 * trainer shares the parameter arrays with it instead of copying them (copy on write).
 */
class TraceRecordsTest {
    private static final String NET = """
            {"format": "backprop-studio.network", "version": 1, "input": {"shape": [2]}, "seed": 3, "layers": [
              {"type": "dense", "units": 3, "activation": "tanh"},
              {"type": "dense", "units": 1, "activation": "sigmoid"}],
             "training": {"optimizer": "adam", "learningRate": 0.1}}
            """;
    private static final Tensor X = Tensor.matrix(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    private static final Tensor Y = Tensor.matrix(new float[][] {{0}, {1}, {1}, {0}});

    private static Trainer trainer() throws Exception {
        var spec = SpecReader.parse(NET, "records.json");
        return new Trainer(ModelFactory.build(spec, 3), TrainConfig.from(spec.training(), 3));
    }

    private static List<float[][]> values(StepTrace t) {
        List<float[][]> out = new ArrayList<>();
        for (ParameterTrace p : t.parameters()) out.add(new float[][] {p.before().clone(), p.gradient().clone(), p.after().clone()});
        return out;
    }

    private static void assertHolds(List<float[][]> expected, StepTrace t) {
        for (int i = 0; i < expected.size(); i++) {
            ParameterTrace p = t.parameters().get(i);
            assertArrayEquals(expected.get(i)[0], p.before(), p.name() + " before");
            assertArrayEquals(expected.get(i)[1], p.gradient(), p.name() + " gradient");
            assertArrayEquals(expected.get(i)[2], p.after(), p.name() + " after");
        }
    }

    @Test
    void laterStepsAndEditsLeaveARecordAsItWas() throws Exception {
        Trainer t = trainer();
        StepTrace first = t.tracedStep(X, Y);
        List<float[][]> firstValues = values(first);
        StepTrace second = t.tracedStep(X, Y);
        List<float[][]> secondValues = values(second);
        // Shared, not copied: the second step starts from the array the first one ended with.
        for (int i = 0; i < first.parameters().size(); i++) {
            assertSame(first.parameters().get(i).after(), second.parameters().get(i).before());
        }
        for (int k = 0; k < 5; k++) t.step(X, Y);
        t.tracedStep(X, Y);
        t.beforeParameterEdit();
        Var w = t.model().params().get(0);
        w.value().data()[0] = 42f; // a weight typed in by hand
        for (int k = 0; k < 3; k++) t.step(X, Y);
        assertHolds(firstValues, first);
        assertHolds(secondValues, second);
        assertNotSame(second.parameters().get(0).after(), w.value().data());
        assertNull(second.statistics(), "statistics are not measured for a trace unless asked");
    }

    @Test
    void sharingChangesNoNumber() throws Exception {
        Trainer traced = trainer(), plain = trainer();
        for (int k = 0; k < 20; k++) {
            float a = k % 3 == 0 ? traced.tracedStep(X, Y).loss() : traced.step(X, Y);
            float b = plain.step(X, Y);
            org.junit.jupiter.api.Assertions.assertEquals(Float.floatToIntBits(b), Float.floatToIntBits(a), "step " + k);
        }
        for (int i = 0; i < plain.model().params().size(); i++) {
            assertArrayEquals(plain.model().params().get(i).value().data(), traced.model().params().get(i).value().data());
        }
    }
}
