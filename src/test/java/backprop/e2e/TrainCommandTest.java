package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code train}: the built-in models behave as the lectures say they do. */
class TrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void xorLearnsToFullAccuracyAndEveryJsonLineHasExactlyTheThreeFields() throws Exception {
        CliRun run = CliRun.of("train", "--model", "xor", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.lines();
        assertEquals(3000, lines.size(), "one line per epoch of the built-in xor's 3000");
        for (String line : lines) assertEquals(List.of("epoch", "loss", "accuracy"), keys(JSON.readTree(line)), line);
        JsonNode first = JSON.readTree(lines.get(0)), last = JSON.readTree(run.lastLine());
        assertEquals(1, first.get("epoch").asInt());
        assertEquals(3000, last.get("epoch").asInt());
        assertEquals(1.0, last.get("accuracy").asDouble(), run.lastLine());
        assertTrue(last.get("loss").asDouble() < first.get("loss").asDouble() / 10, "loss fell by an order of magnitude");
    }

    @Test
    void xorFirstReachesFullAccuracyAtTheEpochTheReadmeStates() throws Exception {
        // README: "100% from epoch 625 with its seed"; the run is deterministic, so this is exact.
        CliRun run = CliRun.of("train", "--model", "xor", "--json");
        int first = -1;
        for (String line : run.lines()) {
            JsonNode o = JSON.readTree(line);
            if (o.get("accuracy").asDouble() == 1.0) {
                first = o.get("epoch").asInt();
                break;
            }
        }
        assertEquals(625, first, "first epoch at 100% accuracy; update README.md if this changes");
        assertTrue(java.nio.file.Files.readString(CliRun.root().resolve("README.md")).contains("100% from epoch 625 with its seed"));
    }

    @Test
    void perceptronJsonLinesHaveExactlyTheThreeFields() throws Exception {
        CliRun run = CliRun.of("train", "--model", "perceptron-and", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(6, run.lines().size(), run::toString);
        for (int i = 0; i < 6; i++) {
            JsonNode o = JSON.readTree(run.lines().get(i));
            assertEquals(List.of("epoch", "loss", "accuracy"), keys(o));
            assertEquals(i + 1, o.get("epoch").asInt());
        }
        assertEquals(1.0, JSON.readTree(run.lastLine()).get("accuracy").asDouble());
    }

    /** Issue 16: a diverging run printed "loss 4825139058711804000000000.000000" and then "loss Infinity". */
    @Test
    void divergingLossesUseTheExponentFormAndTheRunStopsAtTheFirstNonFiniteOne() {
        CliRun run = CliRun.of("train", "--spec", CliRun.spec("diverges.json"));
        assertEquals(1, run.exitCode(), run::toString);
        List<String> epochs = run.lines().stream().filter(l -> l.startsWith("epoch")).toList();
        assertEquals(6, epochs.size(), run::toString);
        for (String line : epochs) {
            assertTrue(line.matches("epoch +\\d+  loss (\\d{1,6}\\.\\d{6}|\\d\\.\\d{6}e[+-]\\d{2})  accuracy .*"), line);
        }
        assertEquals("epoch    6  loss 3.099979e+37  accuracy 50.0%", epochs.get(5));
        assertFalse(run.out().contains("Infinity") || run.out().contains("NaN"), run::toString);
        assertEquals("backprop-studio train: training diverged: the training loss became Infinity after epoch 7 "
                + "(step 7; learning rate 1000.0 is probably too large for this network)", run.err().strip());
    }

    private static List<String> keys(JsonNode o) {
        List<String> out = new ArrayList<>();
        o.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** The cells of a printed table: its header (the first line starting with {@code first}) and the {@code rows} below it. */
    private static List<List<String>> table(CliRun run, String first, int rows) {
        List<String> lines = run.lines();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith(first)).findFirst().orElseThrow(() -> new AssertionError("no table:\n" + run)));
        return lines.subList(header, header + 1 + rows).stream().map(l -> List.of(l.trim().split("\\s+"))).toList();
    }

