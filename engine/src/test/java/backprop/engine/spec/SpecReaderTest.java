package backprop.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.NetworkSpec.LayerSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every complaint names the file, the exact JSON path and the problem. */
class SpecReaderTest {

    private static final String HEAD = "{\"format\": \"backprop-studio.network\", \"version\": 1, \"input\": {\"shape\": [2]}, ";

    private static String error(String json) {
        return assertThrows(SpecException.class, () -> SpecReader.parse(json, "net.json")).getMessage();
    }

    @Test
    void readsTheIssueExample() throws Exception {
        NetworkSpec s = SpecReader.parse(HEAD + """
                "layers": [
                  {"type": "dense", "units": 2, "activation": "sigmoid",
                   "weights": [[1.0, -1.0], [-1.0, 1.0]], "bias": [-0.5, -0.5]},
                  {"type": "dense", "units": 1, "activation": "sigmoid"} ],
                "loss": "mse" }""", "net.json");
        assertEquals(2, s.inputSize());
        assertEquals(2, s.layers().size());
        backprop.engine.layers.dense.DenseSpec first = (backprop.engine.layers.dense.DenseSpec) s.layers().get(0);
        assertEquals(-1f, first.weights()[0][1], "weights[i][j] is w_ij: row = input, column = unit");
        assertEquals(-0.5f, first.bias()[1]);
        assertEquals(null, ((backprop.engine.layers.dense.DenseSpec) s.layers().get(1)).weights());
        assertEquals("mse", s.loss());
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() {
        String m = error("{\"format\": \"backprop-studio.network\",\n  \"version\": 1,,\n}");
        assertTrue(m.startsWith("net.json: line 2, column 16: not valid JSON: "), m);
    }

    @Test
    void emptyFile() {
        assertEquals("net.json: the file is empty", error(""));
    }

    @Test
    void unknownTopLevelField() {
        assertEquals("net.json: $.colour: unknown field 'colour' (allowed here: dataset, description, format, input, layers, loss, name, seed, training, version)",
                error(HEAD + "\"colour\": \"red\", \"layers\": [{\"type\": \"dense\", \"units\": 1}]}"));
    }

    @Test
    void unknownLayerField() {
        assertEquals("net.json: $.layers[1].colour: unknown field 'colour' (allowed here: U, W, activation, alpha, b, beta, bias, filters, from, gamma, id, "
                        + "initializer, kernel, name, padding, pieces, rate, runningMean, runningVar, size, stride, type, units, weights)",
                error(HEAD + "\"layers\": [{\"type\": \"dense\", \"units\": 3}, {\"type\": \"dense\", \"units\": 1, \"colour\": 4}]}"));
    }

    @Test
    void fieldOfAnotherLayerType() {
        assertEquals("net.json: $.layers[0].units: field 'units' does not apply to a dropout layer",
                error(HEAD + "\"layers\": [{\"type\": \"dropout\", \"rate\": 0.5, \"units\": 2}, {\"type\": \"dense\", \"units\": 1}]}"));
    }

    @Test
    void weightsWithTheWrongNumberOfRows() {
        assertEquals("net.json: $.layers[1].weights: expected 3 rows (one per input), found 2",
                error(HEAD + "\"layers\": [{\"type\": \"dense\", \"units\": 3}, {\"type\": \"dense\", \"units\": 1, \"weights\": [[1], [2]]}]}"));
    }

    @Test
    void weightsWithTheWrongNumberOfColumns() {
        assertEquals("net.json: $.layers[0].weights[1]: expected 2 numbers, found 3",
                error(HEAD + "\"layers\": [{\"type\": \"dense\", \"units\": 2, \"weights\": [[1, 2], [3, 4, 5]]}]}"));
    }

    @Test
    void biasOfTheWrongLength() {
        assertEquals("net.json: $.layers[0].bias: expected 2 numbers, found 1",
                error(HEAD + "\"layers\": [{\"type\": \"dense\", \"units\": 2, \"bias\": [0.5]}]}"));
    }

    @Test
    void nonNumericWeight() {
        assertEquals("net.json: $.layers[0].weights[0][1]: expected a number, found the string \"x\"",
                error(HEAD + "\"layers\": [{\"type\": \"dense\", \"units\": 2, \"weights\": [[1, \"x\"], [3, 4]]}]}"));
    }

    @Test
    void unknownActivation() {
        assertEquals("net.json: $.layers[0].activation: unknown activation 'swish' (known: identity, step, sigmoid, tanh, relu, leaky_relu, elu, softplus, softmax)",
                error(HEAD + "\"layers\": [{\"type\": \"dense\", \"units\": 2, \"activation\": \"swish\"}]}"));
    }

    @Test
    void missingLayers() {
        assertEquals("net.json: $.layers: required field is missing", error(HEAD + "\"loss\": \"mse\"}"));
    }

    @Test
    void emptyLayers() {
        assertEquals("net.json: $.layers: expected a non-empty array of layers", error(HEAD + "\"layers\": []}"));
    }

    @Test
    void unsupportedVersion() {
        assertEquals("net.json: $.version: version 2 is not supported (this build reads version 1)",
                error("{\"format\": \"backprop-studio.network\", \"version\": 2, \"input\": {\"shape\": [2]}, \"layers\": [{\"type\": \"dense\", \"units\": 1}]}"));
    }

    @Test
    void wrongFormat() {
        assertEquals("net.json: $.format: expected \"backprop-studio.network\", found \"keras\"",
                error("{\"format\": \"keras\", \"version\": 1}"));
    }

    @Test
    void crossEntropyWithoutSoftmax() {
        assertEquals("net.json: $.loss: cross_entropy expects the last layer's activation to be softmax",
                error(HEAD + "\"layers\": [{\"type\": \"dense\", \"units\": 3, \"activation\": \"sigmoid\"}], \"loss\": \"cross_entropy\"}"));
    }

    @Test
    void unknownLoss() {
        assertEquals("net.json: $.loss: unknown loss 'hinge' (known: mse, cross_entropy, binary_cross_entropy)",
                error(HEAD + "\"layers\": [{\"type\": \"dense\", \"units\": 1}], \"loss\": \"hinge\"}"));
    }

    @Test
    void badTrainingValue() {
        assertEquals("net.json: $.training.optimizer: unknown optimizer 'lbfgs' (known: sgd, momentum, rmsprop, adam)",
                error(HEAD + "\"layers\": [{\"type\": \"dense\", \"units\": 1}], \"training\": {\"optimizer\": \"lbfgs\"}}"));
    }

    @Test
    void readNamesTheFileOnDisk(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, HEAD + "\"layers\": [{\"type\": \"dense\", \"units\": 2, \"activation\": \"swish\"}]}");
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(f));
        assertEquals(f.toString(), e.file());
        assertEquals("$.layers[0].activation", e.path());
        assertTrue(e.getMessage().startsWith(f + ": $.layers[0].activation: unknown activation 'swish'"), e.getMessage());
        Path missing = dir.resolve("nope.json");
        assertEquals(missing + ": file not found", assertThrows(SpecException.class, () -> SpecReader.read(missing)).getMessage());
    }
}
