package backprop.engine.spec;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The network files in test resources {@code limits/}: one past each limit a network file can
 * exceed, with the JSON path, the value and the limit a refusal must name; and the ones at a
 * limit, which must be accepted. Used by {@code ReaderLimitsTest}.
 */
final class LimitFiles {
    private LimitFiles() {}

    static Path file(String name) {
        try {
            return Path.of(LimitFiles.class.getResource("/limits/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** file, JSON path, value, limit: one past each limit of the network's sizes. */
    static Stream<Arguments> overChecks() {
        return Stream.of(
                Arguments.of("input-dimension-over.json", "$.input.shape[0]", 65_537L, (long) Limits.INPUT_DIMENSION),
                Arguments.of("units-over.json", "$.layers[0].units", 65_537L, (long) Limits.UNITS),
                Arguments.of("layers-over.json", "$.layers", 257L, (long) Limits.LAYERS),
                Arguments.of("layer-parameters-over.json", "$.layers[0]", 2048L * 2048 + 2048, (long) Limits.LAYER_PARAMETERS),
                Arguments.of("parameters-over.json", "$.layers", 16_779_262L, (long) Limits.PARAMETERS),
                Arguments.of("epochs-over.json", "$.training.epochs", 1_000_001L, (long) Limits.EPOCHS),
                Arguments.of("batch-size-over.json", "$.training.batchSize", 100_001L, (long) Limits.BATCH_SIZE),
                Arguments.of("samples-over.json", "$.dataset.samples", 100_001L, (long) Limits.SAMPLES),
                Arguments.of("majority-inputs-over.json", "$.dataset.inputs", 17L, (long) Limits.MAJORITY_INPUTS));
    }

    /** One past the limits on the input's total size, maxout pieces and name length. */
    static Stream<Arguments> overReaderOnly() {
        return Stream.of(
                Arguments.of("input-size-over.json", "$.input.shape", 262_152L, (long) Limits.INPUT_SIZE),
                Arguments.of("pieces-over.json", "$.layers[0].pieces", 17L, (long) Limits.MAXOUT_PIECES),
                Arguments.of("name-length-over.json", "$.name", 257L, (long) Limits.NAME_LENGTH));
    }

    static Stream<String> atLimit() {
        return Stream.of("units-at-limit.json", "layer-parameters-at-limit.json", "epochs-at-limit.json",
                "samples-at-limit.json", "majority-inputs-at-limit.json");
    }
}
