package backprop.engine.layers.recurrent;

/**
 * σ and tanh for the cells, computed exactly as the dense layers' activations are
 * (StrictMath in double, rounded to float), so an LSTM gate and a sigmoid unit agree to the
 * last bit and results do not depend on the CPU.
 */
final class Nonlinear {
    private Nonlinear() {}

    static float sigmoid(float x) { return (float) (1.0 / (1.0 + StrictMath.exp(-x))); }

    static float tanh(float x) { return (float) StrictMath.tanh(x); }
}
