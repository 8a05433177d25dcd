package backprop.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.engine.autodiff.Var;
import backprop.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The losses' values follow the decks' conventions, including the ½ and the 1/N. */
class LossTest {
    private static final float[][] P = {{0.2f, 0.7f, 0.1f}, {0.5f, 0.25f, 0.25f}};
    private static final float[][] Y = {{0f, 1f, 0f}, {0f, 0f, 1f}};

    private static double value(Loss loss, float[][] p, float[][] y) {
        return loss.apply(Var.constant(Tensor.matrix(p)), Tensor.matrix(y)).value().item();
    }

    @Test
    void mseIsHalfTheSquaredDistanceAveragedOverSamples() {
        // R = (1/N) Σ_n ½ ‖y_n − f(x_n)‖²
        double r = (0.5 * (0.04 + 0.09 + 0.01) + 0.5 * (0.25 + 0.0625 + 0.5625)) / 2;
        assertEquals(r, value(Loss.MSE, P, Y), 1e-7);
    }

    @Test
    void crossEntropyAveragesMinusLogOfTheTrueClassProbability() {
        // R = −(1/N) Σ_n Σ_c y_nc log p_nc
        assertEquals(-(Math.log(0.7) + Math.log(0.25)) / 2, value(Loss.CROSS_ENTROPY, P, Y), 1e-6);
    }

    @Test
    void binaryCrossEntropyCountsBothOutcomes() {
        float[][] p = {{0.9f}, {0.2f}, {0.6f}}, y = {{1f}, {0f}, {0f}};
        double r = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.4)) / 3;
        assertEquals(r, value(Loss.BINARY_CROSS_ENTROPY, p, y), 1e-6);
    }
}
