package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lesson check} and {@code lesson run}: every shipped lesson passes both, and lessons that
 * reach outside their folder, are too big, or hold a malformed step are refused with one line
 * naming the file and the JSON path (exit 2); an id that does not exist fails the check (exit 1).
 */
class LessonCommandTest {
    @TempDir
    Path tmp;

    static List<Path> shippedLessons() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(CliRun.root().resolve("lessons"))) {
            s.filter(p -> Files.isRegularFile(p.resolve("lesson.json"))).sorted().forEach(out::add);
        }
        return out;
    }

    @Test
    void everyShippedLessonPassesCheckAndRun() throws IOException {
        List<Path> lessons = shippedLessons();
        assertTrue(lessons.size() >= 22, "at least twenty-two lessons ship: " + lessons);
        List<String> args = new ArrayList<>(List.of("lesson", "check"));
        lessons.forEach(l -> args.add(l.toString()));
        CliRun check = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, check.exitCode(), check::toString);
        assertEquals(lessons.size(), check.lines().size(), check::toString);
        for (Path l : lessons) {
            CliRun run = CliRun.of("lesson", "run", l.toString(), "--answer-from-engine");
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.lastLine().startsWith("done: "), run::toString);
        }
    }

    @Test
    void runAnswersThePredictionsWithTheEnginesValues() {
        CliRun run = CliRun.of("lesson", "run", CliRun.root().resolve("lessons/04-backward-pass").toString(), "--answer-from-engine");
        assertEquals(0, run.exitCode(), run::toString);
        // δ_o = −(y − z_o) z_o (1 − z_o) for x = (1, 0), y = 1, worked by hand from the file's weights.
        double zh1 = sigmoid(0.5), zh2 = sigmoid(-0.5), zo = sigmoid(zh1 - zh2 + 0.5);
        double deltaO = -(1 - zo) * zo * (1 - zo);
        double deltaH1 = zh1 * (1 - zh1) * deltaO;
        assertEquals(deltaO, answered(run, "δ of o"), 1e-6, run::toString);
        assertEquals(deltaH1, answered(run, "δ of h1"), 1e-6, run::toString);
    }

    @Test
    void theGraphAndConvolutionLessonsAnswerWithTheCurriculumsNumbers() {
        CliRun graph = CliRun.of("lesson", "run", CliRun.root().resolve("lessons/13-computational-graph").toString(), "--answer-from-engine");
        assertEquals(0, graph.exitCode(), graph::toString);
        // e = (a + b)(b + 1) at a = 2, b = 1: c = 3, d = 2, e = 6; ∂e/∂a = 2, ∂e/∂b = 5 (two paths).
        assertEquals(6, answered(graph, "value:e"), 1e-6, graph::toString);
        assertEquals(3, answered(graph, "grad:d"), 1e-6, graph::toString);
        assertEquals(5, answered(graph, "grad:b"), 1e-6, graph::toString);
        assertEquals(2, answered(graph, "grad:a"), 1e-6, graph::toString);
        CliRun conv = CliRun.of("lesson", "run", CliRun.root().resolve("lessons/18-convolution-arithmetic").toString(), "--answer-from-engine");
        assertEquals(0, conv.exitCode(), conv::toString);
        // 32×32×3, ten 5×5 filters, stride 1, padding 2: (32 + 4 − 5)/1 + 1 = 32, and 10 · (5·5·3 + 1) = 760 parameters.
        assertEquals(32, answered(conv, "conv:out-side"), 0, conv::toString);
        assertEquals(760, answered(conv, "conv:params"), 0, conv::toString);
    }

    @Test
    void theOptimiserLessonAnswersFollowMomentumAndAdam() {
        CliRun run = CliRun.of("lesson", "run", CliRun.root().resolve("lessons/21-optimisers").toString(), "--answer-from-engine");
        assertEquals(0, run.exitCode(), run::toString);
        List<Double> w = answers(run, "new w of x1→h1");
        assertEquals(3, w.size(), run::toString);
        // Momentum's second move carries 0.9 of the first on top of a gradient step of about the same size;
        // a velocity that did not survive the step would give a second move no larger than the first.
        double first = 0.5 - w.get(0), second = w.get(0) - w.get(1);
        assertTrue(first > 0 && second > 1.5 * first, "momentum's second move " + second + " builds on its first " + first);
        // Adam's first step is η·g/|g| per weight (η = 0.1), whatever the gradient's size: 0.5 → 0.4 or 0.6.
        assertEquals(0.4, w.get(2), 1e-5, run::toString);
        assertEquals(0.6, answered(run, "new w of x2→h2"), 1e-5, run::toString);
    }

    @Test
    void theOptimiserControlTakesOnlyTheEnginesOptimisers() throws IOException {
        CliRun bad = CliRun.of("lesson", "check", lesson("{\"title\": \"t\", \"text\": \"x\", \"open\": {\"view\": \"playground\", \"network\": \"net.json\"}, "
                + "\"set\": {\"optimizer\": \"lbfgs\"}}").toString());
        assertEquals(1, bad.exitCode(), bad::toString);
        assertOneLine(bad, "$.steps[0].set.optimizer: \"lbfgs\" is not a value control \"optimizer\" of the playground view takes");
        CliRun good = CliRun.of("lesson", "check", lesson("{\"title\": \"t\", \"text\": \"x\", \"open\": {\"view\": \"playground\", \"network\": \"net.json\"}, "
                + "\"set\": {\"optimizer\": \"rmsprop\"}}").toString());
        assertEquals(0, good.exitCode(), good::toString);
    }

    @Test
    void anIdOrControlAViewDoesNotHaveFailsTheCheck() throws IOException {
        CliRun graph = CliRun.of("lesson", "check", lesson("{\"title\": \"t\", \"text\": \"x\", \"open\": {\"view\": \"graph\"}, \"highlight\": \"grad:z\"}").toString());
        assertEquals(1, graph.exitCode(), graph::toString);
        assertOneLine(graph, "$.steps[0].highlight: the graph view has no id \"grad:z\"");
        CliRun rec = CliRun.of("lesson", "check", lesson("{\"title\": \"t\", \"text\": \"x\", \"open\": {\"view\": \"recurrent\"}, \"set\": {\"steps\": 6}, "
                + "\"ask\": {\"predict\": \"gate:f@t7\", \"tolerance\": 0.1}}").toString());
        assertEquals(1, rec.exitCode(), rec::toString);
        assertOneLine(rec, "$.steps[0].ask.predict: the recurrent view has no id \"gate:f@t7\"");
        CliRun cnn = CliRun.of("lesson", "check", lesson("{\"title\": \"t\", \"text\": \"x\", \"open\": {\"view\": \"cnn\"}, \"set\": {\"kernel\": 5}}").toString());
        assertEquals(1, cnn.exitCode(), cnn::toString);
        assertOneLine(cnn, "$.steps[0].set.kernel: the cnn view has no control \"kernel\"");
        CliRun net = CliRun.of("lesson", "check", lesson("{\"title\": \"t\", \"text\": \"x\", \"open\": {\"view\": \"graph\", \"network\": \"net.json\"}}").toString());
        assertEquals(1, net.exitCode(), net::toString);
        assertOneLine(net, "$.steps[0].open.network: the graph view builds its own network");
    }

    @Test
    void aPointThatDoesNotExistFailsTheCheck() throws IOException {
        Path l = lesson("{\"title\": \"t\", \"text\": \"x\", \"open\": {\"view\": \"backprop\", \"network\": \"net.json\"}, \"ask\": {\"predict\": \"δ of h9\", \"tolerance\": 0.01}}");
        CliRun run = CliRun.of("lesson", "check", l.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertOneLine(run, "$.steps[0].ask.predict: no point \"δ of h9\"");
    }

    @Test
    void anUnknownControlFailsTheCheck() throws IOException {
        Path l = lesson("{\"title\": \"t\", \"text\": \"x\", \"open\": {\"view\": \"playground\", \"network\": \"net.json\"}, \"set\": {\"volume\": 11}}");
        CliRun run = CliRun.of("lesson", "check", l.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertOneLine(run, "$.steps[0].set.volume: the playground view has no control \"volume\"");
    }

    @Test
    void pathTraversalIsRefused() throws IOException {
        Files.writeString(tmp.resolve("outside.json"), Files.readString(Path.of(CliRun.spec("two-two-one.json"))));
        for (String name : List.of("../outside.json", "sub/../../outside.json", tmp.resolve("outside.json").toString())) {
            Path l = lesson("{\"title\": \"t\", \"text\": \"x\", \"open\": {\"view\": \"backprop\", \"network\": \"" + name.replace("\\", "\\\\") + "\"}}");
            CliRun run = CliRun.of("lesson", "check", l.toString());
            assertEquals(2, run.exitCode(), run::toString);
            assertOneLine(run, "$.steps[0].open.network: ");
        }
    }

    @Test
    void aLinkOutOfTheFolderIsRefused() throws IOException {
        Path outside = Files.writeString(tmp.resolve("secret.json"), Files.readString(Path.of(CliRun.spec("two-two-one.json"))));
        Path l = lesson("{\"title\": \"t\", \"text\": \"x\", \"open\": {\"view\": \"backprop\", \"network\": \"link.json\"}}");
        Files.createSymbolicLink(l.resolve("link.json"), outside);
        CliRun run = CliRun.of("lesson", "check", l.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertOneLine(run, "$.steps[0].open.network: \"link.json\" is a link to a file outside the lesson's folder");
    }

    @Test
    void anOversizeLessonIsRefused() throws IOException {
        String big = "x".repeat(300 * 1024);
        Path l = lesson("{\"title\": \"t\", \"text\": \"" + big + "\"}");
        CliRun run = CliRun.of("lesson", "check", l.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertOneLine(run, "over the limit of 262144");
    }

    @Test
    void malformedStepsAreRefusedNamingTheJsonPath() throws IOException {
        String[][] cases = {
                {"{\"title\": \"t\", \"text\": \"x\", \"train\": \"ten\"}", "$.steps[0].train: must be a whole number"},
                {"{\"title\": \"t\", \"text\": \"x\", \"run\": \"rm -rf /\"}", "$.steps[0].run: unknown field"},
                {"{\"title\": \"t\", \"text\": \"x\", \"ask\": {\"predict\": \"loss\"}}", "$.steps[0].ask.tolerance: must be a number"},
                {"{\"title\": \"t\", \"text\": \"x\", \"ask\": {\"choice\": [\"a\", \"b\"], \"answer\": 2}}", "$.steps[0].ask.answer: must be the index"},
                {"{\"title\": \"t\", \"text\": \"a $formula without end\"}", "$.steps[0].text: a $ without its closing $"},
                {"{\"title\": \"t\", \"text\": \"see [here](http://example.com)\"}", "$.steps[0].text: links, images and HTML"},
                {"\"just text\"", "$.steps[0]: a step must be a JSON object"},
                {"{\"title\": \"t\", \"text\": \"see $\\\\notacommand x$\"}", "$.steps[0].text: formula $\\notacommand x$ is not valid TeX"},
        };
        for (String[] c : cases) {
            CliRun run = CliRun.of("lesson", "check", lesson(c[0]).toString());
            assertEquals(2, run.exitCode(), c[0] + "\n" + run);
            assertOneLine(run, c[1]);
        }
        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(broken.resolve("lesson.json"), "{\"format\": \"backprop-studio-lesson\", \"version\": 1,");
        CliRun run = CliRun.of("lesson", "run", broken.toString(), "--answer-from-engine");
        assertEquals(2, run.exitCode(), run::toString);
        assertOneLine(run, "lesson.json: line 1: not valid JSON");
    }

    private static double sigmoid(double a) { return 1 / (1 + Math.exp(-a)); }

    private static double answered(CliRun run, String point) {
        for (String line : run.lines()) {
            int at = line.indexOf("answered: " + point + " = ");
            if (at >= 0) return Double.parseDouble(line.substring(at + ("answered: " + point + " = ").length()).strip());
        }
        throw new AssertionError("no answer for " + point + " in\n" + run);
    }

    private static List<Double> answers(CliRun run, String point) {
        List<Double> out = new ArrayList<>();
        String key = "answered: " + point + " = ";
        for (String line : run.lines()) {
            int at = line.indexOf(key);
            if (at >= 0) out.add(Double.parseDouble(line.substring(at + key.length()).strip()));
        }
        return out;
    }

    private static void assertOneLine(CliRun run, String expected) {
        List<String> lines = run.err().strip().lines().toList();
        assertEquals(1, lines.size(), run::toString);
        assertTrue(lines.get(0).contains(expected), "expected '" + expected + "' in: " + lines.get(0));
        assertTrue(lines.get(0).contains("lesson.json"), "names the file: " + lines.get(0));
        assertFalse(lines.get(0).contains("Exception"), lines.get(0));
    }

    private int made;

    /** A lesson folder in a fresh temporary folder with one step (the JSON given) and a small network file. */
    private Path lesson(String step) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("lesson" + made++).resolve("l"));
        Files.writeString(dir.resolve("net.json"), Files.readString(CliRun.root().resolve("lessons/04-backward-pass/by-hand.json")));
        Files.writeString(dir.resolve("lesson.json"),
                "{\"format\": \"backprop-studio-lesson\", \"version\": 1, \"title\": \"T\", \"steps\": [" + step + "]}");
        return dir;
    }
}
