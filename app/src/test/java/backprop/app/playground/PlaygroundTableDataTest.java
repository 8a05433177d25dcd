package backprop.app.playground;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.SpecReader;
import backprop.engine.train.Confusion;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Network files whose data is a table: the playground shows what it can and refuses the rest in one sentence, never other points. */
class PlaygroundTableDataTest {
    private static final Path SPECS = Path.of("..", "src", "test", "resources", "specs");

    private static String refusal(String file) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlaygroundFit.check(SpecReader.read(SPECS.resolve(file)), file));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aCsvFileIsRefusedByNameRatherThanShownAsXor() throws Exception {
        String m = refusal("circle-table.json");
        assertTrue(m.startsWith("circle-table.json: ") && m.contains("circle.csv"), m);
    }

    @Test
    void anEmbeddedTableAndAShippedTableOpenWithTheirOwnRows() throws Exception {
        PlaygroundSetup embedded = PlaygroundFit.check(SpecReader.read(SPECS.resolve("embedded-table.json")), "embedded-table.json");
        assertEquals(List.of("x1", "x2"), embedded.imported().table().featureNames());
        assertEquals(9, embedded.imported().table().rows(), "the file's nine rows, not generated points");
        assertEquals(3, embedded.classCount());
        PlaygroundSetup cars = PlaygroundFit.check(SpecReader.read(SPECS.resolve("cars.json")), "cars.json");
        assertEquals(1, cars.columns(), "speed alone: a curve");
        assertEquals("adam", cars.optimizer(), "the file's training settings");
        assertEquals(0.2, cars.testRatio());
        PlaygroundSession s = new PlaygroundSession();
        s.apply(cars);
        assertEquals(40, s.frame().train().size());
    }

    /** The three-arm spiral at the playground's size: 8-8 tanh, softmax over 3 classes (app/src/test/resources/specs). */
    private static PlaygroundSetup spiral() throws Exception {
        return PlaygroundFit.check(SpecReader.read(Path.of("src", "test", "resources", "specs", "spiral-3-playground.json")), "spiral-3-playground.json");
    }

    @Test
    void theThreeArmSpiralTrainsWithSoftmaxAndItsConfusionIsTheEnginesOnTheTestPoints() throws Exception {
        PlaygroundSession s = new PlaygroundSession();
        s.apply(spiral());
        for (int e = 0; e < 150; e++) s.epoch();
        PlaygroundFrame f = s.frame();
        assertEquals(3, f.classes());
        assertEquals(3, f.sizes()[f.sizes().length - 1], "one softmax output per class");
        assertEquals("softmax", f.activations().get(f.layers() - 1));
        assertEquals(3, f.maps().get(f.layers()).length, "a map per class for the decision picture");
        assertTrue(Arrays.stream(f.train().labels()).anyMatch(l -> l == 2), "points of the third class");
        assertTrue(f.testAccuracy() >= 0.9f, "the spiral is learned: " + f.testAccuracy());
        Confusion c = f.confusion();
        int total = 0, right = 0;
        for (int t = 0; t < 3; t++) for (int p = 0; p < 3; p++) { total += c.counts()[t][p]; if (t == p) right += c.counts()[t][p]; }
        assertEquals(f.test().size(), total, "counted over the test points");
        assertEquals(f.testAccuracy(), (float) right / total, 1e-6, "its diagonal is the accuracy the stats line shows");
    }

    @Test
    void choosingAThreeClassSetSwapsInSoftmaxAndChoosingBackRestoresTheSigmoid() {
        PlaygroundSetup d = PlaygroundSetup.defaults();
        PlaygroundSetup blobs = d.withDataset("blobs");
        assertEquals("softmax", blobs.output());
        assertEquals("cross_entropy", blobs.loss());
        PlaygroundSetup back = blobs.withDataset("circle");
        assertEquals("sigmoid", back.output());
        assertEquals("binary_cross_entropy", back.loss());
        PlaygroundSession s = new PlaygroundSession();
        s.apply(blobs);
        assertEquals(3, s.frame().classes());
        assertThrows(IllegalArgumentException.class, () -> PlaygroundSession.check(blobs.withOutput("sigmoid").withLoss("mse")));
        s.apply(back);
        PlaygroundFrame f = s.frame();
        assertEquals(2, f.classes());
        assertNull(f.confusion(), "two classes keep the accuracy line alone");
    }

    @Test
    void aPointAddedToThreeClassesIsOfTheClassChosen() throws Exception {
        PlaygroundSession s = new PlaygroundSession();
        s.apply(spiral());
        int before = s.frame().train().size() + s.frame().test().size();
        s.addPoint(0.9f, -0.9f, 2);
        PlaygroundFrame f = s.frame();
        assertEquals(before + 1, f.train().size() + f.test().size());
        s.epoch(); // targets of the right width: a wrong one would fail in the loss
        assertTrue(Float.isFinite(s.frame().trainLoss()));
    }

    @Test
    void blobsOfAnotherCountAndTheWideSpiralFileAreRefusedInOneLine() throws Exception {
        String wide = refusal("spiral-3.json");
        assertTrue(wide.contains("1 to 8 units"), wide);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlaygroundFit.check(SpecReader.parse("""
                {"format": "backprop-studio.network", "version": 1, "input": {"shape": [2]},
                 "layers": [{"type": "dense", "units": 4, "activation": "tanh"}, {"type": "dense", "units": 5, "activation": "softmax"}],
                 "loss": "cross_entropy", "dataset": {"name": "blobs", "classes": 5}}""", "blobs5.json"), "blobs5.json"));
        assertTrue(e.getMessage().contains("blobs"), e.getMessage());
    }

    @Test
    void aRegressionOnSinOf3x1LearnsToASmallErrorAndShowsPredictedAgainstTrue() throws Exception {
        PlaygroundSession s = new PlaygroundSession();
        s.apply(PlaygroundFit.check(SpecReader.read(Path.of("src", "test", "resources", "specs", "sine-surface-playground.json")), "sine-surface-playground.json"));
        PlaygroundFrame before = s.frame();
        for (int e = 0; e < 150; e++) s.epoch();
        PlaygroundFrame f = s.frame();
        assertEquals(0, f.classes());
        assertTrue(Float.isNaN(f.testAccuracy()), "no accuracy for a number learned");
        assertTrue(f.train().values() != null && f.train().values().length == f.train().size(), "points carry their targets");
        PlaygroundFrame.Fit fit = f.fit();
        assertEquals(f.test().size(), fit.truth().length);
        assertArrayEquals(f.test().values(), fit.truth());
        assertTrue(fit.mse() < 0.01f, "sin(3 x1) is learned: MSE " + fit.mse());
        assertTrue(fit.mse() < before.fit().mse() / 10, "the error fell from " + before.fit().mse());
        assertNull(f.confusion());
    }

    @Test
    void aFormulaThatDoesNotParseIsRefusedWithItsPositionAndTheDataStays() {
        PlaygroundSession s = new PlaygroundSession();
        PlaygroundSetup curve = PlaygroundSetup.defaults().withDataset("formula-classes");
        assertEquals("sin(3*x)", curve.formula(), "the set starts from its example");
        s.apply(curve);
        float[][] points = s.frame().train().xy();
        int[] sine = labels(s);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.apply(curve.withFormula("sin(3*y)")));
        assertTrue(e.getMessage().startsWith("f = sin(3*y): position 7: ") && e.getMessage().contains("unknown"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals("sin(3*x)", s.setup().formula());
        assertArrayEquals(points, s.frame().train().xy());
        s.apply(curve.withFormula("x^3 - x"));
        assertFalse(Arrays.equals(sine, labels(s)), "a new formula labels the points anew");
        assertNull(refusalOf("formula-curve"), "one input is drawn as a curve");
    }

    private static int[] labels(PlaygroundSession s) { return s.frame().train().labels(); }

    private static String refusalOf(String name) {
        return PlaygroundSetup.tableRefusal(new backprop.engine.spec.NetworkSpec.DatasetSpec(name, null, null, null, null, null));
    }

    @Test
    void aSessionWithAnImportedTableReplaysToTheSameWeights(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path csv = java.nio.file.Files.writeString(dir.resolve("two.csv"), "a,b,kind\n0.1,0.9,x\n0.8,0.2,y\n0.2,0.7,x\n0.9,0.1,y\n0.3,0.8,x\n0.7,0.3,y\n");
        var spec = backprop.engine.spec.NetworkSpec.DatasetSpec.ofFile(csv.toString(), null, null);
        var imported = new PlaygroundSetup.Imported(spec, backprop.engine.data.table.TableSource.load(spec, null, "two.csv", 0, 1));
        PlaygroundSession a = new PlaygroundSession();
        a.apply(PlaygroundSetup.defaults().withImported(imported));
        a.epoch();
        a.apply(a.setup().withLearningRate(0.1));
        for (int e = 0; e < 5; e++) a.epoch();
        PlaygroundSession b = new PlaygroundSession();
        PlaygroundLog.replay(a.log(), b, new backprop.app.session.StateReader("test.bpsession"));
        assertEquals(a.setup().imported(), b.setup().imported());
        PlaygroundFrame fa = a.frame(), fb = b.frame();
        assertEquals(fa.step(), fb.step());
        for (int l = 0; l < fa.layers(); l++) for (int i = 0; i < fa.weights().get(l).length; i++)
            assertArrayEquals(fa.weights().get(l)[i], fb.weights().get(l)[i]);
    }
}
