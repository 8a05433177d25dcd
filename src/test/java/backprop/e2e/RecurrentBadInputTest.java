package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input around recurrent networks: a recurrent layer with the wrong gate keys or shapes, a
 * --input sequence of the wrong length or width, a --corpus that is not UTF-8 text. Each one is
 * exit code 2, exactly one line on stderr naming the file (or option) and the place in it (a JSON
 * path, a byte offset and line), nothing on stdout, and no file written.
 */
class RecurrentBadInputTest {
    @TempDir
    static Path dir;

    /** A network over 2 steps of 1 feature with {@code layer} as its recurrent layer, then a dense output. */
    static String network(String layer) {
        return """
                {"format": "backprop-studio.network", "version": 1, "input": {"shape": [2, 1]}, "loss": "mse",
                 "layers": [%s, {"type": "dense", "units": 1, "activation": "identity"}],
                 "dataset": {"name": "remember-first-bit", "samples": 8}}
                """.formatted(layer);
    }

    static Stream<Arguments> badRecurrentLayers() {
        String lstmU = "\"U\": {\"i\": [[1, 2]], \"f\": [[1, 2]], \"o\": [[1, 2]], \"c\": [[1, 2]]}";
        return Stream.of(
                Arguments.of("lstm-unknown-gate", "{\"type\": \"lstm\", \"units\": 2, \"U\": {\"i\": [[1, 2]], \"f\": [[1, 2]], \"x\": [[1, 2]]}}",
                        "$.layers[0].U.x", "unknown key 'x'; an lstm layer has the blocks i, f, o, c"),
                Arguments.of("lstm-missing-gate", "{\"type\": \"lstm\", \"units\": 2, \"b\": {\"i\": [0, 0], \"f\": [1, 1], \"o\": [0, 0]}}",
                        "$.layers[0].b", "missing key 'c': an lstm layer has the blocks i, f, o, c"),
                Arguments.of("lstm-keys-on-gru", "{\"type\": \"gru\", \"units\": 2, " + lstmU + "}",
                        "$.layers[0].U.i", "key 'i' belongs to an lstm layer; a gru layer has the blocks z, r, h"),
                Arguments.of("lstm-plain-U", "{\"type\": \"lstm\", \"units\": 2, \"U\": [[1, 2]]}",
                        "$.layers[0].U", "expected an object with keys i, f, o, c"),
                Arguments.of("rnn-keyed-U", "{\"type\": \"rnn\", \"units\": 2, \"U\": {\"h\": [[1, 2]]}}",
                        "$.layers[0].U", "an rnn layer has a single block: write it as a plain array"),
                Arguments.of("U-not-in-by-H", "{\"type\": \"lstm\", \"units\": 2, \"U\": {\"i\": [[1, 2], [3, 4]], \"f\": [[1, 2]], \"o\": [[1, 2]], \"c\": [[1, 2]]}}",
                        "$.layers[0].U.i", "expected 1 rows (one per input feature), found 2"),
                Arguments.of("U-wrong-width", "{\"type\": \"gru\", \"units\": 2, \"U\": {\"z\": [[1, 2]], \"r\": [[1, 2, 3]], \"h\": [[1, 2]]}}",
                        "$.layers[0].U.r[0]", "expected 2 numbers, found 3"),
                Arguments.of("W-not-H-by-H", "{\"type\": \"lstm\", \"units\": 2, \"W\": {\"i\": [[1, 2]], \"f\": [[1, 2]], \"o\": [[1, 2]], \"c\": [[1, 2]]}}",
                        "$.layers[0].W.i", "expected 2 rows (one per unit of h_{t−1}), found 1"),
                Arguments.of("rnn-W-ragged", "{\"type\": \"rnn\", \"units\": 2, \"W\": [[1, 2], [3]]}",
                        "$.layers[0].W[1]", "expected 2 numbers, found 1"),
                Arguments.of("b-not-H", "{\"type\": \"rnn\", \"units\": 2, \"b\": [1, 2, 3]}",
                        "$.layers[0].b", "expected 2 numbers, found 3"),
                Arguments.of("b-not-a-number", "{\"type\": \"lstm\", \"units\": 2, \"b\": {\"i\": [1, 2], \"f\": [1, 2], \"o\": [1, 2], \"c\": [1, \"x\"]}}",
                        "$.layers[0].b.c[1]", "expected a number, found the string \"x\""));
    }

