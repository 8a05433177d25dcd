package backprop.engine.trace;

/**
 * Everything about one layer in one traced training step, batch first ([sample][unit]).
 * Parameter fields are null for layers without parameters (dropout); {@code a} and
 * {@code gPrime} are null for layers without a pre-activation (maxout, dropout).
 *
 * @param name         layer name ("dense1")
 * @param type         "dense", "maxout", "dropout"
 * @param activation   activation id for dense layers, else null
 * @param input        z of the previous layer (x for the first), [n][i]
 * @param a            a_j = Σ_i w_ij z_i + b_j, [n][j]
 * @param z            z_j = g(a_j), [n][j]
 * @param gPrime       g'(a_j), [n][j]; for softmax the Jacobian's diagonal z_j(1 − z_j)
 * @param delta        δ_j = ∂L_n/∂a_j for sample n's own loss (no 1/N); for layers without
 *                     a pre-activation, ∂L_n/∂z_j
 * @param weights      w_ij before the update, [i][j]
 * @param bias         b_j before the update
 * @param gradWeights  ∂R/∂w_ij = (1/N) Σ_n z_prev[n][i] δ[n][j] (+ L2 term if any)
 * @param gradBias     ∂R/∂b_j = (1/N) Σ_n δ[n][j]
 * @param weightsAfter w_ij after the optimiser's update (null if no update was made)
 * @param biasAfter    b_j after the update
 */
public record LayerTrace(String name, String type, String activation,
                         float[][] input, float[][] a, float[][] z, float[][] gPrime, float[][] delta,
                         float[][] weights, float[] bias, float[][] gradWeights, float[] gradBias,
                         float[][] weightsAfter, float[] biasAfter) {

    public int units() { return z[0].length; }

    public int inputs() { return input[0].length; }

    public boolean hasParameters() { return weights != null; }
}
