package backprop.app.playground;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.playground.PlaygroundSetup.Hidden;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.SpecReader;
import backprop.engine.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A residual network (h3 = h1 + h2) in the playground: it opens, its frames are the engine's, it learns, edits keep its wiring. */
class PlaygroundResidualTest {
    /** The file `train --spec` trains in the engine's tests, at the repository root. */
    private static final Path FILE = Path.of("..", "src", "test", "resources", "specs", "residual-xor.json");

    private static PlaygroundSession open(PlaygroundSetup setup) {
        PlaygroundSession s = new PlaygroundSession();
        s.apply(setup);
        return s;
    }

    private static PlaygroundSetup residual() throws Exception {
        return PlaygroundSetup.fromSpec(SpecReader.read(FILE), "residual-xor.json");
    }

    @Test
    void theResidualFileOpensWithItsWiring() throws Exception {
        PlaygroundSetup s = residual();
        assertEquals(List.of(new Hidden(4, "tanh"), new Hidden(4, "tanh"), new Hidden(4, null, "add", List.of(1, 2))), s.hidden());
        assertEquals("adam", s.optimizer());
        assertEquals(3, s.seed());
        PlaygroundFrame f = open(s).frame();
        assertArrayEquals(new int[] {2, 4, 4, 4, 1}, f.sizes());
        assertEquals(List.of("[0]", "[1]", "[1, 2]", "[3]"), f.sources().stream().map(java.util.Arrays::toString).toList());
        assertTrue(f.isMerge(2) && !f.isMerge(1) && f.isGraph());
        assertEquals(0, f.weights().get(2).length, "an add has no weights");
        assertEquals(s, Preset.RESIDUAL_XOR.setup(), "the preset is the same network");
    }

    @Test
    void framesAreTheEnginesOwnValues() throws Exception {
        PlaygroundSession s = open(residual());
        for (int e = 0; e < 5; e++) s.epoch();
        PlaygroundFrame f = s.frame();
        // The add column's map is the engine's sum of the two maps it reads, to the bit.
        for (int u = 0; u < 4; u++) {
            float[] h1 = f.maps().get(1)[u], h2 = f.maps().get(2)[u], sum = f.maps().get(3)[u];
            for (int p = 0; p < sum.length; p++) assertEquals(Float.floatToIntBits(h1[p] + h2[p]), Float.floatToIntBits(sum[p]), "unit " + u + " point " + p);
        }
        // And the output map is what the engine's model of the same file and weights predicts.
        Model m = ModelFactory.build(residual().toSpec(2, 1), 3);
        List<backprop.engine.autodiff.Var> ps = m.params();
        for (int l = 0, k = 0; l < f.layers(); l++) {
            if (f.isMerge(l)) continue;
            ps.get(k++).setValue(Tensor.matrix(f.weights().get(l)));
            ps.get(k++).setValue(Tensor.vector(f.biases().get(l)));
        }
        int g = f.plane().grid();
        float[] out = f.maps().get(4)[0];
        for (int r : new int[] {0, g / 3, g - 1}) {
            for (int c : new int[] {0, g / 2, g - 1}) {
                float[] xy = {(float) f.plane().coordinate(c), (float) f.plane().coordinate(g - 1 - r)};
                assertEquals(m.predict(Tensor.matrix(new float[][] {xy})).get(0, 0), out[r * g + c], 1e-6f);
            }
        }
    }

    @Test
    void trainingFromTheFileSeedReachesTheStacksAccuracy() throws Exception {
        PlaygroundSetup res = residual();
        PlaygroundSession r = open(res), stack = open(res.withHidden(List.of(new Hidden(4, "tanh"), new Hidden(4, "tanh"))));
        for (int e = 0; e < 60; e++) { r.epoch(); stack.epoch(); }
        float ra = r.frame().testAccuracy(), sa = stack.frame().testAccuracy();
        assertTrue(ra >= 0.95f && ra >= sa - 0.02f, "residual " + ra + ", stack " + sa);
    }

    @Test
    void hiddenSpaceShowsTheFirstLayerAndNoMapOfItsFourUnits() throws Exception {
        PlaygroundFrame f = open(residual()).frame();
        assertNotNull(f.hidden());
        assertEquals(4, f.hidden().units());
        assertNull(f.hiddenMap(), "four units: no plane of two to draw the output over");
        // Two units in h1 and h2: the rest of the graph is a function of h1, drawn over its plane.
        PlaygroundSetup two = residual().withHidden(List.of(new Hidden(2, "tanh"), new Hidden(2, "tanh"), new Hidden(0, null, "add", List.of(1, 2))));
        assertNotNull(open(two).frame().hiddenMap());
    }

    @Test
    void editsKeepTheWiringOrAreRefusedInOneLine() throws Exception {
        List<Hidden> h = residual().hidden();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HiddenWiring.withUnits(h, 0, 5, 2));
        assertEquals("h1 keeps 4 units: add h1 + h2 needs equal sizes: h1 has 5 units, h2 4", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HiddenWiring.withUnits(h, 2, 5, 2));
        assertThrows(IllegalArgumentException.class, () -> HiddenWiring.withActivation(h, 2, "relu"));
        assertEquals("relu", HiddenWiring.withActivation(h, 1, "relu").get(1).activation());
        List<Hidden> added = HiddenWiring.withLayerAdded(h);
        assertEquals(h, added.subList(0, 3));
        assertEquals(new Hidden(4, "tanh"), added.get(3));
        // A concat takes any sizes: h1 may grow, and the concat with it.
        List<Hidden> cat = List.of(new Hidden(4, "tanh"), new Hidden(3, "tanh"), new Hidden(0, null, "concat", List.of(1, 2)));
        assertEquals(8, HiddenWiring.withUnits(HiddenWiring.sized(cat, 2), 0, 5, 2).get(2).units());
    }

    @Test
    void theViewModelRefusesAnEditThatBreaksTheAddAndKeepsTheNetwork() throws Exception {
        java.util.concurrent.ExecutorService engine = java.util.concurrent.Executors.newSingleThreadExecutor();
        PlaygroundViewModel vm = new PlaygroundViewModel(r -> { }, engine);
        try {
            edits(vm);
        } finally {
            vm.dispose();
        }
    }

    private static void edits(PlaygroundViewModel vm) {
        vm.choose(Preset.RESIDUAL_XOR);
        PlaygroundSetup before = vm.setup();
        vm.changeUnits(1, +1);
        assertEquals(before, vm.setup());
        assertTrue(vm.messageProperty().get().startsWith("h2 keeps 4 units: add h1 + h2 needs equal sizes"), vm.messageProperty().get());
        vm.setActivation(0, "relu");
        assertEquals("relu", vm.setup().hidden().get(0).activation());
        assertEquals(List.of(1, 2), vm.setup().hidden().get(2).from());
    }
}
