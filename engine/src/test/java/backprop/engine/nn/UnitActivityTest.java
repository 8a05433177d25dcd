package backprop.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

class UnitActivityTest {
    @Test
    void countsUnitsStuckAtAnEndForEverySampleAndReluUnitsThatNeverFire() {
        // 3 samples × 3 units: unit 0 saturated at +1/−1, unit 1 moves, unit 2 is always 0.
        Tensor tanh = new Tensor(new float[] {0.999f, 0.2f, 0f, -0.995f, -0.5f, 0f, 0.9999f, 0.9f, 0f}, 3, 3);
        assertEquals(new UnitActivity(3, 1, 0), UnitActivity.of(tanh, "tanh"));
        Tensor relu = new Tensor(new float[] {0f, 1.5f, 0f, 0f, 0f, 0f, 0f, 2f, 0f}, 3, 3);
        assertEquals(new UnitActivity(3, 0, 2), UnitActivity.of(relu, "relu"));
        Tensor sigmoid = new Tensor(new float[] {0.001f, 0.5f, 0.995f, 0.002f, 0.6f, 0.3f}, 2, 3);
        assertEquals(new UnitActivity(3, 1, 0), UnitActivity.of(sigmoid, "sigmoid"));
    }
}