    @ParameterizedTest(name = "trace and train refuse {0}")
    @MethodSource("badRecurrentLayers")
    void recurrentLayersWithWrongKeysOrShapesAreRefused(String name, String layer, String path, String problem) throws Exception {
        Path spec = dir.resolve(name + ".json");
        Files.writeString(spec, network(layer));
        CliRun trace = CliRun.of("trace", "--spec", spec.toString(), "--input", "[[[1], [0]]]", "--target", "[[[1], [0]]]");
        assertCleanFailure(trace, spec + ": " + path + ": " + problem);
        CliRun train = CliRun.of("train", "--spec", spec.toString(), "--epochs", "1");
        assertCleanFailure(train, spec + ": " + path + ": " + problem);
    }

    static Stream<Arguments> badSequences() {
        String spec = "tiny-lstm.json";   // input [4, 1], one sigmoid output
        return Stream.of(
                Arguments.of("[[[1], [0], [1]]]", "[[[1]]]", "--input: $[0]: expected 4 steps ($.input.shape[0] of " + CliRun.spec(spec) + "), found 3 steps"),
                Arguments.of("[[[1], [0], [1], [0], [1]]]", "[[[1]]]", "--input: $[0]: expected 4 steps"),
                Arguments.of("[[[1], [0], [1], [0]], [[1], [0]]]", "[[[1]], [[0]]]", "--input: $[1]: expected 4 steps"),
                Arguments.of("[[[1, 0], [0, 0], [1, 0], [0, 0]]]", "[[[1]]]",
                        "--input: $[0][0]: expected 1 numbers (features per step, $.input.shape[1] of " + CliRun.spec(spec) + "), found 2"),
                Arguments.of("[[[1], [0], [\"x\"], [0]]]", "[[[1]]]", "--input: $[0][2][0]: expected a finite number"),
                // One sample of one step with four features, not four steps: the steps are the middle axis.
                Arguments.of("[[1, 0, 1, 0]]", "[[[1]]]", "--input: $: expected 4 steps"),
                Arguments.of("[[[1], [0], [1], [0]]]", "[[[1], [0]]]",
                        "--target: $[0]: expected 4 steps (a target per step) or 1 (a target after the last step), found 2 steps"),
                Arguments.of("[[[1], [0], [1], [0]]]", "[[[1, 0]]]", "--target: $[0][0]: expected 1 numbers (the units of the last layer"),
                Arguments.of("[[[1], [0], [1], [0]]]", "[[[1]], [[0]]]", "--target: 2 target sequences for 1 input sequences"),
                Arguments.of("[[[1], [0], [1], [0]], [[0], [0], [1], [1]]]", "[[[1]], [[0], [1], [0], [1]]]",
                        "--target: $[1]: 4 steps, but $[0] has 1; every sequence of a batch has the same length"));
    }

    @ParameterizedTest(name = "trace --input {0} --target {1}")
    @MethodSource("badSequences")
    void sequencesThatDoNotFitTheNetworkAreRefused(String input, String target, String message) throws Exception {
        Path out = dir.resolve("kept.json");
        Files.writeString(out, "the trace of an earlier run");
        CliRun run = CliRun.of("trace", "--spec", CliRun.spec("tiny-lstm.json"), "--input", input, "--target", target, "--out", out.toString());
        assertCleanFailure(run, message);
        assertEquals("the trace of an earlier run", Files.readString(out), "--out is left as it was");
    }

    static Stream<Arguments> badCorpora() {
        byte[] latin1 = "Emma Woodhouse, handsome, clever, and rich,\ncaf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] cut = "na\u00efve".getBytes(StandardCharsets.UTF_8);
        byte[] truncated = java.util.Arrays.copyOf(cut, 3);   // the first byte of ï without its second
        return Stream.of(
                Arguments.of("latin1.txt", latin1, "byte offset 47 (line 2): not valid UTF-8 (byte 0xe9); the corpus must be UTF-8 text"),
                Arguments.of("picture.png", png, "byte offset 8 (line 3): a NUL byte: this looks like a binary file; the corpus must be UTF-8 text"),
                Arguments.of("truncated.txt", truncated, "byte offset 2 (line 1): not valid UTF-8 (byte 0xc3)"),
                Arguments.of("empty.txt", new byte[0], "the file is empty; the corpus must be UTF-8 text"));
    }

