package backprop.engine.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.engine.models.DeepNetworks.Config;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.NetworkSpec.InitSpec;
import backprop.engine.spec.SpecWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped deep-* presets are exactly what the builder makes of their configurations. */
class DeepNetworksTest {
    private static final InitSpec U1 = new InitSpec("uniform", 1.0), XAVIER = new InitSpec("xavier", 0), HE = new InitSpec("he", 0);

    @Test
    void everyPresetIsTheBuildersNetwork() throws Exception {
        Map<String, Config> presets = Map.of(
                "deep-sigmoid-uniform", new Config(10, 24, "sigmoid", U1, false, false),
                "deep-tanh-xavier", new Config(10, 24, "tanh", XAVIER, false, false),
                "deep-relu-he", new Config(10, 24, "relu", HE, false, false),
                "deep-relu-he-batchnorm", new Config(10, 24, "relu", HE, true, false),
                "deep-sigmoid-batchnorm", new Config(10, 24, "sigmoid", U1, true, false),
                "deep-sigmoid-residual", new Config(10, 24, "sigmoid", U1, false, true));
        for (var e : presets.entrySet()) {
            NetworkSpec file = BuiltinModels.spec(e.getKey());
            assertEquals(SpecWriter.toJson(file), SpecWriter.toJson(DeepNetworks.spec(file, e.getValue())), e.getKey());
        }
    }

    @Test
    void otherDepthsAndCombinationsBuild() throws Exception {
        NetworkSpec base = BuiltinModels.spec("deep-relu-he");
        for (int hidden = 1; hidden <= 20; hidden++) {
            for (boolean bn : new boolean[] {false, true}) {
                for (boolean residual : new boolean[] {false, true}) {
                    NetworkSpec s = DeepNetworks.spec(base, new Config(hidden, 16, "tanh", XAVIER, bn, residual));
                    // written and read again: a spec the reader accepts, and it builds
                    NetworkSpec again = backprop.engine.spec.SpecReader.parse(SpecWriter.toJson(s), "deep");
                    Model m = ModelFactory.build(again, 1);
                    long dense = m.layers().stream().filter(l -> l.type().equals("dense")).count();
                    assertEquals(hidden + 1, dense, hidden + " hidden, bn " + bn + ", residual " + residual);
                    long adds = m.layers().stream().filter(l -> l.type().equals("add")).count();
                    assertEquals(residual ? (hidden - 1) / 2 : 0, adds, hidden + " hidden, residual " + residual);
                }
            }
        }
    }
}
