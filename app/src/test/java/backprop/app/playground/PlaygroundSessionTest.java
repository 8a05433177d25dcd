package backprop.app.playground;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.playground.PlaygroundSetup.Hidden;
import backprop.app.playground.PlaygroundSetup.Kind;
import backprop.engine.data.Feature;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The playground's engine side without any UI: training, presets, edits, determinism. */
class PlaygroundSessionTest {

    private static PlaygroundSession open(PlaygroundSetup setup) {
        PlaygroundSession s = new PlaygroundSession();
        s.apply(setup);
        return s;
    }

    private static int epochsUntilTestAccuracyIsPerfect(PlaygroundSession s, int max) {
        for (int e = 1; e <= max; e++) {
            s.epoch();
            if (s.frame().testAccuracy() == 1f) return e;
        }
        return -1;
    }

    @Test
    void defaultXorReachesFullTestAccuracyAndItsOutputMapChanges() {
        PlaygroundSession s = open(PlaygroundSetup.defaults());
        PlaygroundFrame before = s.frame();
        int epochs = epochsUntilTestAccuracyIsPerfect(s, 600);
        assertTrue(epochs > 0, "test accuracy never reached 100 % in 600 epochs");
        PlaygroundFrame after = s.frame();
        float[] out0 = before.maps().get(before.maps().size() - 1)[0], out1 = after.maps().get(after.maps().size() - 1)[0];
        assertEquals(PlaygroundSession.GRID * PlaygroundSession.GRID, out1.length);
        assertFalse(java.util.Arrays.equals(out0, out1), "the output heat map changed with training");
        // The map is the network's own opinion: XOR quadrants, class 1 where signs differ.
        int g = PlaygroundSession.GRID;
        assertTrue(out1[0] > 0.5f, "top-left (x1<0, x2>0) is class 1: " + out1[0]);
        assertTrue(out1[g - 1] < 0.5f, "top-right (x1>0, x2>0) is class 0: " + out1[g - 1]);
        assertEquals(100, after.train().size() + 0, "half of 200 points train");
        assertEquals(100, after.test().size());
    }

    @Test
    void sameSetupGivesBitIdenticalFrames() {
        PlaygroundSession a = open(PlaygroundSetup.defaults()), b = open(PlaygroundSetup.defaults());
        for (int i = 0; i < 25; i++) { a.epoch(); b.epoch(); }
        PlaygroundFrame fa = a.frame(), fb = b.frame();
        assertEquals(Float.floatToIntBits(fa.trainLoss()), Float.floatToIntBits(fb.trainLoss()));
        for (int l = 0; l < fa.layers(); l++) for (int i = 0; i < fa.weights().get(l).length; i++)
            assertArrayEquals(fa.weights().get(l)[i], fb.weights().get(l)[i]);
        assertArrayEquals(fa.maps().get(fa.layers())[0], fb.maps().get(fb.layers())[0]);
    }

    @Test
    void editingAWeightChangesTheOutputAtOnce() {
        PlaygroundSession s = open(PlaygroundSetup.defaults());
        s.epoch();
        PlaygroundFrame before = s.frame();
        int last = before.layers() - 1;
        s.setWeight(last, 0, 0, before.weights().get(last)[0][0] + 3f);
        PlaygroundFrame after = s.frame();
        assertEquals(before.weights().get(last)[0][0] + 3f, after.weights().get(last)[0][0]);
        assertFalse(java.util.Arrays.equals(before.maps().get(last + 1)[0], after.maps().get(last + 1)[0]));
        assertEquals(before.step(), after.step(), "an edit is not a training step");
    }

    @Test
    void editingTheDataMidRunRecordsTheLossOfTheEditedData() {
        PlaygroundSession s = open(PlaygroundSetup.defaults());
        for (int i = 0; i < 5; i++) s.epoch();
        s.setCell(0, 0, 0.95f);
        s.addPoint(0.9f, -0.9f, 1);
        PlaygroundFrame f = s.frame();
        var last = f.history().get(f.history().size() - 1);
        // The curve ends where the figures beside it read, and the chart marks the edit.
        assertEquals(f.step(), last.step());
        assertEquals(Float.floatToIntBits(f.trainLoss()), Float.floatToIntBits(last.trainLoss()));
        assertEquals(Float.floatToIntBits(f.testLoss()), Float.floatToIntBits(last.testLoss()));
        assertTrue(f.edits().contains(f.step()), "edit marked at step " + f.step() + ": " + f.edits());
    }

