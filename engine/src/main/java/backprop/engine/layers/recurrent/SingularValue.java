package backprop.engine.layers.recurrent;

/**
 * The largest singular value λ₁ of a recurrent weight block: the factor in the decks' bound
 * ‖∂h_t/∂h_k‖ ≤ (γ λ₁)^{t−k}. Below 1/γ the gradient through time must vanish; above, it may
 * explode. Power iteration on WᵀW, in double, from a fixed start, so it is repeatable.
 */
public final class SingularValue {
    private SingularValue() {}

    /** λ₁ of block {@code k} of the layer's packed W (the RNN has one block). */
    public static float largest(RecurrentLayer layer, int k) {
        return largest(RecurrentLayer.block(layer.w().value(), k, layer.units()));
    }

    /** λ₁ of a rows × cols matrix: sqrt of the largest eigenvalue of WᵀW. */
    public static float largest(float[][] w) {
        int rows = w.length, cols = rows == 0 ? 0 : w[0].length;
        if (rows == 0 || cols == 0) return 0f;
        double[] v = new double[cols];
        for (int j = 0; j < cols; j++) v[j] = 1.0 + j * 1e-3; // not orthogonal to the top vector unless by design
        double lambda = 0;
        for (int it = 0; it < 500; it++) {
            double[] wv = new double[rows];
            for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) wv[i] += w[i][j] * v[j];
            double[] next = new double[cols];
            for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) next[j] += w[i][j] * wv[i];
            double norm = 0;
            for (double x : next) norm += x * x;
            norm = Math.sqrt(norm);
            if (norm == 0) return 0f;
            for (int j = 0; j < cols; j++) next[j] /= norm;
            double previous = lambda;
            lambda = norm; // ‖WᵀW v‖ for a unit v: converges to λ₁²
            v = next;
            if (it > 10 && Math.abs(lambda - previous) <= 1e-12 * lambda) break;
        }
        return (float) Math.sqrt(lambda);
    }
}
