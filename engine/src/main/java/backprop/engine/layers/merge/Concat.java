package backprop.engine.layers.merge;

import backprop.engine.autodiff.Ops;
import backprop.engine.autodiff.Var;
import java.util.List;

/** z = [x₁, x₂, …]: the inputs' units side by side, in the order of {@code from}. */
public final class Concat extends MergeLayer {
    public Concat(String name, int[] inputSizes) { super(name, inputSizes); }

    @Override public String type() { return ConcatKind.TYPE; }

    @Override
    public int outputSize() {
        int n = 0;
        for (int s : inputSizes()) n += s;
        return n;
    }

    @Override
    Var combine(List<Var> inputs) { return Ops.concat(inputs.toArray(new Var[0])); }
}
