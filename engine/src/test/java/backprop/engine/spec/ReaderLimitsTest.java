package backprop.engine.spec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader refuses every network file past a limit, with the JSON path, the value and the
 * limit, before anything is built from the file's sizes; a file at a limit reads.
 */
class ReaderLimitsTest {

    static Stream<Arguments> everyFilePastALimit() {
        return Stream.concat(LimitFiles.overChecks(), LimitFiles.overReaderOnly());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFilePastALimit")
    void readerRefusesOnePastEachLimit(String name, String path, long value, long limit) {
        Path file = LimitFiles.file(name);
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(file));
        assertNames(e, file.toString(), path, value, limit);
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
        assertNames(e, big.toString(), "", Limits.NETWORK_FILE_BYTES + 1, Limits.NETWORK_FILE_BYTES);
    }

    @Test
    void readerRefusesNestingPastTheDepthLimit() {
        String deep = "[".repeat(Limits.JSON_DEPTH + 1) + "]".repeat(Limits.JSON_DEPTH + 1);
        String doc = "{\"format\": \"backprop-studio.network\", \"version\": 1, \"description\": " + deep + "}";
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(doc, "deep.json"));
        assertNames(e, "deep.json", "$.description", Limits.JSON_DEPTH + 1, Limits.JSON_DEPTH);
    }

    static void assertNames(SpecException e, String file, String path, long value, long limit) {
        String m = e.getMessage();
        assertTrue(m.startsWith(file + ": " + (path.isEmpty() ? "" : path + ": ")), m);
        assertTrue(m.contains(String.valueOf(value)), () -> "names the value " + value + ": " + m);
        assertTrue(m.contains(String.valueOf(limit)), () -> "names the limit " + limit + ": " + m);
        assertTrue(m.lines().count() == 1 && m.length() <= 300, m);
    }
}
