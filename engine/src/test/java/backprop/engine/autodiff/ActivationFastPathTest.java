package backprop.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Ops.activate writes relu's and identity's loops out instead of calling Activation's g and g'
 * per element: the same floats, bit for bit, as those definitions give, for the awkward inputs
 * too (±0, NaN, infinities, negative and −0 gradients).
 */
class ActivationFastPathTest {

    private static final float[] X = {-2f, -0f, 0f, 1e-30f, -1e-30f, 3.5f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 7f, -7f, 0.25f,
            Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, Float.intBitsToFloat(0xffc00000), Float.intBitsToFloat(0x7f800001), -3f, 2f};
    private static final float[] G = {1f, -1f, -0f, 2f, 0f, -3f, 4f, -0f, 5f, Float.NaN, Float.POSITIVE_INFINITY, -0.5f,
            -2f, 3f, Float.NEGATIVE_INFINITY, Float.NaN, 1f, 1f, Float.NEGATIVE_INFINITY, Float.NaN};

    @Test
    void reluMatchesItsDefinition() { matchesDefinition(Activation.RELU); }

    @Test
    void identityMatchesItsDefinition() { matchesDefinition(Activation.IDENTITY); }

    @Test
    void otherActivationsStillUseTheirDefinitions() {
        matchesDefinition(Activation.TANH);
        matchesDefinition(Activation.leakyRelu(0.1f));
    }

    private static void matchesDefinition(Activation act) {
        Var a = Var.param(new Tensor(X.clone(), 4, 5), "a");
        Var z = Ops.activate(a, act);
        System.arraycopy(G, 0, z.grad().data(), 0, G.length);
        z.backward.run();
        for (int i = 0; i < X.length; i++) {
            float zi = act.apply(X[i]);
            assertBits(zi, z.value().data()[i], act + " g(" + X[i] + ")");
            // The gradient starts as zeros and the rule adds g'(x)·∂R/∂z into it.
            assertBits(0f + act.derivative(X[i], zi) * G[i], a.grad().data()[i], act + " g'(" + X[i] + ")·" + G[i]);
        }
    }

    private static void assertBits(float expected, float actual, String what) {
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual), what + ": " + expected + " vs " + actual);
    }
}
