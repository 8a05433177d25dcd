package backprop.engine.layers.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.autodiff.Activation;
import backprop.engine.gradcheck.GradCheck;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecReader;
import backprop.engine.spec.SpecWriter;
import backprop.engine.tensor.Tensor;
import backprop.engine.trace.LayerTrace;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The activation kind: g on its own equals a dense layer with that g, in values, gradients and files. */
class ActivationLayerTest {
    private static String net(String hidden) {
        return "{\"format\": \"backprop-studio.network\", \"version\": 1, \"input\": {\"shape\": [2]}, \"seed\": 5, \"layers\": ["
                + hidden + ", {\"type\": \"dense\", \"units\": 1, \"initializer\": \"he\"}]}";
    }

    @Test
    void denseIdentityThenActivationEqualsDenseWithThatActivation() throws Exception {
        for (String g : List.of("tanh", "relu", "sigmoid", "elu")) {
            Model split = ModelFactory.build(SpecReader.parse(net("{\"type\": \"dense\", \"units\": 3, \"activation\": \"identity\"}, "
                    + "{\"type\": \"activation\", \"activation\": \"" + g + "\"}"), "a.json"), 5);
            Model joined = ModelFactory.build(SpecReader.parse(net("{\"type\": \"dense\", \"units\": 3, \"activation\": \"" + g + "\"}"), "b.json"), 5);
            Tensor x = Tensor.matrix(new float[][] {{0.3f, -1f}, {1.2f, 0.4f}}), y = Tensor.matrix(new float[][] {{0.1f}, {0.8f}});
            var ts = new Trainer(split, TrainConfig.defaults()).trace(x, y);
            var tj = new Trainer(joined, TrainConfig.defaults()).trace(x, y);
            assertEquals(tj.loss(), ts.loss(), g);
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(joined.params().get(i).grad().data(), split.params().get(i).grad().data(), g + " parameter " + i);
            }
            LayerTrace act = ts.layers().get(1);
            assertEquals(g, act.activation());
            assertArrayEquals(tj.layers().get(0).delta()[1], act.delta()[1], "δ = ∂L/∂a, as dense's");
            assertArrayEquals(tj.layers().get(0).gPrime()[0], act.gPrime()[0]);
        }
    }

    @Test
    void readsEveryActivationAndWritesItBack() throws Exception {
        for (String g : Activation.NAMES) {
            if (g.equals("softmax")) continue;
            NetworkSpec spec = SpecReader.parse(net("{\"type\": \"dense\", \"units\": 3}, {\"type\": \"activation\", \"activation\": \"" + g + "\"}"), "a.json");
            assertEquals(SpecWriter.toJson(spec), SpecWriter.toJson(SpecReader.parse(SpecWriter.toJson(spec), "again")));
        }
        NetworkSpec leaky = SpecReader.parse(net("{\"type\": \"dense\", \"units\": 3}, {\"type\": \"activation\", \"activation\": \"leaky_relu\", \"alpha\": 0.2}"), "a.json");
        assertTrue(SpecWriter.toJson(leaky).contains("\"alpha\" : 0.2"));
    }

    @Test
    void badFieldsAreRefusedWithTheirPath() {
        SpecException unknown = assertThrows(SpecException.class,
                () -> SpecReader.parse(net("{\"type\": \"activation\", \"activation\": \"tanhh\"}"), "a.json"));
        assertTrue(unknown.getMessage().startsWith("a.json: $.layers[0].activation: unknown activation 'tanhh'"), unknown.getMessage());
        SpecException missing = assertThrows(SpecException.class, () -> SpecReader.parse(net("{\"type\": \"activation\"}"), "a.json"));
        assertTrue(missing.getMessage().startsWith("a.json: $.layers[0]"), missing.getMessage());
        SpecException units = assertThrows(SpecException.class,
                () -> SpecReader.parse(net("{\"type\": \"activation\", \"activation\": \"relu\", \"units\": 3}"), "a.json"));
        assertTrue(units.getMessage().contains("units"), units.getMessage());
    }

    @Test
    void gradientChecksPassForEveryActivation() {
        List<GradCheck.Result> rows = new ActivationKind().gradChecks(new Random(3));
        assertEquals(Activation.NAMES.size(), rows.size());
        for (GradCheck.Result row : rows) assertTrue(row.passed() && row.checked() > 0, row.toString());
    }
}
