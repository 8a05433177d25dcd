package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.models.BuiltinModels;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.trace.LayerStatistics;
import backprop.engine.trace.StepStatistics;
import backprop.engine.train.FlowRun;
import backprop.engine.train.RunSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flow}: per-layer figures per step, as JSON lines and as tables; bad input in one line. */
class FlowCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonLinesCarryEveryLayersFiguresAndEqualTheEnginesStepByStep() throws Exception {
        CliRun run = CliRun.of("flow", "--model", "deep-relu-he-batchnorm", "--steps", "3", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err());
        List<String> lines = run.lines();
        assertEquals(3, lines.size(), run::toString);

        // The same run through the engine, as a view draws it.
        NetworkSpec spec = BuiltinModels.spec("deep-relu-he-batchnorm");
        RunSettings settings = RunSettings.resolve(spec, null, null, null);
        Model model = ModelFactory.build(spec, settings.seed());
        FlowRun flow = new FlowRun(model, settings.training(), settings.data().generate());
        for (int step = 0; step < 3; step++) {
            JsonNode o = JSON.readTree(lines.get(step));
            StepStatistics engine = flow.step();
            assertEquals(List.of("step", "loss", "layers"), fieldNames(o));
            assertEquals(step, o.get("step").asInt());
            assertEquals(engine.loss(), o.get("loss").floatValue());
            assertEquals(31, o.get("layers").size(), "10 × (dense, batchnorm, activation) and the output");
            for (int k = 0; k < 31; k++) {
                JsonNode l = o.get("layers").get(k);
                LayerStatistics e = engine.layers().get(k);
                for (String f : List.of("id", "gradNorm", "deltaNorm", "saturated", "dead", "updateRatio", "histogram")) assertTrue(l.has(f), f);
                assertEquals(e.name(), l.get("id").asText());
                assertFigure(e.gradNorm(), l.get("gradNorm"));
                assertFigure(e.deltaNorm(), l.get("deltaNorm"));
                assertFigure(e.saturated(), l.get("saturated"));
                assertFigure(e.dead(), l.get("dead"));
                assertFigure(e.updateRatio(), l.get("updateRatio"));
                int[] h = JSON.convertValue(l.get("histogram"), int[].class);
                assertTrue(java.util.Arrays.equals(e.histogram(), h), e.name());
                int outputs = k == 30 ? 1 : 24;
                assertEquals(32 * outputs, java.util.Arrays.stream(h).sum(), "every output of a 32-sample batch in one bin");
            }
            JsonNode relu = o.get("layers").get(2);
            assertEquals("activation3", relu.get("id").asText());
            assertTrue(relu.get("saturated").isNull() && relu.get("dead").isNumber() && relu.get("gradNorm").isNull(), relu.toString());
        }
    }

    private static void assertFigure(float expected, JsonNode actual) {
        if (Float.isNaN(expected)) assertTrue(actual.isNull(), "NaN (does not apply) is written as null, not " + actual);
        else assertEquals(expected, actual.floatValue());
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> names = new java.util.ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void sameSeedSameOutputAndTheTextFormShowsATablePerStep() {
        CliRun a = CliRun.of("flow", "--model", "deep-sigmoid-uniform", "--steps", "2", "--seed", "5");
        CliRun b = CliRun.of("flow", "--model", "deep-sigmoid-uniform", "--steps", "2", "--seed", "5");
        assertEquals(0, a.exitCode(), a::toString);
        assertEquals(a.out(), b.out());
        assertTrue(a.out().contains("step 0  loss "), a::toString);
        assertTrue(a.out().contains("step 1  loss "), a::toString);
        assertTrue(a.lines().stream().anyMatch(l -> l.matches("\\s+dense1\\s+dense sigmoid\\s+\\d\\.\\d{3}e[-+]\\d\\d\\s+.*")), a::toString);
        assertTrue(a.lines().get(0).startsWith("histogram bins: below -2.0, 32 of width 0.125"), a::toString);
    }

    @Test
    void aFileWithTheSameNetworkGivesTheSameFigures(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("residual.json");
        Files.copy(CliRun.root().resolve("engine/src/main/resources/backprop/engine/models/deep-sigmoid-residual.json"), file);
        CliRun fromFile = CliRun.of("flow", "--spec", file.toString(), "--steps", "2", "--json");
        CliRun builtin = CliRun.of("flow", "--model", "deep-sigmoid-residual", "--steps", "2", "--json");
        assertEquals(0, fromFile.exitCode(), fromFile::toString);
        assertEquals(builtin.out(), fromFile.out());
        assertTrue(fromFile.out().contains("\"id\":\"sum1\",\"type\":\"add\""), fromFile::toString);
    }

    @Test
    void badInputIsOneLineWithExitTwo(@TempDir Path dir) throws Exception {
        String deep = Files.readString(CliRun.root().resolve("engine/src/main/resources/backprop/engine/models/deep-relu-he.json"));
        String hidden = "    {\"type\": \"dense\", \"units\": 24, \"activation\": \"relu\", \"initializer\": \"he\"},\n";
        Path tooDeep = write(dir, "too-deep.json", deep.replace(hidden, hidden.repeat(3)));
        Path tooWide = write(dir, "too-wide.json", deep.replaceFirst("\"units\": 24", "\"units\": 300"));
        Path tooFast = write(dir, "too-fast.json", deep.replace("\"learningRate\": 0.1", "\"learningRate\": 50"));
        Path noData = write(dir, "no-data.json", deep.replaceAll(",\\s*\"dataset\": \\{[^}]*\\}", ""));
        assertOneLine(CliRun.of("flow", "--spec", tooDeep.toString()), tooDeep + ": $.layers: 30 hidden dense layers");
        assertOneLine(CliRun.of("flow", "--spec", tooWide.toString()), tooWide + ": $.layers[0].units: 300 units is over the limit of 256");
        assertOneLine(CliRun.of("flow", "--spec", tooFast.toString()), tooFast + ": $.training.learningRate: learning rate 50.0 is outside");
        assertOneLine(CliRun.of("flow", "--spec", noData.toString()), noData + ": $.dataset: this network file names no dataset");
        assertOneLine(CliRun.of("flow", "--spec", dir.resolve("missing.json").toString()), "file not found");
        assertOneLine(CliRun.of("flow", "--model", "deep-relu-he", "--steps", "0"), "--steps: expected at least 1, found 0");
        assertOneLine(CliRun.of("flow", "--model", "lenet"), "built-in model lenet: $.input.shape: flow trains networks over vectors");
        assertOneLine(CliRun.of("flow", "--model", "nope"), "--model: unknown model 'nope'");
        assertOneLine(CliRun.of("flow"), "Missing required argument");
    }

    @Test
    void anOverflowStopsAtItsStepNamingTheLayerAndKeepsTheStepsBefore(@TempDir Path dir) throws Exception {
        String deep = Files.readString(CliRun.root().resolve("engine/src/main/resources/backprop/engine/models/deep-relu-he.json"));
        Path boom = write(dir, "boom.json", deep.replace("\"learningRate\": 0.1", "\"learningRate\": 10")
                .replace("\"initializer\": \"he\"", "\"initializer\": {\"type\": \"normal\", \"scale\": 1.5}")
                .replace("\"activation\": \"sigmoid\"", "\"activation\": \"identity\"").replace("binary_cross_entropy", "mse"));
        CliRun run = CliRun.of("flow", "--spec", boom.toString(), "--steps", "50", "--json");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(1, run.err().strip().lines().count(), run::toString);
        assertTrue(run.err().matches("(?s).*step (\\d+): (layer \\S+: .* became|the loss became).*"), run::toString);
        int printed = run.out().isBlank() ? 0 : run.lines().size();
        assertTrue(run.err().contains("step " + printed), "the steps before the one that overflowed were printed:\n" + run);
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static void assertOneLine(CliRun run, String expected) {
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertEquals(1, run.err().strip().lines().count(), run::toString);
        assertTrue(run.err().contains(expected), () -> "expected '" + expected + "' in:\n" + run);
    }
}
