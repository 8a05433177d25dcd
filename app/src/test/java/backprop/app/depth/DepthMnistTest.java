package backprop.app.depth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.cli.Cli;
import backprop.engine.layers.dense.DenseSpec;
import backprop.engine.spec.SpecWriter;
import backprop.engine.trace.LayerStatistics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MNIST as a Depth data set: the columns train a flattened-digit network (784 inputs, ten
 * softmax outputs, cross-entropy) through the same DepthSession as the 2-D sets, the loss falls
 * over a short fixed-seed run, and every figure equals what {@code flow} prints for that network.
 */
class DepthMnistTest {
    private static final int STEPS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A figure as flow prints it: a number, or null where it does not apply (NaN in the engine). */
    private static float figure(JsonNode layer, String name) {
        JsonNode v = layer.get(name);
        return v == null || v.isNull() ? Float.NaN : v.floatValue();
    }

    @Test
    void reluWithHeLearnsTheDigitsAndShowsTheFiguresFlowPrints(@TempDir Path dir) throws Exception {
        DepthConfig relu = DepthConfig.of(DepthPreset.RELU_HE);
        DepthSession session = new DepthSession(List.of(relu, DepthConfig.of(DepthPreset.SIGMOID_UNIFORM)), 1, "mnist");
        DepthFrame.Column col = session.step(STEPS).columns().get(0);
        assertEquals(STEPS, col.steps());
        assertEquals(null, col.stopped());

        // The network the column trained: the engine's digit version of the preset.
        var spec = relu.onData("mnist").spec();
        assertArrayEquals(new int[] {784}, spec.inputShape());
        assertEquals("cross_entropy", spec.loss());
        DenseSpec out = (DenseSpec) spec.layers().get(spec.layers().size() - 1);
        assertEquals(10, out.units());
        assertEquals("softmax", out.activation());

        // It learns: the last twenty batches' mean loss well under the first ten's (ln 10 ≈ 2.3 at the
        // start; a deep network with plain SGD at η 0.1 is slow, about 1.75 after 100 steps of 32 digits).
        float first = 0, last = 0;
        for (int i = 0; i < 10; i++) first += col.losses().get(i) / 10;
        for (int i = 0; i < 20; i++) last += col.losses().get(STEPS - 20 + i) / 20;
        assertTrue(first > 2.0 && first < 2.6, "starts near ln 10: " + first);
        assertTrue(last < 0.85 * first, "loss falls from " + first + " to " + last);

        // Every figure is the one flow prints for the same network, seed and steps.
        Path file = dir.resolve("deep-mnist.json");
        SpecWriter.save(spec, file);
        StringWriter sink = new StringWriter(), err = new StringWriter();
        int rc = Cli.create(new PrintWriter(sink, true), new PrintWriter(err, true))
                .execute("flow", "--spec", file.toString(), "--steps", Integer.toString(STEPS), "--seed", "1", "--json");
        assertEquals(0, rc, err.toString());
        String[] lines = sink.toString().strip().split("\n");
        assertEquals(STEPS, lines.length);
        for (int t : new int[] {0, STEPS - 1}) {
            JsonNode step = JSON.readTree(lines[t]);
            assertEquals(step.get("loss").floatValue(), col.losses().get(t), 0f, "loss of step " + t);
        }
        JsonNode lastStep = JSON.readTree(lines[STEPS - 1]);
        assertEquals(col.latest().layers().size(), lastStep.get("layers").size());
        for (int k = 0; k < col.latest().layers().size(); k++) {
            LayerStatistics mine = col.latest().layers().get(k);
            JsonNode theirs = lastStep.get("layers").get(k);
            assertEquals(col.ids().get(k), theirs.get("id").asText());
            assertEquals(figure(theirs, "gradNorm"), mine.gradNorm(), 0f, col.ids().get(k));
            assertEquals(figure(theirs, "saturated"), mine.saturated(), 0f, col.ids().get(k));
            assertEquals(figure(theirs, "dead"), mine.dead(), 0f, col.ids().get(k));
            for (int b = 0; b < mine.histogram().length; b++) assertEquals(theirs.get("histogram").get(b).asInt(), mine.histogram()[b]);
        }

        // The sigmoid column beside it trained the same digits, and its first layer starves as on the 2-D points.
        DepthFrame.Column sigmoid = session.frame().columns().get(1);
        assertNotNull(sigmoid.latest());
        assertTrue(col.firstOverLast() / sigmoid.firstOverLast() >= 50,
                "ReLU/He first÷last " + col.firstOverLast() + " vs sigmoid " + sigmoid.firstOverLast());
    }
}
