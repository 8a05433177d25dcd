package backprop.engine.nn;

import backprop.engine.autodiff.Var;
import backprop.engine.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A feed-forward network: an input size, layers and a loss. Owns its parameters.
 *
 * <p>The layers form a graph without cycles, given in an order where every layer comes after
 * the layers it reads (a topological order: file order). Node 0 is the input and node k + 1 the
 * output of layer k; {@code sources.get(k)} lists the nodes layer k reads. A stack is the graph
 * where layer k reads node k. The model's output is the last layer's output.
 */
public final class Model {
    private final int inputSize;
    private final List<Layer> layers;
    private final List<int[]> sources;
    private final Loss loss;

    /** A stack: each layer reads the one before (the first reads the input). */
    public Model(int inputSize, List<Layer> layers, Loss loss) {
        this(inputSize, layers, stack(layers.size()), loss);
    }

    public Model(int inputSize, List<Layer> layers, List<int[]> sources, Loss loss) {
        if (layers.isEmpty()) throw new IllegalArgumentException("a model needs at least one layer");
        if (sources.size() != layers.size()) throw new IllegalArgumentException(layers.size() + " layers but " + sources.size() + " source lists");
        int[] sizes = new int[layers.size() + 1];
        sizes[0] = inputSize;
        for (int k = 0; k < layers.size(); k++) {
            Layer l = layers.get(k);
            int[] src = sources.get(k), expected = l.inputSizes();
            if (src.length != expected.length) throw new IllegalArgumentException("layer " + l.name() + " takes " + expected.length + " inputs, not " + src.length);
            for (int i = 0; i < src.length; i++) {
                if (src[i] < 0 || src[i] > k) throw new IllegalArgumentException("layer " + l.name() + " can only read the input or earlier layers");
                if (sizes[src[i]] != expected[i]) {
                    throw new IllegalArgumentException("layer " + l.name() + " expects " + expected[i] + " inputs but receives " + sizes[src[i]]);
                }
            }
            sizes[k + 1] = l.outputSize();
        }
        this.inputSize = inputSize;
        this.layers = List.copyOf(layers);
        List<int[]> copy = new ArrayList<>();
        for (int[] s : sources) copy.add(s.clone());
        this.sources = List.copyOf(copy);
        this.loss = loss;
    }

    private static List<int[]> stack(int n) {
        List<int[]> s = new ArrayList<>();
        for (int k = 0; k < n; k++) s.add(new int[] {k});
        return s;
    }

    /** The nodes layer k reads: 0 is the input, j + 1 the output of layer j. */
    public int[] sources(int k) { return sources.get(k).clone(); }

    /** Whether every layer reads the one before: the networks the step-through views draw. */
    public boolean isStack() {
        for (int k = 0; k < sources.size(); k++) if (sources.get(k).length != 1 || sources.get(k)[0] != k) return false;
        return true;
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
        List<Var> nodes = new ArrayList<>();
        nodes.add(Var.constant(x).label("x"));
        for (int k = 0; k < layers.size(); k++) {
            List<Var> in = new ArrayList<>();
            for (int s : sources.get(k)) in.add(nodes.get(s));
            nodes.add(layers.get(k).forward(in, pass));
        }
        return nodes.get(nodes.size() - 1);
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
