package backprop.engine.nn;

import backprop.engine.autodiff.Activation;
import backprop.engine.autodiff.Ops;
import backprop.engine.autodiff.Var;
import backprop.engine.tensor.Shapes;
import backprop.engine.tensor.Tensor;
import java.util.List;

/**
 * A fully connected layer in the decks' notation: {@code a_j = Σ_i w_ij z_i + b_j},
 * {@code z_j = g(a_j)}. The weight matrix is stored in×out, so {@code weights[i][j]} is
 * {@code w_ij}, from input i to unit j, exactly as in network files.
 */
public final class Dense implements Layer {
    private final String name;
    private final Var weights;
    private final Var bias;
    private final Activation activation;

    public Dense(String name, Tensor weights, Tensor bias, Activation activation) {
        if (weights.rank() != 2 || bias.rank() != 1 || bias.dim(0) != weights.dim(1)) {
            throw new IllegalArgumentException(name + ": weights " + java.util.Arrays.toString(weights.shape())
                    + " and bias " + java.util.Arrays.toString(bias.shape()) + " do not fit together");
        }
        Shapes.requireWeights(name, weights);
        this.name = name;
        this.weights = Var.param(weights, name + ".W");
        this.bias = Var.param(bias, name + ".b");
        this.activation = activation;
    }

    @Override public String type() { return "dense"; }
    @Override public String name() { return name; }
    @Override public int inputSize() { return weights.value().dim(0); }
    @Override public int outputSize() { return weights.value().dim(1); }
    public Activation activation() { return activation; }
    public Var weights() { return weights; }
    public Var bias() { return bias; }

    @Override
    public Var forward(Var x, Pass pass) {
        Var a = Ops.add(Ops.matmul(x, weights), bias).label(name + ".a");
        Var z = Ops.activate(a, activation).label(name + ".z");
        if (pass.recorder() != null) pass.recorder().record(this, x, a, z);
        return z;
    }

    @Override
    public List<Var> params() { return List.of(weights, bias); }
}
