package backprop.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import backprop.engine.models.BuiltinModels;
import org.junit.jupiter.api.Test;

/** The limits of a network trained to show gradient flow: depth, width and rate, each refused at its JSON path. */
class DepthLimitsTest {
    private static String net(int hidden, int units, String rate) {
        StringBuilder layers = new StringBuilder();
        for (int i = 0; i < hidden; i++) layers.append("{\"type\": \"dense\", \"units\": ").append(units).append("}, {\"type\": \"batchnorm\"}, ");
        return "{\"format\": \"backprop-studio.network\", \"version\": 1, \"input\": {\"shape\": [2]}, \"layers\": [" + layers
                + "{\"type\": \"dense\", \"units\": 1}]" + (rate == null ? "" : ", \"training\": {\"learningRate\": " + rate + "}") + "}";
    }

    private static String refusal(String json) throws SpecException {
        NetworkSpec spec = SpecReader.parse(json, "d.json");
        return assertThrows(SpecException.class, () -> DepthLimits.check(spec, "d.json")).getMessage();
    }

    @Test
    void twentyHiddenLayersOf256AtRatesFrom1eMinus5To10AreAccepted() throws Exception {
        DepthLimits.check(SpecReader.parse(net(20, 256, "10"), "d.json"), "d.json");
        DepthLimits.check(SpecReader.parse(net(1, 1, "1e-5"), "d.json"), "d.json");
        DepthLimits.check(SpecReader.parse(net(3, 8, null), "d.json"), "d.json");
        for (String preset : new String[] {"deep-sigmoid-uniform", "deep-tanh-xavier", "deep-relu-he", "deep-relu-he-batchnorm",
                "deep-sigmoid-batchnorm", "deep-sigmoid-residual"}) {
            DepthLimits.check(BuiltinModels.spec(preset), preset);
        }
    }

    @Test
    void beyondThemEachIsRefusedAtItsPath() throws Exception {
        assertEquals("d.json: $.layers: 21 hidden dense layers (every one but the output, $.layers[42]) is over the limit of 20 "
                + "for a network trained to show gradient flow", refusal(net(21, 4, null)));
        assertEquals("d.json: $.layers[2].units: 257 units is over the limit of 256 for a network trained to show gradient flow",
                refusal(net(2, 257, null).replaceFirst("257", "8")));
        assertEquals("d.json: $.training.learningRate: learning rate 11.0 is outside 1.0E-5 to 10.0, the range for a network "
                + "trained to show gradient flow", refusal(net(2, 8, "11")));
        assertEquals("d.json: $.training.learningRate: learning rate 5.0E-6 is outside 1.0E-5 to 10.0, the range for a network "
                + "trained to show gradient flow", refusal(net(2, 8, "5e-6")));
    }
}
