package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} on recurrent networks: the built-in remember-first-bit models (the LSTM learns
 * to carry the bit, the vanilla RNN does not, with the same data, seed and budget), the
 * character LSTM on the built-in novel and on a text of the user's, and a network file with an
 * LSTM layer and a sequence data set.
 */
class RecurrentTrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EPOCH = Pattern.compile("epoch +(\\d+)  loss (\\d+\\.\\d+)  accuracy (\\d+\\.\\d)%");

    @Test
    void rememberFirstBitLstmLearnsTheTask() {
        CliRun run = CliRun.of("train", "--model", "remember-first-bit-lstm");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.lines();
        assertTrue(lines.get(0).startsWith("training built-in model remember-first-bit-lstm (1-8-1, loss binary_cross_entropy, adam"), lines.get(0));
        assertTrue(lines.get(0).endsWith("on remember-first-bit (512 sequences of 20 steps, a target after the last step)"), lines.get(0));
        List<float[]> epochs = epochs(lines);
        assertEquals(14, epochs.size(), "one line per epoch");
        assertTrue(epochs.get(0)[2] < 70f, "starts near chance: " + lines.get(1));
        assertTrue(epochs.get(13)[2] >= 95f, "the LSTM carries the first bit across 19 steps: " + lines.get(14));
        String test = lines.stream().filter(l -> l.startsWith("test set (128 sequences)")).findFirst().orElseThrow();
        assertTrue(accuracy(test) >= 95f, test);
    }

    @Test
    void rememberFirstBitRnnStaysNearChance() {
        CliRun run = CliRun.of("train", "--model", "remember-first-bit-rnn");
        assertEquals(0, run.exitCode(), run::toString);
        List<float[]> epochs = epochs(run.lines());
        assertEquals(14, epochs.size());
        assertTrue(epochs.get(13)[2] <= 70f, "the vanilla RNN's gradient fades over 19 steps: " + run.out());
    }

    @Test
    void jsonLinesForASequenceModel() throws Exception {
        CliRun run = CliRun.of("train", "--model", "remember-first-bit-lstm", "--epochs", "2", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(2, run.lines().size(), "nothing but the epochs: " + run.out());
        JsonNode last = JSON.readTree(run.lastLine());
        assertEquals(2, last.get("epoch").asInt());
        assertTrue(last.get("accuracy").asDouble() >= 0 && last.get("accuracy").asDouble() <= 1);
    }

    @Test
    void charLstmOnTheBuiltInNovel() {
        CliRun run = CliRun.of("train", "--model", "char-lstm", "--epochs", "1");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.lines();
        assertTrue(lines.get(0).contains("(75-64-75, loss cross_entropy") && lines.get(0).contains("on pride-and-prejudice.txt (512 sequences of 32 steps"), lines.get(0));
        float loss = epochs(lines).get(0)[1];
        // R sums the 32 steps' cross-entropy; a uniform guess over 75 characters is 32 · ln 75 ≈ 138.
        assertTrue(loss < 32 * Math.log(75), "one epoch already beats a uniform guess: " + loss);
        assertTrue(run.lastLine().startsWith("sample (temperature 0.7): P"), run.lastLine());
    }

    @Test
    void charLstmOnTheUsersOwnText(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("cats.txt");
        // 14 distinct characters (a space, '.', and 12 letters), repeated so every window is a real one.
        Files.writeString(text, "the cat sat on the mat. the dog sat on the log. ".repeat(40));
        CliRun run = CliRun.of("train", "--model", "char-lstm", "--corpus", text.toString(), "--epochs", "3");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.lines();
        assertTrue(lines.get(0).contains("(14-64-14,"), "the model takes the text's 14 characters: " + lines.get(0));
        assertTrue(lines.get(0).contains("on " + text + " (512 sequences of 32 steps, a target at every step)"), lines.get(0));
        List<float[]> epochs = epochs(lines);
        assertEquals(3, epochs.size());
        assertTrue(epochs.get(2)[1] < epochs.get(0)[1], "the loss falls: " + run.out());
        String sample = run.lastLine();
        assertTrue(sample.startsWith("sample (temperature 0.7): t"), sample);
        for (char c : sample.substring("sample (temperature 0.7): ".length()).toCharArray()) {
            assertTrue("the cat sat on mat. dog log".indexOf(c) >= 0, "only the text's own characters: " + sample);
        }
    }

    @Test
    void aNetworkFileWithAnLstmAndASequenceDataset() {
        CliRun run = CliRun.of("train", "--spec", CliRun.spec("tiny-lstm.json"));
        assertEquals(0, run.exitCode(), run::toString);
        List<float[]> epochs = epochs(run.lines());
        assertEquals(40, epochs.size());
        assertEquals(100f, epochs.get(39)[2], "4 steps back is easy for 3 LSTM units: " + run.out());
        CliRun again = CliRun.of("train", "--spec", CliRun.spec("tiny-lstm.json"));
        assertEquals(run.out().replaceAll("\\d+ epochs/s", ""), again.out().replaceAll("\\d+ epochs/s", ""), "same seed, same run");
    }

    @Test
    void bracketDepthTrainsWithTargetsAtEveryStep(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("brackets.json");
        Files.writeString(spec, """
                {"format": "backprop-studio.network", "version": 1, "input": {"shape": [6, 2]}, "loss": "cross_entropy", "seed": 3,
                 "layers": [{"type": "gru", "units": 6}, {"type": "dense", "units": 5, "activation": "softmax"}],
                 "training": {"optimizer": "adam", "learningRate": 0.05, "batchSize": 16, "epochs": 3},
                 "dataset": {"name": "bracket-depth", "samples": 48, "testRatio": 0.25}}
                """);
        CliRun run = CliRun.of("train", "--spec", spec.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.lines().get(0).endsWith("on bracket-depth (36 sequences of 6 steps, a target at every step)"), run.out());
        assertEquals(3, epochs(run.lines()).size());
        assertTrue(run.out().contains("test set (12 sequences)"), run.out());
    }

    /** Each epoch line as {epoch, loss, accuracy %}. */
    private static List<float[]> epochs(List<String> lines) {
        return lines.stream().map(EPOCH::matcher).filter(Matcher::matches)
                .map(m -> new float[] {Float.parseFloat(m.group(1)), Float.parseFloat(m.group(2)), Float.parseFloat(m.group(3))}).toList();
    }

    private static float accuracy(String line) {
        Matcher m = Pattern.compile("accuracy (\\d+\\.\\d)%").matcher(line);
        assertTrue(m.find(), line);
        return Float.parseFloat(m.group(1));
    }
}
