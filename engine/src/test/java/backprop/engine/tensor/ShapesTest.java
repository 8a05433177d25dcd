package backprop.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.autodiff.Activation;
import backprop.engine.layers.dense.Dense;
import org.junit.jupiter.api.Test;

/** Issue 21, case 2: shape arithmetic that used to wrap around int. */
class ShapesTest {

    @Test
    void productsAreCountedWithoutWrapping() {
        assertEquals(46_341L * 46_341L, Shapes.product(46_341, 46_341));
        assertEquals(65_536L * 65_536L, Shapes.product(65_536, 65_536));
        assertThrows(IllegalArgumentException.class, () -> Shapes.product(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> Shapes.product(1 << 30, 1 << 30, 1 << 30));
    }

    @Test
    void aTensorTooBigForAnArrayIsRefusedNotWrapped() {
        // 65536² wrapped to exactly 0 and built an empty tensor; 46341² wrapped negative.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(65_536, 65_536));
        assertTrue(e.getMessage().contains("4294967296"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(46_341, 46_341));
        assertThrows(IllegalArgumentException.class, () -> new Tensor(new float[0], 65_536, 65_536));
    }

    @Test
    void aLayerNeedsAtLeastOneInputAndOneUnit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dense("d", Tensor.zeros(0, 3), Tensor.zeros(3), Activation.SIGMOID));
        assertTrue(e.getMessage().contains("at least one input and one unit"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dense("d", Tensor.zeros(2, 0), Tensor.zeros(0), Activation.SIGMOID));
    }
}
