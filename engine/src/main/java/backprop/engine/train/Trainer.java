package backprop.engine.train;

import backprop.engine.autodiff.Activation;
import backprop.engine.autodiff.Ops;
import backprop.engine.autodiff.Var;
import backprop.engine.data.Dataset;
import backprop.engine.nn.Dense;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Maxout;
import backprop.engine.nn.Model;
import backprop.engine.nn.Pass;
import backprop.engine.nn.Recorder;
import backprop.engine.tensor.Tensor;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.ParameterTrace;
import backprop.engine.trace.StepTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains a {@link Model} by gradient descent on the tape. One {@link #step} is one update from
 * one batch; {@link #epoch} is a pass over the data in minibatches; {@link #fit} runs epochs
 * with optional early stopping. Everything random comes from one seeded source, so a run
 * replays bit for bit.
 */
public final class Trainer {
    private final Model model;
    private final TrainConfig config;
    private final Optimizer optimizer;
    private final Random random;
    private long steps;
    private int epochs;

    public Trainer(Model model, TrainConfig config) {
        this.model = model;
        this.config = config;
        this.optimizer = config.createOptimizer();
        this.random = new Random(config.seed());
    }

    public Model model() { return model; }

    public TrainConfig config() { return config; }

    public Optimizer optimizer() { return optimizer; }

    /** Updates made so far. */
    public long steps() { return steps; }

    /** Epochs completed so far. */
    public int epochs() { return epochs; }

    /** One forward pass, one backward pass and one update on a batch; no trace. Returns R. */
    public float step(Tensor x, Tensor y) {
        return run(x, y, false, true).loss();
    }

    /** One step with every number recorded (before and after the update). */
    public StepTrace tracedStep(Tensor x, Tensor y) {
        return run(x, y, true, true);
    }

    /** A forward and backward pass with recording, without updating anything. */
    public StepTrace trace(Tensor x, Tensor y) {
        return run(x, y, true, false);
    }

    private StepTrace run(Tensor x, Tensor y, boolean record, boolean update) {
        model.zeroGrad();
        Recorder recorder = record ? new Recorder() : null;
        Var out = model.forward(x, new Pass(true, random, recorder));
        Var loss = model.loss().apply(out, y);
        Var objective = config.l2() > 0f ? Ops.add(loss, l2Penalty()) : loss;
        float r = loss.value().item();
        if (!Float.isFinite(r)) {
            throw new TrainingDivergedException("the loss became " + r + " at step " + steps
                    + " (learning rate " + optimizer.learningRate() + " is probably too large for this network)");
        }
        objective.backward();
        List<LayerTrace> layers = recorder == null ? null : beforeUpdate(recorder, x.dim(0));
        List<ParameterTrace> params = recorder == null ? null : ParameterTrace.beforeUpdate(model.params());
        if (update) {
            optimizer.step(model.params());
            steps++;
        }
        if (recorder == null) return new StepTrace(steps, r, null, null, null, null, null, null, 0f, null);
        if (update) {
            layers = afterUpdate(layers);
            params = ParameterTrace.afterUpdate(params, model.params());
        }
        return new StepTrace(update ? steps - 1 : steps, r, model.loss().id(), x.toArray2D(), y.toArray2D(), out.value().toArray2D(),
                List.copyOf(layers), update ? optimizer.describe() : null, optimizer.learningRate(), List.copyOf(params));
    }

    /** (λ/2) Σ w² over every weight matrix (biases are not penalised). */
    private Var l2Penalty() {
        Var total = null;
        for (Layer l : model.layers()) {
            List<Var> ws = l instanceof Dense d ? List.of(d.weights()) : l instanceof Maxout m ? m.pieceWeights() : List.of();
            for (Var w : ws) {
                Var s = Ops.sum(Ops.mul(w, w));
                total = total == null ? s : Ops.add(total, s);
            }
        }
        return total == null ? Var.constant(Tensor.scalar(0f)) : Ops.scale(total, config.l2() / 2f);
    }

    private static List<LayerTrace> beforeUpdate(Recorder recorder, int n) {
        List<LayerTrace> out = new ArrayList<>();
        for (Recorder.Entry e : recorder.entries()) {
            Layer layer = e.layer();
            // The tape holds ∂R/∂a = (1/N)·∂L_n/∂a; the decks' δ is per sample, so scale back by N.
            Var deltaNode = e.a() != null ? e.a() : e.z();
            float[][] delta = scaled(deltaNode.grad(), n);
            float[][] a = e.a() == null ? null : e.a().value().toArray2D();
            float[][] z = e.z().value().toArray2D();
            float[][] gPrime = null;
            String act = null;
            float[][] w = null, gw = null;
            float[] b = null, gb = null;
            if (layer instanceof Dense d) {
                act = d.activation().id();
                gPrime = new float[a.length][a[0].length];
                // Softmax is vector-valued, so Activation.derivative rejects it (tracing any softmax
                // network used to throw here). Its trace shows the Jacobian's diagonal
                // ∂z_j/∂a_j = z_j(1 − z_j); δ itself comes from the tape and includes the off-diagonal terms.
                boolean softmax = d.activation().equals(Activation.SOFTMAX);
                for (int i = 0; i < a.length; i++)
                    for (int j = 0; j < a[i].length; j++)
                        gPrime[i][j] = softmax ? z[i][j] * (1f - z[i][j]) : d.activation().derivative(a[i][j], z[i][j]);
                w = d.weights().value().toArray2D();
                b = d.bias().value().toArray();
                gw = d.weights().grad().toArray2D();
                gb = d.bias().grad().toArray();
            }
            out.add(new LayerTrace(layer.name(), layer.type(), act, e.input().value().toArray2D(), a, z, gPrime, delta,
                    w, b, gw, gb, null, null));
        }
        return out;
    }

    private List<LayerTrace> afterUpdate(List<LayerTrace> before) {
        List<LayerTrace> out = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            LayerTrace t = before.get(i);
            Layer layer = model.layers().get(i);
            if (layer instanceof Dense d) {
                t = new LayerTrace(t.name(), t.type(), t.activation(), t.input(), t.a(), t.z(), t.gPrime(), t.delta(),
                        t.weights(), t.bias(), t.gradWeights(), t.gradBias(), d.weights().value().toArray2D(), d.bias().value().toArray());
            }
            out.add(t);
        }
        return out;
    }

    private static float[][] scaled(Tensor g, int n) {
        float[][] out = g.toArray2D();
        for (float[] row : out) for (int j = 0; j < row.length; j++) row[j] *= n;
        return out;
    }

    /** One pass over the data: batches in a seeded shuffled order (full batch: in order). */
    public void epoch(Dataset data) {
        int n = data.size();
        int b = config.batchSize() <= 0 || config.batchSize() >= n ? n : config.batchSize();
        if (b == n) {
            step(data.inputsTensor(), data.targetsTensor());
        } else {
            int[] order = Dataset.permutation(n, random);
            for (int start = 0; start < n; start += b) {
                int[] idx = java.util.Arrays.copyOfRange(order, start, Math.min(n, start + b));
                Dataset batch = data.subset(idx);
                step(batch.inputsTensor(), batch.targetsTensor());
            }
        }
        epochs++;
    }

    /** Loss and accuracy of the current model on a dataset (inference mode, no update). */
    public float[] evaluate(Dataset data) {
        Tensor x = data.inputsTensor(), y = data.targetsTensor();
        Var out = model.forward(x, Pass.inference());
        float loss = model.loss().apply(out, y).value().item();
        return new float[] {loss, Metrics.accuracy(out.value(), y)};
    }

    /**
     * Trains for {@code config.epochs()} epochs, reporting each to {@code listener}. With a
     * validation split, the last part of a seeded shuffle is held out; training stops after
     * {@code patience} epochs without a better validation loss and the best weights return.
     */
    public List<EpochStats> fit(Dataset data, Consumer<EpochStats> listener) {
        Dataset train = data, validation = null;
        if (config.validationSplit() > 0f) {
            Dataset.Split s = data.split(config.validationSplit(), config.seed() ^ 0x5DEECE66DL);
            train = s.train();
            validation = s.test();
        }
        List<EpochStats> history = new ArrayList<>();
        float best = Float.POSITIVE_INFINITY;
        List<Tensor> bestWeights = null;
        int sinceBest = 0;
        for (int e = 0; e < config.epochs(); e++) {
            epoch(train);
            float[] tr = evaluate(train);
            float[] va = validation == null ? new float[] {Float.NaN, Float.NaN} : evaluate(validation);
            EpochStats stats = new EpochStats(epochs, steps, tr[0], tr[1], va[0], va[1]);
            history.add(stats);
            if (listener != null) listener.accept(stats);
            if (validation != null) {
                if (va[0] < best) {
                    best = va[0];
                    bestWeights = model.snapshot();
                    sinceBest = 0;
                } else if (++sinceBest >= config.patience()) {
                    break;
                }
            }
        }
        if (bestWeights != null) model.restore(bestWeights);
        return history;
    }
}