    @ParameterizedTest(name = "train --model char-lstm --corpus {0}")
    @MethodSource("badCorpora")
    void corporaThatAreNotUtf8TextAreRefused(String name, byte[] bytes, String problem) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        CliRun run = CliRun.of("train", "--model", "char-lstm", "--corpus", file.toString(), "--epochs", "1");
        assertCleanFailure(run, "backprop-studio train: " + file + ": " + problem);
    }

    @Test
    void aMissingCorpusIsRefused() {
        Path missing = dir.resolve("no-such-text.txt");
        CliRun run = CliRun.of("train", "--model", "char-lstm", "--corpus", missing.toString());
        assertCleanFailure(run, missing + ": file not found");
    }

    @Test
    void aCorpusShorterThanOneWindowIsRefused() throws Exception {
        Path file = dir.resolve("short.txt");
        Files.writeString(file, "too short");
        CliRun run = CliRun.of("train", "--model", "char-lstm", "--corpus", file.toString());
        assertCleanFailure(run, "windows of 33 characters (32 steps and the next character) do not fit in a text of 9 characters");
    }

    @Test
    void corpusIsRefusedForModelsThatDoNotReadText() {
        CliRun run = CliRun.of("train", "--model", "remember-first-bit-lstm", "--corpus", "some.txt");
        assertCleanFailure(run, "--corpus: built-in model remember-first-bit-lstm does not train on a text corpus");
        run = CliRun.of("train", "--model", "xor", "--corpus", "some.txt");
        assertCleanFailure(run, "--corpus: built-in model xor does not train on a text corpus");
    }

    @Test
    void dataSetsOfTheWrongFormAreRefused() throws Exception {
        Path vectors = dir.resolve("lstm-on-xor.json");
        Files.writeString(vectors, network("{\"type\": \"lstm\", \"units\": 2}").replace("\"remember-first-bit\", \"samples\": 8", "\"xor\""));
        assertCleanFailure(CliRun.of("train", "--spec", vectors.toString()),
                vectors + ": $.dataset.name: dataset 'xor' holds vectors, and this network reads sequences [T, features]");
        Path sequences = dir.resolve("dense-on-bits.json");
        Files.writeString(sequences, """
                {"format": "backprop-studio.network", "version": 1, "input": {"shape": [1]},
                 "layers": [{"type": "dense", "units": 1}], "dataset": {"name": "remember-first-bit"}}
                """);
        assertCleanFailure(CliRun.of("train", "--spec", sequences.toString()),
                sequences + ": $.dataset.name: dataset 'remember-first-bit' holds sequences, and this network reads vectors");
        Path wide = dir.resolve("two-features.json");
        Files.writeString(wide, network("{\"type\": \"lstm\", \"units\": 2}").replace("[2, 1]", "[2, 3]"));
        assertCleanFailure(CliRun.of("train", "--spec", wide.toString()),
                wide + ": $.input.shape[1]: dataset 'remember-first-bit' has 1 features per step but the network reads 3");
    }

    @Test
    void aSequenceSetTooBigForOnePassIsRefusedBeforeTraining() throws Exception {
        // 100,000 sequences of 100 steps through 1,000 LSTM units: 4 gate values per unit and step.
        Path big = dir.resolve("big-lstm.json");
        Files.writeString(big, network("{\"type\": \"lstm\", \"units\": 1000}").replace("[2, 1]", "[100, 1]").replace("\"samples\": 8", "\"samples\": 100000"));
        assertCleanFailure(CliRun.of("train", "--spec", big.toString()), big + ": $.dataset.samples: 100000 sequences × 100 steps × 4000 values in the widest layer");
    }

    @Test
    void earlyStoppingIsRefusedForSequences() throws Exception {
        Path spec = dir.resolve("early-stopping.json");
        Files.writeString(spec, network("{\"type\": \"gru\", \"units\": 2}").replace("\"dataset\"", "\"training\": {\"validationSplit\": 0.2}, \"dataset\""));
        assertCleanFailure(CliRun.of("train", "--spec", spec.toString()),
                spec + ": $.training.validationSplit: early stopping is not available for sequence data sets");
    }

    /** Exit 2, nothing on stdout, and one line on stderr that contains {@code expected}. */
    static void assertCleanFailure(CliRun run, String expected) {
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        String err = run.err().strip();
        assertFalse(err.contains("\n"), "one line: " + run);
        assertFalse(err.contains("Exception"), "no stack trace: " + run);
        assertTrue(err.contains(expected), "expected '" + expected + "' in: " + run);
    }
}