    @Test
    void noisySpiralSpecTrainsOnItsSplitAndReportsTheTestSet() {
        CliRun run = CliRun.of("train", "--spec", CliRun.spec("spiral-split.json"));
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.lines().get(0).endsWith("on spiral (90 samples)"), run::toString);
        assertTrue(run.lastLine().matches("test set \\(30 samples\\): loss \\d+\\.\\d{6}, accuracy \\d+\\.\\d%"), run::toString);
    }

    @Test
    void humanEpochLinesFollowTheDocumentedShape() {
        CliRun run = CliRun.of("train", "--model", "xor", "--epochs", "5");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().lines().anyMatch(l -> l.matches("epoch +5  loss \\d+\\.\\d{6}  accuracy \\d+\\.\\d%")), run::toString);
    }

    @Test
    void flagsOverrideTheFile() {
        CliRun run = CliRun.of("train", "--model", "xor", "--epochs", "7", "--lr", "0.25", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(7, run.lines().size());
        CliRun human = CliRun.of("train", "--model", "xor", "--epochs", "7", "--lr", "0.25");
        assertTrue(human.out().contains("η=0.25"), human::toString);
    }

    @Test
    void perceptronSolvesAndAndOr() {
        for (String model : List.of("perceptron-and", "perceptron-or")) {
            CliRun run = CliRun.of("train", "--model", model);
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.lastLine().startsWith("converged after "), run::toString);
            assertTrue(run.out().lines().filter(l -> l.startsWith("epoch")).reduce((a, b) -> b).orElseThrow().contains("mistakes 0"),
                    "the last epoch made no mistakes");
        }
    }

    @Test
    void perceptronNeverConvergesOnXor() {
        CliRun run = CliRun.of("train", "--model", "perceptron-xor");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.lastLine().startsWith("did not converge"), run::toString);
        assertTrue(run.lastLine().contains("cycles forever"), run::toString);
        assertTrue(run.lastLine().contains("not linearly separable"), run::toString);
        assertFalse(run.out().contains("mistakes 0"), "some sample is misclassified in every epoch");
    }

    @Test
    void handBuiltXorPrintsTheXorTruthTable() {
        CliRun run = CliRun.of("train", "--model", "xor-handbuilt");
        assertEquals(0, run.exitCode(), run::toString);
        List<List<String>> table = table(run, "x1", 4);
        assertEquals(List.of("x1", "x2", "|", "v1", "v2", "|", "y", "|", "target"), table.get(0));
        // x1 x2 | v1 v2 | y | target, in the order 00, 01, 10, 11: v1 = x1 ∧ ¬x2, v2 = x2 ∧ ¬x1, y = v1 ∨ v2.
        String[][] expected = {
                {"0", "0", "|", "0", "0", "|", "0", "|", "0"},
                {"0", "1", "|", "0", "1", "|", "1", "|", "1"},
                {"1", "0", "|", "1", "0", "|", "1", "|", "1"},
                {"1", "1", "|", "0", "0", "|", "0", "|", "0"}};
        for (int r = 0; r < 4; r++) {
            assertEquals(List.of(expected[r]), table.get(1 + r), run::toString);
        }
    }

    @Test
    void encoderReconstructsAllEightInputs() throws Exception {
        CliRun run = CliRun.of("train", "--model", "encoder-838", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(1.0, JSON.readTree(run.lastLine()).get("accuracy").asDouble(), run.lastLine());
    }

    @Test
    void encoderPrintsEightPairwiseDistinctHiddenCodesEachReconstructed() {
        CliRun run = CliRun.of("train", "--model", "encoder-838");
        assertEquals(0, run.exitCode(), run::toString);
        List<List<String>> table = table(run, "input", 8);
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (int i = 0; i < 8; i++) {
            // input | three hidden z | code | output, e.g. "10000000  1.00 1.00 0.00  110  10000000"
            List<String> cells = table.get(1 + i);
            assertEquals(6, cells.size(), cells::toString);
            assertEquals("0".repeat(i) + "1" + "0".repeat(7 - i), cells.get(0), "inputs in order");
            assertEquals(cells.get(0), cells.get(5), "input " + i + " reconstructed");
            assertTrue(cells.get(4).matches("[01]{3}"), cells.get(4));
            codes.add(cells.get(4));
        }
        assertEquals(8, codes.size(), () -> "hidden codes not pairwise distinct:\n" + run);
        assertEquals("8 of 8 inputs reconstructed, 8 distinct hidden codes", run.lastLine());
    }

    @Test
    void sameSeedTwiceGivesIdenticalOutput() {
        String[] args = {"train", "--model", "xor", "--seed", "11", "--epochs", "300"};
        CliRun a = CliRun.of(args), b = CliRun.of(args);
        assertEquals(0, a.exitCode(), a::toString);
        assertEquals(a.out(), b.out());
        CliRun other = CliRun.of("train", "--model", "xor", "--seed", "12", "--epochs", "300");
        assertFalse(a.out().lines().skip(1).toList().equals(other.out().lines().skip(1).toList()),
                "a different seed starts from different weights");
    }

    @Test
    void specFileTrainsOnTheDatasetItNames() {
        String xor = CliRun.root().resolve("engine/src/main/resources/backprop/engine/models/xor.json").toString();
        CliRun fromFile = CliRun.of("train", "--spec", xor, "--json");
        CliRun builtin = CliRun.of("train", "--model", "xor", "--json");
        assertEquals(0, fromFile.exitCode(), fromFile::toString);
        assertEquals(builtin.out(), fromFile.out(), "the built-in xor is that very file");
    }
}
