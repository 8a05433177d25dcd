package backprop.engine.nn;

import backprop.engine.autodiff.Var;
import java.util.List;

/** A layer with exactly one input: most of them. It implements the list form by the one-input form. */
public abstract class SingleInputLayer implements Layer {

    /** Forward pass on one batch. */
    public abstract Var forward(Var x, Pass pass);

    @Override
    public final Var forward(List<Var> inputs, Pass pass) {
        if (inputs.size() != 1) throw new IllegalArgumentException(name() + " takes one input, got " + inputs.size());
        return forward(inputs.get(0), pass);
    }

    @Override
    public int[] inputSizes() { return new int[] {inputSize()}; }

    @Override
    public abstract int inputSize();
}
