package backprop.app.playground;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Data the plane cannot hold: iris (four columns) trains on all of them and is drawn as a slice
 * through two; a regression of one input is drawn as a curve; the data grid's edits reach the
 * engine, can be undone, and replay from a session's log.
 */
class PlaygroundSliceCurveTest {

    private static PlaygroundSession trained(PlaygroundSetup s, int epochs) {
        PlaygroundSession x = new PlaygroundSession();
        x.apply(s);
        for (int e = 0; e < epochs; e++) x.epoch();
        return x;
    }

    /** Stated: the iris preset (4-6-3, Adam, seed 3) reaches at least 90 % on its 45 held-out flowers after 60 epochs. */
    @Test
    void irisTrainsOnAllFourColumnsToNinetyPercentOnTheTestFlowers() {
        PlaygroundSession s = trained(Preset.IRIS.setup(), 60);
        PlaygroundFrame f = s.frame();
        assertEquals(4, f.sizes()[0], "the network reads all four measurements");
        assertEquals(3, f.classes());
        assertEquals(45, f.test().size(), "30 % of 150 flowers held out");
        assertTrue(f.testAccuracy() >= 0.9f, "test accuracy " + f.testAccuracy());
        System.out.println("iris test accuracy after 60 epochs: " + f.testAccuracy());
    }

