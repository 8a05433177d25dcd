package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 21: bad input never crashes, hangs or lies. Each test is one reproduction from the
 * issue; each failed before the fix (an internal error, a stack trace, minutes of silence, a
 * message naming neither file nor field).
 */
class HostileInputTest {
    private static final String HEAD = "\"format\": \"backprop-studio.network\", \"version\": 1, ";

    @TempDir
    Path dir;

    private String spec(String name, String body) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, "{" + HEAD + body + "}");
        return f.toString();
    }

    /** Exit 2, nothing on stdout, one line on stderr naming the file, the path and the problem. */
    private static void assertRefused(CliRun run, String file, String path, String... problem) {
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run::toString);
        String line = lines.get(0);
        assertTrue(line.contains(file + ": " + path + ": "), () -> "names the file and " + path + ": " + line);
        for (String p : problem) assertTrue(line.contains(p), () -> "says " + p + ": " + line);
        assertFalse(line.contains("internal error") || line.contains("Exception"), line);
        assertTrue(line.length() <= 300, () -> line.length() + " characters");
    }

    @ParameterizedTest(name = "majority over an input of {0}")
    @ValueSource(ints = {24, 25, 30, 31, 32, 33})
    void case1MajorityWithTooManyInputsIsRefusedAtOnce(int n) throws IOException {
        String f = spec("majority.json", "\"input\": {\"shape\": [" + n + "]}, \"layers\": [{\"type\": \"dense\", \"units\": 1}], "
                + "\"dataset\": {\"name\": \"majority\"}");
        assertRefused(CliRun.of("train", "--spec", f), f, "$.input.shape", "majority of " + n + " inputs", "expected 1 to 16");
    }

    @ParameterizedTest(name = "{0} × {0}")
    @ValueSource(ints = {46_341, 65_536, 40_000})
    void case2AHugeLayerIsRefusedBeforeItIsBuilt(int n) throws IOException {
        String f = spec("huge.json", "\"input\": {\"shape\": [" + n + "]}, \"layers\": [{\"type\": \"dense\", \"units\": " + n + "}], "
                + "\"dataset\": {\"name\": \"xor\"}");
        long params = (long) n * n + n;
        assertRefused(CliRun.of("train", "--spec", f), f, "$.layers[0]", String.valueOf(params), "over the limit of 4194304");
        assertRefused(CliRun.of("trace", "--spec", f, "--input", "[[0]]", "--target", "[[0]]"), f, "$.layers[0]", String.valueOf(params));
    }

    @Test
    void case2RunningOutOfMemoryIsOneLineWithExitOneNotAStackTrace() throws Exception {
        // 2047 × 2048 weights are within the limits (16 MB) but not within a 16 MB heap.
        JarRun r = JarRun.of(List.of("-Xmx16m"), "train", "--spec", "engine/src/test/resources/limits/layer-parameters-at-limit.json");
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("backprop-studio train: out of memory while building the network 2047-2048; use fewer units or inputs"), r::toString);
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat ") || r.err().contains("internal error"), r::toString);
    }

    @Test
    void case3AnEmptyLayerNameStillPrintsTheTruthTable() throws IOException {
        String f = spec("empty-name.json", "\"input\": {\"shape\": [2]}, \"layers\": [{\"type\": \"dense\", \"name\": \"\", \"units\": 2}, "
                + "{\"type\": \"dense\", \"name\": \"odd\\nname\\u0007\", \"units\": 2}, {\"type\": \"dense\", \"units\": 1}], "
                + "\"training\": {\"epochs\": 3}, \"dataset\": {\"name\": \"xor\"}");
        CliRun run = CliRun.of("train", "--spec", f);
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err(), run::toString);
        String header = run.out().lines().filter(l -> l.contains("x1") && l.contains("target")).findFirst().orElseThrow();
        assertTrue(header.contains("dense1.1") && header.contains("dense1.2"), header);
        assertTrue(header.contains("odd\\nname\\u0007.1"), header);
        assertEquals(4 + 1, run.out().lines().dropWhile(l -> !l.equals(header)).count(), "one line per row: " + run.out());
    }

    @Test
    void case4AValidationSplitThatLeavesNoValidationSampleNamesTheFieldAndTheFix() throws IOException {
        String f = spec("split.json", "\"input\": {\"shape\": [2]}, \"layers\": [{\"type\": \"dense\", \"units\": 1}], "
                + "\"training\": {\"validationSplit\": 0.1}, \"dataset\": {\"name\": \"xor\"}");
        assertRefused(CliRun.of("train", "--spec", f), f, "$.training.validationSplit",
                "0.1 of 4 samples leaves no validation sample; use at least 0.125");
        String g = spec("split9.json", "\"input\": {\"shape\": [2]}, \"layers\": [{\"type\": \"dense\", \"units\": 1}], "
                + "\"training\": {\"validationSplit\": 0.9}, \"dataset\": {\"name\": \"xor\"}");
        assertRefused(CliRun.of("train", "--spec", g), g, "$.training.validationSplit", "leaves no sample to train on");
    }

    @Test
    void case7ControlCharactersAreEscapedAndLongTextIsCut() throws Exception {
        String f = spec("newline.json", "\"input\": {\"shape\": [2]}, \"layers\": [{\"type\": \"dense\", \"units\": 1, \"activation\": \"a\\nb\\u0007\"}]");
        assertRefused(CliRun.of("train", "--spec", f), f, "$.layers[0].activation", "unknown activation 'a\\nb\\u0007'");

        String g = spec("long.json", "\"input\": {\"shape\": [2]}, \"layers\": [{\"type\": \"dense\", \"units\": 1, \"activation\": \""
                + "x".repeat(1_000_000) + "\"}]");
        assertRefused(CliRun.of("train", "--spec", g), g, "$.layers[0].activation", "unknown activation 'xxxx", "…' (known: ");

        // the same through the jar, where a million characters used to come back as one line
        JarRun r = JarRun.of("trace", "--spec", g, "--input", "[[0,1]]", "--target", "[[1]]");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals(1, r.err().lines().count());
        assertTrue(r.err().length() < 400, () -> r.err().length() + " characters");
    }

    @Test
    void case7BatchArgumentsAndOptionsAreEscapedToo() {
        CliRun run = CliRun.of("trace", "--spec", CliRun.spec("two-two-one.json"), "--input", "[[0, \"a\\nb" + "c".repeat(5000) + "\"]]", "--target", "[[1]]");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().contains("--input: $[0][1]: expected a finite number") && run.err().length() < 400, run::toString);

        CliRun option = CliRun.of("train", "--model", "xor\n" + "y".repeat(100_000));
        assertEquals(2, option.exitCode(), option::toString);
        assertEquals(1, option.err().lines().count(), option::toString);
        assertTrue(option.err().contains("unknown model 'xor\\nyyy") && option.err().length() < 400, option::toString);
    }

    @Test
    void case8TooManySamplesOrEpochsAreRefusedBeforeAnyWork() throws IOException {
        String f = spec("samples.json", "\"input\": {\"shape\": [2]}, \"layers\": [{\"type\": \"dense\", \"units\": 1}], "
                + "\"dataset\": {\"name\": \"circle\", \"samples\": 10000000}");
        assertRefused(CliRun.of("train", "--spec", f), f, "$.dataset.samples", "10000000", "over the limit of 100000");
        String g = spec("epochs.json", "\"input\": {\"shape\": [2]}, \"layers\": [{\"type\": \"dense\", \"units\": 1}], "
                + "\"training\": {\"epochs\": 10000000}, \"dataset\": {\"name\": \"xor\"}");
        assertRefused(CliRun.of("train", "--spec", g), g, "$.training.epochs", "10000000", "over the limit of 1000000");
        CliRun flag = CliRun.of("train", "--model", "xor", "--epochs", "10000000");
        assertEquals(2, flag.exitCode(), flag::toString);
        assertEquals("backprop-studio train: --epochs: 10000000 is over the limit of 1000000", flag.err().strip());
    }
}
