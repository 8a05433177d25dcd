package backprop.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.lessonview.LessonLibrary;
import backprop.app.view.LessonProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The probes lessons ask the Graph, Recurrent, Vanishing and CNN views through give the
 * curriculum's numbers from the engine, refuse what their view does not have, and the shipped
 * lessons load from the class path (where the app pom packs them into the jar).
 */
class LessonProbesTest {
    @Test
    void theGraphGivesTheCurriculumsValuesAndGradients() {
        LessonProbe g = LessonProbes.create(LessonProbes.GRAPH);
        g.set(Map.of("a", "2", "b", "1"));
        assertEquals(6, g.value("value:e"), 1e-6);
        assertEquals(2, g.value("grad:a"), 1e-6);
        assertEquals(5, g.value("grad:b"), 1e-6, "b feeds c and d: the two paths add");
        assertTrue(Double.isNaN(g.value("node:e")), "a box is an element, not a number");
        assertTrue(g.ids().containsAll(List.of("node:a", "grad:e", "value:d")));
        assertFalse(g.ids().contains("grad:z"));
        g.set(Map.of("a", "-1", "b", "3"));
        assertEquals(6, g.value("grad:b"), 1e-6); // (b + 1) + (a + b)
        assertTrue(g.controlProblem("c", "1").orElseThrow().contains("controls: a, b"));
        assertTrue(g.controlProblem("a", "x").isPresent());
    }

    @Test
    void aForgetGateOfOneAndAnInputGateOfZeroKeepTheLstmCellAtZero() {
        LessonProbe r = LessonProbes.create(LessonProbes.RECURRENT);
        r.set(Map.of("cell", "lstm", "units", "4", "steps", "6"));
        assertTrue(r.value("gate:c@t6") != 0, "computed gates write into the cell");
        r.set(Map.of("force:f", "1", "force:i", "0"));
        for (int t = 1; t <= 6; t++) assertEquals(0, r.value("gate:c@t" + t), 0);
        // Released input gate, forget gate still 1: c_2 = c_1 + i_2 · c̃_2, all three read from the engine's trace.
        r.set(Map.of("force:i", "auto"));
        assertEquals(r.value("gate:c@t1") + r.value("gate:i@t2") * r.value("gate:c_tilde@t2"), r.value("gate:c@t2"), 1e-6);
        assertTrue(r.ids().contains("gate:f@t6"));
        assertFalse(r.ids().contains("gate:f@t7"), "only the sequence's steps");
        assertTrue(r.controlProblem("cell", "transformer").isPresent());
    }

    @Test
    void theGruMixesOldStateAndCandidateWithItsUpdateGate() {
        LessonProbe r = LessonProbes.create(LessonProbes.RECURRENT);
        r.set(Map.of("cell", "gru", "units", "4", "steps", "5"));
        double z = r.value("gate:z@t2");
        assertEquals((1 - z) * r.value("gate:h@t1") + z * r.value("gate:h_tilde@t2"), r.value("gate:h@t2"), 1e-6);
        r.set(Map.of("force:z", "0"));
        assertEquals(0, r.value("gate:h@t5"), 0);
    }

    @Test
    void convolutionArithmeticAndFeatureMapSizesComeFromTheEngine() {
        LessonProbe c = LessonProbes.create(LessonProbes.CNN);
        c.set(Map.of("preset", "deck-32"));
        assertEquals(32, c.value("conv:out-side"));
        assertEquals(10, c.value("conv:out-channels"));
        assertEquals(760, c.value("conv:params"));
        c.set(Map.of("padding", "0"));
        assertEquals(28, c.value("conv:out-side"));
        c.set(Map.of("preset", "deck-56"));
        assertEquals(2080, c.value("conv:params"));
        c.set(Map.of("preset", "none"));
        assertEquals(4, c.value("maps:conv1"));
        assertEquals(14, c.value("map-side:pool1"));
        assertEquals(7, c.value("map-side:pool2"));
        assertTrue(c.ids().contains("map:conv2/8"));
        assertFalse(c.ids().contains("map:conv2/9"));
        double total = 0;
        for (int k = 0; k < 10; k++) total += c.value("prob:" + k);
        assertEquals(1, total, 1e-4, "the softmax's ten probabilities");
    }

    @Test
    void thePlainRnnForgetsFasterThanTheLstm() {
        LessonProbe v = LessonProbes.create(LessonProbes.VANISHING);
        v.set(Map.of("steps", "30"));
        assertTrue(v.value("sens:rnn@t30") < v.value("sens:lstm@t30"));
        v.set(Map.of("scale", "4"));
        assertTrue(v.value("singular:rnn") > 1);
        assertTrue(v.value("sens:rnn@t30") > 1, "a large W explodes");
    }

    @Test
    void batchNormAndResidualPathsBringGradientBackToTheFirstLayer() {
        LessonProbe d = LessonProbes.create(LessonProbes.DEPTH);
        d.set(Map.of("columns", "sigmoid-uniform,sigmoid-batchnorm,sigmoid-residual"));
        d.train(1);
        double plain = d.value("ratio:sigmoid-uniform");
        assertTrue(plain < 1e-2, "ten sigmoid layers: the first gets a tiny share, " + plain);
        assertTrue(d.value("ratio:sigmoid-batchnorm") > 100 * plain);
        assertTrue(d.value("ratio:sigmoid-residual") > 10 * plain);
        assertFalse(d.ids().contains("ratio:relu-he"), "only the columns on show");
        assertTrue(d.controlProblem("columns", "sigmoid-uniform,transformer").orElseThrow().contains("relu-he"));
    }

    @Test
    void theShippedLessonsLoadFromTheClassPath() throws Exception {
        Path builtin = LessonLibrary.builtin();
        assertTrue(builtin != null && Files.isRegularFile(builtin.resolve("README.md")), "lessons/ on the class path: " + builtin);
        List<Path> folders = LessonLibrary.list(builtin);
        assertTrue(folders.size() >= 22, "at least 22 lessons: " + folders);
        List<String> names = folders.stream().map(f -> f.getFileName().toString().replace("/", "")).toList();
        assertTrue(names.containsAll(List.of("21-optimisers", "22-dropout-early-stopping")), "the newest lessons ship too: " + names);
        for (Path f : folders) {
            Lesson l = LessonReader.read(f);
            assertFalse(l.steps().isEmpty(), f.toString());
        }
    }

    /** Inside the jar the lessons live on a zip file system: they read and play there as from a folder. */
    @Test
    void aLessonInsideAZipReadsAndPlays(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("lessons.zip");
        Path source = Path.of("..", "lessons", "04-backward-pass");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("lesson.json", "by-hand.json")) {
                out.putNextEntry(new java.util.zip.ZipEntry("lessons/04-backward-pass/" + name));
                out.write(Files.readAllBytes(source.resolve(name)));
                out.closeEntry();
            }
        }
        try (var fs = java.nio.file.FileSystems.newFileSystem(zip)) {
            Lesson l = LessonReader.read(fs.getPath("/lessons/04-backward-pass"));
            LessonWalk.Result r = LessonWalk.walk(l);
            assertTrue(r.failures().isEmpty(), r.failures().toString());
            assertFalse(r.answers().isEmpty());
        }
    }
}
