package backprop.engine.nn;

import backprop.engine.autodiff.Var;
import backprop.engine.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** A feed-forward network: an input size, a stack of layers and a loss. Owns its parameters. */
public final class Model {
    private final int inputSize;
    private final List<Layer> layers;
    private final Loss loss;

    public Model(int inputSize, List<Layer> layers, Loss loss) {
        if (layers.isEmpty()) throw new IllegalArgumentException("a model needs at least one layer");
        int in = inputSize;
        for (Layer l : layers) {
            if (l.inputSize() != in) {
                throw new IllegalArgumentException("layer " + l.name() + " expects " + l.inputSize() + " inputs but receives " + in);
            }
            in = l.outputSize();
        }
        this.inputSize = inputSize;
        this.layers = List.copyOf(layers);
        this.loss = loss;
    }

    public int inputSize() { return inputSize; }

    public int outputSize() { return layers.get(layers.size() - 1).outputSize(); }

    public List<Layer> layers() { return layers; }

    public Loss loss() { return loss; }

    /** Forward pass on a batch (rows = samples). */
    public Var forward(Tensor x, Pass pass) {
        if (x.rank() != 2 || x.dim(1) != inputSize) {
            throw new IllegalArgumentException("input of shape " + java.util.Arrays.toString(x.shape()) + " does not fit a model with " + inputSize + " inputs");
        }
        Var h = Var.constant(x).label("x");
        for (Layer l : layers) h = l.forward(h, pass);
        return h;
    }

    /** The network's output for a batch, without training-time behaviour (no dropout). */
    public Tensor predict(Tensor x) {
        return forward(x, Pass.inference()).value();
    }

    /** Every layer's output for a batch (inference mode), for views that show hidden units. */
    public List<Tensor> activations(Tensor x) {
        Recorder r = new Recorder();
        forward(x, new Pass(false, null, r));
        List<Tensor> out = new ArrayList<>();
        for (Recorder.Entry e : r.entries()) out.add(e.z().value());
        return out;
    }

    public List<Var> params() {
        List<Var> all = new ArrayList<>();
        for (Layer l : layers) all.addAll(l.params());
        return all;
    }

    public void zeroGrad() {
        for (Var p : params()) p.zeroGrad();
    }

    /** Copies of every parameter's value, in {@link #params()} order. */
    public List<Tensor> snapshot() {
        List<Tensor> s = new ArrayList<>();
        for (Var p : params()) s.add(p.value().copy());
        return s;
    }

    /** Restores values taken by {@link #snapshot()}. */
    public void restore(List<Tensor> snapshot) {
        List<Var> ps = params();
        for (int i = 0; i < ps.size(); i++) ps.get(i).setValue(snapshot.get(i).copy());
    }

    public int parameterCount() {
        int n = 0;
        for (Var p : params()) n += p.value().size();
        return n;
    }
}
