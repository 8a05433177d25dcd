package backprop.engine.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything about one layer in one traced training step, as named tensors of any rank
 * (batch first), like {@link ParameterTrace}. Which names a layer records is its kind's
 * choice; the usual ones, all [sample][unit] or [input][unit]:
 *
 * <ul>
 *   <li>{@code input}: z of the layer it reads (x for the first); merge layers record
 *       {@code input1}, {@code input2}, … instead;
 *   <li>{@code a} = Σ_i w_ij z_i + b_j and {@code gPrime} = g'(a_j) (dense only; for softmax
 *       the Jacobian's diagonal z_j(1 − z_j));
 *   <li>{@code z}: the layer's output;
 *   <li>{@code delta}: δ_j = ∂L_n/∂a_j for sample n's own loss (no 1/N); for layers without a
 *       pre-activation, ∂L_n/∂z_j;
 *   <li>{@code weights}, {@code bias} before the update, {@code gradWeights} = ∂R/∂w_ij,
 *       {@code gradBias} = ∂R/∂b_j, and {@code weightsAfter}, {@code biasAfter} after it.
 * </ul>
 *
 * The accessors below return those as arrays, or null when the layer has no such tensor.
 *
 * @param name       layer name ("dense1")
 * @param type       the kind's type name ("dense", "maxout", "dropout", "add", …)
 * @param attributes words about the layer (dense: "activation")
 * @param tensors    the recorded tensors, in recording order
 */
public record LayerTrace(String name, String type, Map<String, String> attributes, Map<String, TraceTensor> tensors) {

    public LayerTrace {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    public TraceTensor tensor(String key) { return tensors.get(key); }

    /** The tensor as [row][column], or null if the layer did not record it. */
    public float[][] matrix(String key) {
        TraceTensor t = tensors.get(key);
        return t == null ? null : t.matrix();
    }

    /** The rank-1 tensor's numbers, or null if the layer did not record it. */
    public float[] vector(String key) {
        TraceTensor t = tensors.get(key);
        return t == null ? null : t.vector();
    }

    /** This trace with more tensors (e.g. the weights after the update). */
    public LayerTrace with(Map<String, TraceTensor> more) {
        Map<String, TraceTensor> all = new LinkedHashMap<>(tensors);
        all.putAll(more);
        return new LayerTrace(name, type, attributes, all);
    }

    public String activation() { return attributes.get("activation"); }

    public float[][] input() { return matrix("input"); }

    public float[][] a() { return matrix("a"); }

    public float[][] z() { return matrix("z"); }

    public float[][] gPrime() { return matrix("gPrime"); }

    public float[][] delta() { return matrix("delta"); }

    public float[][] weights() { return matrix("weights"); }

    public float[] bias() { return vector("bias"); }

    public float[][] gradWeights() { return matrix("gradWeights"); }

    public float[] gradBias() { return vector("gradBias"); }

    public float[][] weightsAfter() { return matrix("weightsAfter"); }

    public float[] biasAfter() { return vector("biasAfter"); }

    /** Size of the output's last axis (units for [batch, units]). */
    public int units() { return tensors.get("z").dim(tensors.get("z").rank() - 1); }

    public int inputs() { return tensors.get("input").dim(1); }

    public boolean hasParameters() { return tensors.containsKey("weights"); }
}