    @Test
    void handBuiltXorGivesTheTruthTableAndCannotTrain() {
        PlaygroundSession s = open(Preset.HANDBUILT_XOR.setup());
        PlaygroundFrame f = s.frame();
        assertFalse(f.trainable());
        float[] expected = {0, 1, 1, 0};
        for (int n = 0; n < 4; n++) {
            assertEquals(expected[n], f.table().rows().get(n).outputs()[0], "row " + n);
            assertTrue(f.table().rows().get(n).correct());
        }
        // v1 = x1 ∧ ¬x2 fires only on (1,0); v2 = x2 ∧ ¬x1 only on (0,1).
        assertArrayEquals(new float[] {0, 1}, f.table().rows().get(1).hidden());
        assertArrayEquals(new float[] {1, 0}, f.table().rows().get(2).hidden());
    }

    @Test
    void perceptronConvergesOnAndButCyclesOnXor() {
        PlaygroundSession and = open(Preset.PERCEPTRON_AND.setup());
        for (int i = 0; i < 400 && !and.frame().perceptron().converged(); i++) and.step();
        assertTrue(and.frame().perceptron().converged());
        assertEquals(1f, and.frame().trainAccuracy());

        PlaygroundSession xor = open(Preset.PERCEPTRON_XOR.setup());
        long[] moves = new long[1];
        float[] prev = xor.frame().perceptron().weights();
        for (int i = 0; i < 400; i++) {
            xor.step();
            float[] w = xor.frame().perceptron().weights();
            if (!java.util.Arrays.equals(prev, w)) moves[0]++;
            prev = w;
        }
        PlaygroundFrame f = xor.frame();
        assertFalse(f.perceptron().converged());
        assertTrue(f.perceptron().cycleStartEpoch() >= 0, "weights repeat: the rule cycles");
        assertTrue(moves[0] > 20, "the decision line keeps moving: " + moves[0]);
        assertTrue(f.trainAccuracy() < 1f);
    }

    @Test
    void encoderTableReconstructsAllEightWithDistinctCodes() {
        PlaygroundSession s = open(Preset.ENCODER_838.setup());
        for (int e = 0; e < 3000; e++) s.epoch();
        PlaygroundFrame f = s.frame();
        assertNull(f.maps(), "8 inputs: no plane to map");
        assertEquals(8, f.table().rows().size());
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (var row : f.table().rows()) {
            assertTrue(row.correct(), "reconstructed " + java.util.Arrays.toString(row.outputs()));
            assertEquals(3, row.hidden().length);
            StringBuilder b = new StringBuilder();
            for (float h : row.hidden()) b.append(h >= 0.5f ? '1' : '0');
            codes.add(b.toString());
        }
        assertEquals(8, codes.size(), "eight distinct hidden codes: " + codes);
    }

    @Test
    void hiddenSpaceOfXorIsPlottedWithTheOutputMap() {
        PlaygroundSession s = open(Preset.LEARNED_XOR.setup());
        for (int e = 0; e < 2000 && s.frame().trainAccuracy() < 1f; e++) s.epoch();
        PlaygroundFrame f = s.frame();
        assertEquals(1f, f.trainAccuracy());
        assertNotNull(f.hidden());
        assertEquals(2, f.hidden().units());
        assertNotNull(f.hiddenMap());
        assertEquals(4, f.hidden().train().size());
    }

    @Test
    void featuresAreTheInputsAndAddedPointsJoinTheData() {
        PlaygroundSession s = open(PlaygroundSetup.defaults().withFeatures(List.of(Feature.X1, Feature.X2, Feature.X1_TIMES_X2)).withHidden(List.of()));
        PlaygroundFrame f = s.frame();
        assertEquals(List.of("x1", "x2", "x1·x2"), f.inputNames());
        assertEquals(3, f.sizes()[0]);
        int g = PlaygroundSession.GRID;
        // The x1·x2 column's map is the feature itself: top-left cell is (−1.077, 1.077).
        float c = (float) f.plane().coordinate(0);
        assertEquals(c * -c, f.maps().get(0)[2][0], 1e-6);
        int before = f.train().size() + f.test().size();
        s.addPoint(0.5f, 0.5f, 1);
        assertEquals(before + 1, s.frame().train().size() + s.frame().test().size());
        assertTrue(s.removeNear(0.5f, 0.5f, 0.01));
        assertEquals(before, s.frame().train().size() + s.frame().test().size());
        assertFalse(s.removeNear(5f, 5f, 0.01));
    }

    @Test
    void changingTheLearningRateKeepsTheWeightsButANewArchitectureStartsOver() {
        PlaygroundSession s = open(PlaygroundSetup.defaults());
        for (int i = 0; i < 5; i++) s.epoch();
        float w = s.frame().weights().get(0)[0][0];
        s.apply(s.setup().withLearningRate(0.01));
        assertEquals(w, s.frame().weights().get(0)[0][0]);
        assertEquals(5, s.epochs());
        s.apply(s.setup().withHidden(List.of(new Hidden(3, "relu"))));
        assertEquals(0, s.epochs());
        assertEquals(3, s.frame().sizes()[1]);
        assertNotEquals(Kind.PERCEPTRON, s.setup().kind());
    }
}
