package backprop.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of file docs/network-format.md says the reader rejects, with the exact message it
 * documents: file, JSON path, problem. (SpecReaderTest covers the common cases one by one.)
 */
class SpecValidationTest {

    private static final String HEAD = "{\"format\": \"backprop-studio.network\", \"version\": 1, \"input\": {\"shape\": [2]}, ";
    private static final String ONE_UNIT = "\"layers\": [{\"type\": \"dense\", \"units\": 1}]";

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("duplicate key", HEAD + ONE_UNIT + ", \"loss\": \"mse\", \"loss\": \"mse\"}",
                        "net.json: line 1, column 142: not valid JSON: Duplicate field 'loss'"),
                Arguments.of("text after the document", HEAD + ONE_UNIT + "} {}",
                        "net.json: line 1, column 121: not valid JSON: something follows the end of the document"),
                Arguments.of("missing format", "{\"version\": 1, \"input\": {\"shape\": [2]}, " + ONE_UNIT + "}",
                        "net.json: $.format: required field is missing"),
                Arguments.of("units of the wrong JSON type", HEAD + "\"layers\": [{\"type\": \"dense\", \"units\": \"two\"}]}",
                        "net.json: $.layers[0].units: expected a whole number, found the string \"two\""),
                Arguments.of("units out of range", HEAD + "\"layers\": [{\"type\": \"dense\", \"units\": 0}]}",
                        "net.json: $.layers[0].units: expected a whole number from 1 to 65536, found 0"),
                Arguments.of("alpha on an activation without one", HEAD + "\"layers\": [{\"type\": \"dense\", \"units\": 1, \"activation\": \"sigmoid\", \"alpha\": 0.1}]}",
                        "net.json: $.layers[0].alpha: alpha applies to leaky_relu and elu only, not sigmoid"),
                Arguments.of("weight beyond float32", HEAD + "\"layers\": [{\"type\": \"dense\", \"units\": 1, \"weights\": [[1e39], [0]]}]}",
                        "net.json: $.layers[0].weights[0][0]: number out of range: 1.0E39"),
                Arguments.of("binary_cross_entropy without sigmoid", HEAD + "\"layers\": [{\"type\": \"dense\", \"units\": 1, \"activation\": \"tanh\"}], \"loss\": \"binary_cross_entropy\"}",
                        "net.json: $.loss: binary_cross_entropy expects the last layer's activation to be sigmoid"),
                Arguments.of("unknown layer type", HEAD + "\"layers\": [{\"type\": \"conv\", \"units\": 1}]}",
                        "net.json: $.layers[0].type: unknown layer type 'conv' (known: dense, maxout, dropout, add, concat, rnn, lstm, gru, conv2d, maxpool, avgpool, flatten)"),
                Arguments.of("unknown initializer", HEAD + "\"layers\": [{\"type\": \"dense\", \"units\": 1, \"initializer\": \"zeros\"}]}",
                        "net.json: $.layers[0].initializer: unknown initializer 'zeros' (known: xavier, he, uniform, normal)"),
                Arguments.of("maxout weights with too few pieces", HEAD + "\"layers\": [{\"type\": \"maxout\", \"units\": 1, \"pieces\": 2, \"weights\": [[[1], [2]]]}]}",
                        "net.json: $.layers[0].weights: expected 2 matrices (one per piece) of 2×1"),
                Arguments.of("input of rank 2", "{\"format\": \"backprop-studio.network\", \"version\": 1, \"input\": {\"shape\": [2, 2]}, " + ONE_UNIT + "}",
                        "net.json: $.input.shape: a shape [steps, features] is for sequences, and this network has no rnn, lstm or gru layer; give a vector shape such as [2]"),
                Arguments.of("unknown field in training", HEAD + ONE_UNIT + ", \"training\": {\"learningrate\": 0.1}}",
                        "net.json: $.training.learningrate: unknown field 'learningrate' (allowed here: batchSize, beta1, beta2, clipNorm, epochs, epsilon, l2, learningRate, momentum, optimizer, patience, rho, truncate, validationSplit)"),
                Arguments.of("learning rate out of range", HEAD + ONE_UNIT + ", \"training\": {\"learningRate\": -1}}",
                        "net.json: $.training.learningRate: expected a number from 1.0E-9 to 1000.0, found -1.0"),
                Arguments.of("dropout rate missing", HEAD + "\"layers\": [{\"type\": \"dropout\"}, {\"type\": \"dense\", \"units\": 1}]}",
                        "net.json: $.layers[0].rate: required field is missing"),
                Arguments.of("a layer that is not an object", HEAD + "\"layers\": [3]}",
                        "net.json: $.layers[0]: expected an object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejectsWithTheDocumentedMessage(String what, String json, String message) {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(json, "net.json"), what);
        assertEquals(message, e.getMessage(), what);
    }
}
