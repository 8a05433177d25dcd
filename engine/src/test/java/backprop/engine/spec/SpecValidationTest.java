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
    /** A network over 2 steps of 1 feature: the recurrent layer goes between SEQ and OUT. */
    private static final String SEQ = "{\"format\": \"backprop-studio.network\", \"version\": 1, \"input\": {\"shape\": [2, 1]}, \"layers\": [";
    private static final String OUT = ", {\"type\": \"dense\", \"units\": 1}]}";

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
                        "net.json: $.layers[0].type: unknown layer type 'conv' (known: dense, maxout, dropout, add, concat, rnn, lstm, gru, conv2d, maxpool, avgpool, flatten, batchnorm, activation)"),
                Arguments.of("unknown initializer", HEAD + "\"layers\": [{\"type\": \"dense\", \"units\": 1, \"initializer\": \"ones\"}]}",
                        "net.json: $.layers[0].initializer: unknown initializer 'ones' (known: xavier, he, uniform, normal, zeros)"),
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
                        "net.json: $.layers[0]: expected an object"),
                Arguments.of("an unknown gate key", SEQ + "{\"type\": \"lstm\", \"units\": 2, \"U\": {\"i\": [[1, 2]], \"f\": [[1, 2]], \"x\": [[1, 2]]}}" + OUT,
                        "net.json: $.layers[0].U.x: unknown key 'x'; an lstm layer has the blocks i, f, o, c"),
                Arguments.of("an LSTM's gate keys on a GRU", SEQ + "{\"type\": \"gru\", \"units\": 2, \"b\": {\"i\": [0, 0], \"f\": [0, 0], \"o\": [0, 0], \"c\": [0, 0]}}" + OUT,
                        "net.json: $.layers[0].b.i: key 'i' belongs to an lstm layer; a gru layer has the blocks z, r, h"),
                Arguments.of("a GRU's gate key on an LSTM", SEQ + "{\"type\": \"lstm\", \"units\": 2, \"b\": {\"i\": [0, 0], \"f\": [0, 0], \"o\": [0, 0], \"z\": [0, 0]}}" + OUT,
                        "net.json: $.layers[0].b.z: key 'z' belongs to a gru layer; an lstm layer has the blocks i, f, o, c"),
                Arguments.of("a gate key missing", SEQ + "{\"type\": \"gru\", \"units\": 2, \"b\": {\"z\": [0, 0], \"r\": [0, 0]}}" + OUT,
                        "net.json: $.layers[0].b: missing key 'h': a gru layer has the blocks z, r, h"),
                Arguments.of("an RNN written with keys", SEQ + "{\"type\": \"rnn\", \"units\": 2, \"W\": {\"h\": [[1, 2], [3, 4]]}}" + OUT,
                        "net.json: $.layers[0].W: an rnn layer has a single block: write it as a plain array, not an object with keys (found keys h)"),
                Arguments.of("U with a row per unit", SEQ + "{\"type\": \"rnn\", \"units\": 2, \"U\": [[1, 2], [3, 4]]}" + OUT,
                        "net.json: $.layers[0].U: expected 1 rows (one per input feature), found 2"),
                Arguments.of("W not H×H", SEQ + "{\"type\": \"rnn\", \"units\": 2, \"W\": [[1, 2]]}" + OUT,
                        "net.json: $.layers[0].W: expected 2 rows (one per unit of h_{t−1}), found 1"),
                Arguments.of("b not H", SEQ + "{\"type\": \"lstm\", \"units\": 2, \"b\": {\"i\": [0, 0], \"f\": [1], \"o\": [0, 0], \"c\": [0, 0]}}" + OUT,
                        "net.json: $.layers[0].b.f: expected 2 numbers, found 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejectsWithTheDocumentedMessage(String what, String json, String message) {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(json, "net.json"), what);
        assertEquals(message, e.getMessage(), what);
    }
}
