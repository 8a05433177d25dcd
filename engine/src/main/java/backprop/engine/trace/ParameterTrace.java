package backprop.engine.trace;

import backprop.engine.autodiff.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * One learnable parameter in one traced step: its value before the update, the gradient the
 * optimiser received, and its value after. Layer traces show dense weights as matrices; this
 * list covers EVERY parameter of the model in the same flat, row-major form, including the
 * per-piece weights of maxout layers that a {@link LayerTrace} has no single matrix for.
 *
 * @param name     the parameter's label, e.g. "dense1.W", "maxout2.b3"
 * @param shape    its shape ([inputs, units] for weights, [units] for biases)
 * @param before   the value used in the forward pass
 * @param gradient ∂(R + penalty)/∂θ, exactly what the optimiser was handed
 * @param after    the value after the update, null if no update was made
 */
public record ParameterTrace(String name, int[] shape, float[] before, float[] gradient, float[] after) {

    /** Copies of every parameter's value and gradient, taken after backward and before the update. */
    public static List<ParameterTrace> beforeUpdate(List<Var> params) {
        List<ParameterTrace> out = new ArrayList<>(params.size());
        for (Var p : params) out.add(new ParameterTrace(p.label(), p.shape(), Snapshots.copy(p.value().data()), Snapshots.copy(p.grad().data()), null));
        return out;
    }

    /** The same list with each parameter's value after the update filled in (params in the same order). */
    public static List<ParameterTrace> afterUpdate(List<ParameterTrace> before, List<Var> params) {
        List<ParameterTrace> out = new ArrayList<>(before.size());
        for (int i = 0; i < before.size(); i++) {
            ParameterTrace t = before.get(i);
            out.add(new ParameterTrace(t.name, t.shape, t.before, t.gradient, Snapshots.copy(params.get(i).value().data())));
        }
        return out;
    }
}
