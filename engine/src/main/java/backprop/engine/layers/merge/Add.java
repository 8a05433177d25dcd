package backprop.engine.layers.merge;

import backprop.engine.autodiff.Ops;
import backprop.engine.autodiff.Var;
import java.util.List;

/**
 * z = x₁ + x₂ + …, inputs of the same size: the join of a residual connection. The gradient
 * reaches every input unchanged (∂z/∂xᵢ = 1), and where an input also feeds another layer the
 * tape adds both contributions.
 */
public final class Add extends MergeLayer {
    public Add(String name, int[] inputSizes) { super(name, inputSizes); }

    @Override public String type() { return AddKind.TYPE; }
    @Override public int outputSize() { return inputSizes()[0]; }

    @Override
    Var combine(List<Var> inputs) {
        Var z = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) z = Ops.add(z, inputs.get(i));
        return z;
    }
}
