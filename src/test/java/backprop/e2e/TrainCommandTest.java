package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
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
        for (String line : lines) {
            JsonNode o = JSON.readTree(line);
            List<String> keys = new ArrayList<>();
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) keys.add(it.next());
            assertEquals(List.of("epoch", "loss", "accuracy"), keys, line);
        }
        JsonNode first = JSON.readTree(lines.get(0)), last = JSON.readTree(run.lastLine());
        assertEquals(1, first.get("epoch").asInt());
        assertEquals(3000, last.get("epoch").asInt());
        assertEquals(1.0, last.get("accuracy").asDouble(), run.lastLine());
        assertTrue(last.get("loss").asDouble() < first.get("loss").asDouble() / 10, "loss fell by an order of magnitude");
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
        List<String> lines = run.lines();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("x1")).findFirst().orElseThrow());
        assertEquals(List.of("x1", "x2", "|", "v1", "v2", "|", "y", "|", "target"), List.of(lines.get(header).trim().split("\\s+")));
        // x1 x2 | v1 v2 | y | target, in the order 00, 01, 10, 11: v1 = x1 ∧ ¬x2, v2 = x2 ∧ ¬x1, y = v1 ∨ v2.
        String[][] expected = {
                {"0", "0", "|", "0", "0", "|", "0", "|", "0"},
                {"0", "1", "|", "0", "1", "|", "1", "|", "1"},
                {"1", "0", "|", "1", "0", "|", "1", "|", "1"},
                {"1", "1", "|", "0", "0", "|", "0", "|", "0"}};
        for (int r = 0; r < 4; r++) {
            assertEquals(List.of(expected[r]), List.of(lines.get(header + 1 + r).trim().split("\\s+")), run::toString);
        }
    }

    @Test
    void encoderReconstructsAllEightInputs() throws Exception {
        CliRun run = CliRun.of("train", "--model", "encoder-838", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(1.0, JSON.readTree(run.lastLine()).get("accuracy").asDouble(), run.lastLine());
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
