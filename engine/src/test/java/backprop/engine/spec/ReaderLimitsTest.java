package backprop.engine.spec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Phase 2 of issue 21: the reader itself refuses every network file past a limit, with the
 * JSON path, the value and the limit, before it allocates anything from the file's sizes.
 * Switch on by deleting the @Disabled once SpecReader enforces {@link Limits}.
 */
@Disabled("phase 2: reader enforces limits")
class ReaderLimitsTest {

    static Stream<Arguments> everyFilePastALimit() {
        return Stream.concat(LimitFiles.overSpecLimitsChecks(), LimitFiles.overReaderOnly());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFilePastALimit")
    void readerRefusesOnePastEachLimit(String name, String path, long value, long limit) {
        Path file = LimitFiles.file(name);
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(file));
        SpecLimitsTest.assertNames(e, file.toString(), path, value, limit);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backprop.engine.spec.LimitFiles#atLimit")
    void readerAcceptsTheLimitItself(String name) {
        assertDoesNotThrow(() -> SpecReader.read(LimitFiles.file(name)));
    }

    @Test
    void readerRefusesAFileOneBytePastTheSizeLimit(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.json");
        String doc = "{\"format\": \"backprop-studio.network\", \"version\": 1, \"input\": {\"shape\": [2]}, \"layers\": [{\"type\": \"dense\", \"units\": 1}]}";
        Files.writeString(big, doc + " ".repeat((int) (Limits.NETWORK_FILE_BYTES + 1 - doc.length())));
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(big));
        SpecLimitsTest.assertNames(e, big.toString(), "", Limits.NETWORK_FILE_BYTES + 1, Limits.NETWORK_FILE_BYTES);
    }

    @Test
    void readerRefusesNestingPastTheDepthLimit() {
        String deep = "[".repeat(Limits.JSON_DEPTH + 1) + "]".repeat(Limits.JSON_DEPTH + 1);
        String doc = "{\"format\": \"backprop-studio.network\", \"version\": 1, \"description\": " + deep + "}";
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(doc, "deep.json"));
        SpecLimitsTest.assertNames(e, "deep.json", "$.description", Limits.JSON_DEPTH + 1, Limits.JSON_DEPTH);
    }
}
