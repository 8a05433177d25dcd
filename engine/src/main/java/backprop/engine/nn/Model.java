package backprop.engine.nn;

import backprop.engine.autodiff.Ops;
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
    /** T declared by the file for a network over sequences; 0 for vector input. */
    private final int steps;
    private final List<Layer> layers;
    private final List<int[]> sources;
    private final Loss loss;

    /** A stack: each layer reads the one before (the first reads the input). */
    public Model(int inputSize, List<Layer> layers, Loss loss) {
        this(inputSize, layers, stack(layers.size()), loss);
    }

    public Model(int inputSize, List<Layer> layers, List<int[]> sources, Loss loss) {
        this(inputSize, 0, layers, sources, loss);
    }

    /**
     * A network over sequences when {@code steps} > 0: it takes input [N][T][inputSize]
     * (any T; {@code steps} is the T its file declares) and gives one output row per step.
     */
    public Model(int inputSize, int steps, List<Layer> layers, List<int[]> sources, Loss loss) {
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
        this.steps = steps;
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

    /** T declared for a network over sequences, 0 for vector input. */
    public int steps() { return steps; }

    public boolean isSequence() { return steps > 0; }

    /**
     * Forward pass on a batch: rows = samples, or for a network over sequences [N][T][inputs],
     * which travels as N·T rows (see {@link SequencePass}); the output then has a row per step.
     */
    public Var forward(Tensor x, Pass pass) {
        if (isSequence()) {
            if (x.rank() != 3 || x.dim(2) != inputSize) {
                throw new IllegalArgumentException("input of shape " + java.util.Arrays.toString(x.shape())
                        + " does not fit a network over sequences of " + inputSize + " features (expected [samples][steps][" + inputSize + "])");
            }
            int n = x.dim(0), t = x.dim(1);
            SequencePass s = pass.sequence() == null ? SequencePass.of(t) : new SequencePass(t, pass.sequence().truncate(), pass.sequence().forcedGates());
            return forwardRows(x.reshape(n * t, inputSize), pass.withSequence(s));
        }
        if (x.rank() != 2 || x.dim(1) != inputSize) {
            throw new IllegalArgumentException("input of shape " + java.util.Arrays.toString(x.shape()) + " does not fit a model with " + inputSize + " inputs");
        }
        return forwardRows(x, pass);
    }

    private Var forwardRows(Tensor x, Pass pass) {
        List<Var> nodes = new ArrayList<>();
        nodes.add(Var.constant(x).label("x"));
        for (int k = 0; k < layers.size(); k++) {
            List<Var> in = new ArrayList<>();
            for (int s : sources.get(k)) in.add(nodes.get(s));
            nodes.add(layers.get(k).forward(in, pass));
        }
        return nodes.get(nodes.size() - 1);
    }

    /**
     * The outputs that have targets, as rows matching {@code y} flattened to rows: all of them
     * for vectors and for targets at every step; the last step of each sequence when the
     * targets ([N][1][O]) come only after it.
     */
    public Var targeted(Var out, Tensor y) {
        if (y.rank() != 3) return out;
        int n = y.dim(0), rows = out.value().dim(0);
        if (y.dim(1) == 1 && rows != n) {
            int t = rows / n;
            int[] last = new int[n];
            for (int i = 0; i < n; i++) last[i] = i * t + t - 1;
            return Ops.rows(out, last);
        }
        return out;
    }

    /** Targets as rows: [N][T][O] becomes [N·T][O]. */
    public static Tensor targetRows(Tensor y) {
        return y.rank() == 3 ? y.reshape(y.dim(0) * y.dim(1), y.dim(2)) : y;
    }

    /**
     * R for a batch. For sequences the decks' convention: each sample's loss is the sum over
     * its steps, R = (1/N) Σ_n Σ_t L_nt; the loss ops average over rows, so the mean over the
     * N·T rows is scaled by T.
     */
    public Var objective(Var out, Tensor y) {
        Var r = loss.apply(targeted(out, y), targetRows(y));
        int perSample = y.rank() == 3 ? y.dim(1) : 1;
        return perSample == 1 ? r : Ops.scale(r, perSample);
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