    @Test
    void theIrisMapIsTheEnginesForwardPassOverASliceWithTheOtherColumnsAtTheirTrainingMean() {
        PlaygroundSession s = trained(Preset.IRIS.setup(), 5);
        s.setAxes(2, 3);
        PlaygroundFrame f = s.frame();
        PlaygroundFrame.Slice slice = f.slice();
        assertNotNull(slice);
        assertEquals(java.util.List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), slice.columns());
        assertEquals(2, slice.x());
        assertEquals(3, slice.y());
        for (float m : slice.held()) assertEquals(0, m, 0.1, "standardised columns have a training mean near 0");
        // The grid cell at row r, column c is the network at (held with petal_length, petal_width set to the cell's centre).
        PlaygroundFrame.Plane p = f.plane();
        int g = p.grid(), r = 10, c = 30;
        float[] in = slice.held().clone();
        in[2] = (float) p.coordinate(c);
        in[3] = (float) p.coordinate(g - 1 - r);
        float[][] outs = f.maps().get(f.layers());
        PlaygroundSession again = trained(Preset.IRIS.setup(), 5);
        float[] direct = again.frame() == null ? null : predict(again, in);
        for (int k = 0; k < 3; k++) assertEquals(direct[k], outs[k][r * g + c], 1e-6f, "class " + k);
        // Points are drawn at their petal length and width.
        PlaygroundFrame.Data d = f.data();
        int row = d.row(false, 0);
        assertArrayEquals(new float[] {d.x()[row][2], d.x()[row][3]}, f.train().xy()[0]);
        assertThrows(IllegalArgumentException.class, () -> s.setAxes(1, 1));
    }

    private static float[] predict(PlaygroundSession s, float[] in) {
        return s.modelForTests().predict(Tensor.matrix(new float[][] {in})).toArray();
    }

    /** Stated: y = sin(3x) from 200 noisy points, 1-8-8-1 tanh with Adam, reaches a test MSE below 0.01 after 150 epochs. */
    @Test
    void aCurveOfOneInputIsLearnedAndDrawnFromTheEngine() {
        PlaygroundSetup curve = PlaygroundSetup.defaults().withDataset("formula-curve")
                .withHidden(java.util.List.of(new PlaygroundSetup.Hidden(8, "tanh"), new PlaygroundSetup.Hidden(8, "tanh")))
                .withOptimizer("adam").withLearningRate(0.03).withBatchSize(16).withNoise(0.1).withTestRatio(0.3);
        assertEquals("identity", curve.output());
        assertEquals("sin(3*x)", curve.formula());
        PlaygroundSession s = trained(curve, 150);
        PlaygroundFrame f = s.frame();
        assertEquals(1, f.sizes()[0]);
        assertNull(f.plane(), "no plane: one input");
        PlaygroundFrame.Curve c = f.curve();
        assertNotNull(c);
        assertEquals(PlaygroundSession.CURVE_SAMPLES, c.x().length);
        float mid = c.x()[100];
        assertEquals(s.modelForTests().predict(Tensor.matrix(new float[][] {{mid}})).toArray()[0], c.y()[100], 1e-5f, "the curve is the engine's answer");
        assertTrue(f.fit().mse() < 0.01f, "test MSE " + f.fit().mse());
        System.out.println("sin(3x) test MSE after 150 epochs: " + f.fit().mse());
    }

    @Test
    void theCarsPresetIsAOneInputRegression() {
        PlaygroundSession s = trained(Preset.CARS.setup(), 100);
        PlaygroundFrame f = s.frame();
        assertEquals(1, f.sizes()[0]);
        assertNotNull(f.curve());
        assertEquals("speed_mph", f.curve().name());
        assertNotNull(f.fit());
    }

    @Test
    void aCellEditMovesThePointTheEngineTrainsOnAndUndoAndRestoreBringItBack() {
        PlaygroundSession s = new PlaygroundSession();
        s.apply(PlaygroundSetup.defaults().withDataset("circle"));
        PlaygroundFrame f = s.frame();
        PlaygroundFrame.Data d = f.data();
        int row = d.row(false, 3);
        float[] was = f.train().xy()[3].clone();
        s.setCell(row, 0, 0.75f);
        PlaygroundFrame g = s.frame();
        assertEquals(0.75f, g.train().xy()[3][0], "the training point moved");
        assertEquals(was[1], g.train().xy()[3][1]);
        assertEquals(0.75f, s.trainingInputsForTests()[3][0], "the engine's training inputs changed");
        assertTrue(g.data().edited());
        assertArrayEquals(was, f.train().xy()[3], "the frame already shown keeps its points");
        int label = d.labels()[row];
        s.setCell(row, 2, 1 - label);
        assertEquals(1 - label, s.frame().data().labels()[row]);
        assertThrows(IllegalArgumentException.class, () -> s.setCell(row, 2, 2));
        assertTrue(s.undoData());
        assertEquals(label, s.frame().data().labels()[row]);
        assertEquals(0.75f, s.frame().train().xy()[3][0]);
        s.restoreData();
        assertArrayEquals(was, s.frame().train().xy()[3]);
        assertFalse(s.frame().data().edited());
        assertFalse(s.undoData());
    }

    @Test
    void theNetworkOfASessionWithEditedDataCarriesTheEditedTable() throws Exception {
        PlaygroundSession s = new PlaygroundSession();
        s.apply(Preset.IRIS.setup());
        assertTrue(s.networkJson().contains("\"table\""), "an iris session's network names its rows");
        s.setCell(7, 2, 1.75f);
        s.epoch();
        var spec = backprop.engine.spec.SpecReader.parse(s.networkJson(), "iris-edited.json");
        assertEquals(150, spec.dataset().table().rows().size());
        assertEquals("1.75", spec.dataset().table().rows().get(7).get(2));
        // The file opens in the playground with the edited rows, split as the session split them.
        PlaygroundSetup back = PlaygroundFit.check(spec, "iris-edited.json");
        PlaygroundSession t = new PlaygroundSession();
        t.apply(back);
        assertEquals(1.75f, t.frame().data().x()[7][2]);
        assertArrayEquals(s.frame().data().test(), t.frame().data().test());
        assertArrayEquals(s.frame().data().labels(), t.frame().data().labels());

        PlaygroundSession plain = new PlaygroundSession();
        plain.apply(PlaygroundSetup.defaults());
        assertFalse(plain.networkJson().contains("\"table\""), "generated data stays a name and a seed");
    }

    @Test
    void editsAxesAndPaintedValuesReplayFromTheLog() throws Exception {
        PlaygroundSession a = new PlaygroundSession();
        a.apply(Preset.IRIS.setup());
        a.setCell(4, 1, 2.5f);
        a.setAxes(0, 2);
        a.epoch();
        PlaygroundSession b = new PlaygroundSession();
        PlaygroundLog.replay(a.log(), b, new backprop.app.session.StateReader("test.bpsession"));
        assertEquals(2.5f, b.frame().data().x()[4][1]);
        assertEquals(0, b.frame().slice().x());
        assertEquals(2, b.frame().slice().y());
        assertArrayEquals(a.frame().weights().get(0)[0], b.frame().weights().get(0)[0]);

        PlaygroundSession c = new PlaygroundSession();
        c.apply(PlaygroundSetup.defaults().withDataset("plane"));
        int n = c.frame().data().rows();
        c.addValue(0.5f, -0.5f, 0.8f);
        assertEquals(n + 1, c.frame().data().rows());
        assertEquals(0.8f, c.frame().data().values()[n]);
        PlaygroundSession e = new PlaygroundSession();
        PlaygroundLog.replay(c.log(), e, new backprop.app.session.StateReader("test.bpsession"));
        assertEquals(0.8f, e.frame().data().values()[n]);
        assertNotEquals(0, e.frame().data().rows());
    }
}
