package backprop.engine.layers.dense;

import backprop.engine.autodiff.Activation;
import backprop.engine.autodiff.Ops;
import backprop.engine.autodiff.Var;
import backprop.engine.nn.Pass;
import backprop.engine.nn.Recorder;
import backprop.engine.nn.SingleInputLayer;
import backprop.engine.nn.Traces;
import backprop.engine.tensor.Shapes;
import backprop.engine.tensor.Tensor;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.TraceTensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fully connected layer in the decks' notation: {@code a_j = Σ_i w_ij z_i + b_j},
 * {@code z_j = g(a_j)}. The weight matrix is stored in×out, so {@code weights[i][j]} is
 * {@code w_ij}, from input i to unit j, exactly as in network files.
 */
public final class Dense extends SingleInputLayer {
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

    @Override public String type() { return DenseKind.TYPE; }
    @Override public String name() { return name; }
    @Override public int inputSize() { return weights.value().dim(0); }
    @Override public int outputSize() { return weights.value().dim(1); }
    @Override public Activation activation() { return activation; }
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

    /** L2 applies to the weights, not the bias. */
    @Override
    public List<Var> penalised() { return List.of(weights); }

    /** Input, weights, a, z, g'(a), δ = ∂L_n/∂a and both gradients. */
    @Override
    public LayerTrace trace(Recorder.Entry e, int batch) {
        Map<String, TraceTensor> t = new LinkedHashMap<>();
        t.put("input", Traces.value(e.input()));
        t.put("weights", Traces.value(weights));
        t.put("bias", Traces.value(bias));
        t.put("a", Traces.value(e.a()));
        t.put("z", Traces.value(e.z()));
        t.put("gPrime", Traces.gPrime(activation, e.a(), e.z()));
        t.put("delta", Traces.delta(e.a(), batch));
        t.put("gradWeights", Traces.gradient(weights));
        t.put("gradBias", Traces.gradient(bias));
        return Traces.of(this, Map.of("activation", activation.id()), t);
    }

    @Override
    public LayerTrace afterUpdate(LayerTrace before) { return Traces.afterUpdate(before, weights, bias); }
}
