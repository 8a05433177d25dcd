package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed files and arguments: exit code 2 and one line on stderr that names the file (or
 * option), the JSON path and the problem; never a stack trace.
 */
class BadInputTest {

    static Stream<Arguments> malformedSpecs() {
        return Stream.of(
                Arguments.of("bad-activation.json", "$.layers[0].activation", "unknown activation 'sigmoidd'"),
                Arguments.of("wrong-weight-shape.json", "$.layers[0].weights", "expected 2 rows"),
                Arguments.of("unknown-field.json", "$.layers[0].colour", "unknown field 'colour'"),
                Arguments.of("not-json.json", "line 5", "not valid JSON"),
                Arguments.of("wrong-version.json", "$.version", "version 7 is not supported"),
                Arguments.of("dataset-mismatch.json", "$.dataset.name", "has 2 inputs"),
                Arguments.of("no-dataset.json", "$.dataset", "names no dataset"),
                Arguments.of("does-not-exist.json", "does-not-exist.json", "file not found"));
    }

    @ParameterizedTest(name = "train --spec {0}")
    @MethodSource("malformedSpecs")
    void trainRejectsMalformedSpecs(String file, String path, String problem) {
        CliRun run = CliRun.of("train", "--spec", CliRun.spec(file));
        assertCleanFailure(run, file, path, problem);
    }

    static Stream<Arguments> specsTraceCannotRead() {
        return malformedSpecs().filter(a -> !((String) a.get()[0]).contains("dataset"));
    }

    @ParameterizedTest(name = "trace --spec {0}")
    @MethodSource("specsTraceCannotRead")
    void traceRejectsMalformedSpecs(String file, String path, String problem) {
        CliRun run = CliRun.of("trace", "--spec", CliRun.spec(file), "--input", "[[0,1]]", "--target", "[[1]]");
        assertCleanFailure(run, file, path, problem);
    }

    static Stream<Arguments> badBatches() {
        return Stream.of(
                Arguments.of("[[0, 1], [1]]", "[[1], [0]]", "--input: $[1]: expected 2 numbers"),
                Arguments.of("[[0, 1]", "[[1]]", "--input: not valid JSON"),
                Arguments.of("[[0, \"one\"]]", "[[1]]", "--input: $[0][1]: expected a finite number"),
                Arguments.of("[[0, 1]]", "[[1, 0]]", "--target: $[0]: expected 1 numbers"),
                Arguments.of("[[0, 1], [1, 1]]", "[[1]]", "--target: 1 target rows for 2 input rows"),
                Arguments.of("{}", "[[1]]", "--input: $: expected a non-empty array"));
    }

    @ParameterizedTest(name = "trace --input {0} --target {1}")
    @MethodSource("badBatches")
    void traceRejectsBatchesThatDoNotFit(String input, String target, String message) {
        CliRun run = CliRun.of("trace", "--spec", CliRun.spec("two-two-one.json"), "--input", input, "--target", target);
        assertCleanFailure(run, "--", message, message);
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(new String[] {"train", "--model", "no-such-model"}, "unknown model 'no-such-model'"),
                Arguments.of(new String[] {"train"}, "Missing required argument"),
                Arguments.of(new String[] {"train", "--model", "xor", "--spec", "x.json"}, "mutually exclusive"),
                Arguments.of(new String[] {"train", "--model", "xor", "--epochs", "many"}, "--epochs"),
                Arguments.of(new String[] {"train", "--model", "xor", "--lr", "-1"}, "--lr"),
                Arguments.of(new String[] {"no-such-command"}, "no-such-command"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badArguments")
    void badArgumentsExitWithUsageCode(String[] args, String message) {
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains(message), run::toString);
        assertNoStackTrace(run);
    }

    private static void assertCleanFailure(CliRun run, String file, String path, String problem) {
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out(), "nothing on stdout");
        String err = run.err().strip();
        assertEquals(1, err.lines().count(), () -> "one line on stderr:\n" + err);
        assertTrue(err.contains(file), () -> "names " + file + ": " + err);
        assertTrue(err.contains(path), () -> "names " + path + ": " + err);
        assertTrue(err.contains(problem), () -> "says " + problem + ": " + err);
        assertNoStackTrace(run);
    }

    private static void assertNoStackTrace(CliRun run) {
        assertFalse(run.err().contains("Exception"), run::toString);
        assertFalse(run.err().contains("at backprop."), run::toString);
        assertFalse(run.err().contains("\tat "), run::toString);
    }
}
