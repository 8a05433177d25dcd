package backprop.engine.train;

import backprop.engine.autodiff.Ops;
import backprop.engine.backend.Backends;
import backprop.engine.autodiff.Var;
import backprop.engine.data.Dataset;
import backprop.engine.data.SequenceData;
import backprop.engine.nn.SequencePass;
import java.util.Map;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Model;
import backprop.engine.nn.Pass;
import backprop.engine.nn.Recorder;
import backprop.engine.tensor.Tensor;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.ParameterTrace;
import backprop.engine.trace.Snapshots;
import backprop.engine.trace.StepStatistics;
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
    private TrainConfig config;
    private final Optimizer optimizer;
    private final Random random;
    private long steps;
    private int epochs;
    /** Gate values the user pinned (recurrent views); empty: every gate computes its own. */
    private Map<String, Float> forcedGates = Map.of();
    /** The global gradient norm of the last step, before any clipping. */
    private float lastGradientNorm = Float.NaN;
    /** Whether plain steps measure per-layer statistics too. */
    private boolean recordStatistics;
    /** Whether traced steps carry the per-layer statistics (the trace command's output has them). */
    private boolean traceStatistics;
    private StepStatistics lastStatistics;
    /**
     * Parameter arrays that a trace or the statistics hold as a record of their values: they are
     * never written again. Before an update (or an edit) writes a parameter whose array is here,
     * the parameter gets a copy of its own (copy on write). So a traced step records the weights
     * before and after its update without copying them for the record: one copy a step instead
     * of two, and none for the steps that keep on tracing and read the same array twice.
     */
    private final java.util.Set<float[]> handedOut = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    public Trainer(Model model, TrainConfig config) {
        this.model = model;
        this.config = config;
        this.optimizer = config.createOptimizer();
        this.random = new Random(config.seed());
    }

    public Model model() { return model; }

    public TrainConfig config() { return config; }

    public Optimizer optimizer() { return optimizer; }

    /**
     * A new η for the running optimiser, from the next step on. Its state (momentum's velocity,
     * Adam's moments and step count) is kept: changing the rate mid-run is not a restart.
     */
    public void setLearningRate(float eta) {
        if (!(eta > 0f) || !Float.isFinite(eta)) throw new IllegalArgumentException("the learning rate must be a positive number, not " + eta);
        optimizer.setLearningRate(eta);
        config = config.withLearningRate(eta);
    }

    /** Pins gates of the recurrent layers to values from the next step on (empty map: none). */
    public void setForcedGates(Map<String, Float> gates) { forcedGates = Map.copyOf(gates); }

    public Map<String, Float> forcedGates() { return forcedGates; }

    /** ‖∂R/∂θ‖ over every parameter at the last step, before clipping: what exploding gradients look like. */
    public float lastGradientNorm() { return lastGradientNorm; }

    /**
     * Whether every step, plain ones included, measures each layer's {@link StepStatistics}
     * (histogram, saturated and dead fractions, norms of δ and of the weight gradient, ‖Δw‖/‖w‖)
     * and stops at the first value that is not finite, naming step, layer and quantity. Off by
     * default: it costs a few percent of a step.
     */
    public void setRecordStatistics(boolean on) { recordStatistics = on; }

    /**
     * Whether traced steps also measure the per-layer statistics ({@link StepTrace#statistics});
     * off by default, since the views that step through a trace do not read them and they cost a
     * few passes over every weight. A traced step with {@link #setRecordStatistics} on has them
     * either way.
     */
    public void setTraceStatistics(boolean on) { traceStatistics = on; }

    /**
     * Call before writing a parameter's values directly (a weight typed in by hand): a trace
     * already handed out keeps the values it recorded.
     */
    public void beforeParameterEdit() { ownParameters(); }

    /** Gives every parameter whose array a record holds a copy of its own to write to. */
    private void ownParameters() {
        if (handedOut.isEmpty()) return;
        for (Var p : model.params()) {
            float[] d = p.value().data();
            if (handedOut.contains(d)) p.setValue(new Tensor(d.clone(), p.shape()));
        }
        handedOut.clear();
    }

    /** Declares the parameters' current arrays part of a record: shared by it, copied before the next write. */
    private void handOutParameters() {
        for (Var p : model.params()) {
            float[] d = p.value().data();
            Snapshots.frozen(d);
            handedOut.add(d);
        }
    }

    /** The statistics of the last completed step that measured them; null before the first. */
    public StepStatistics lastStatistics() { return lastStatistics; }

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

    /** Runs one phase of the statistics; a non-finite value stops the step if strict, else drops the statistics (null). */
    private static StatisticsRecorder measured(StatisticsRecorder st, boolean strict, java.util.function.Consumer<StatisticsRecorder> phase) {
        if (st == null) return null;
        try {
            phase.accept(st);
            return st;
        } catch (TrainingDivergedException e) {
            if (strict) throw e;
            return null;
        }
    }

    private StepTrace run(Tensor x, Tensor y, boolean record, boolean update) {
        // One backend for the whole step, named in its trace; a live switch applies from the next.
        return Backends.pinned(b -> run(b.name(), x, y, record, update));
    }

    private StepTrace run(String backend, Tensor x, Tensor y, boolean record, boolean update) {
        model.zeroGrad();
        boolean measure = recordStatistics || (record && traceStatistics);
        Recorder recorder = record || measure ? new Recorder() : null;
        Pass pass = new Pass(true, random, recorder);
        if (x.rank() == 3) pass = pass.withSequence(new SequencePass(x.dim(1), config.truncate(), forcedGates));
        Var out = model.forward(x, pass);
        // The statistics keep the weights before the update by reference (see handedOut).
        // A traced step hands its parameters out before its update (the moment below), so the
        // statistics keep the weights before the update by reference. A step that only measures
        // copies just the weight matrices (cheaper than copying every parameter on write).
        StatisticsRecorder statistics = measure ? new StatisticsRecorder(steps, optimizer.learningRate(), recorder, record) : null;
        // Only a run that asked for statistics stops at their first non-finite value. A traced step
        // keeps its trace whatever it holds, so a view can show where it overflowed; its
        // statistics are then left out instead.
        boolean strict = recordStatistics;
        statistics = measured(statistics, strict, st -> st.checkForward());
        Var loss = model.objective(out, y);
        Var objective = config.l2() > 0f ? Ops.add(loss, l2Penalty()) : loss;
        float r = loss.value().item();
        if (!Float.isFinite(r)) {
            throw new TrainingDivergedException("the loss became " + r + " at step " + steps
                    + " (learning rate " + optimizer.learningRate() + " is probably too large for this network)");
        }
        objective.backward();
        statistics = measured(statistics, strict, st -> st.afterBackward(x.dim(0)));
        // The norm costs a pass over every gradient: paid where someone looks at it (sequences) or clips.
        if (config.clipNorm() > 0f) lastGradientNorm = Clipping.clip(model.params(), config.clipNorm());
        else if (model.isSequence()) lastGradientNorm = Clipping.globalNorm(model.params());
        // Each phase is one moment of the step (Snapshots): one copy per array serves the layer
        // traces and the parameter list alike.
        List<LayerTrace> layers = null;
        List<ParameterTrace> params = null;
        if (record) {
            Recorded before = Snapshots.moment(() -> {
                // A parameter's gradient array is written only by this step's backward pass: the
                // next step's zeroGrad drops it for a new one. The trace can keep it, uncopied.
                for (Var p : model.params()) Snapshots.frozen(p.grad().data());
                handOutParameters();
                return new Recorded(beforeUpdate(recorder, x.dim(0)), ParameterTrace.beforeUpdate(model.params()));
            });
            layers = before.layers();
            params = before.params();
        }
        if (update) {
            ownParameters();
            optimizer.step(model.params());
            steps++;
        }
        StepStatistics measured = null;
        try {
            measured = statistics == null ? null : update ? statistics.afterUpdate(r) : statistics.withoutUpdate(r);
        } catch (TrainingDivergedException e) {
            if (strict) throw e;
        }
        if (measured != null) lastStatistics = measured;
        if (!record) return new StepTrace(steps, r, null, null, null, null, null, null, 0f, null, backend, null);
        if (update) {
            List<LayerTrace> l0 = layers;
            List<ParameterTrace> p0 = params;
            Recorded after = Snapshots.moment(() -> {
                handOutParameters(); // the values after the update, kept by the trace as they are
                return new Recorded(afterUpdate(recorder, l0), ParameterTrace.afterUpdate(p0, model.params()));
            });
            layers = after.layers();
            params = after.params();
        }
        int n = x.dim(0);
        return new StepTrace(update ? steps - 1 : steps, r, model.loss().id(), perSample(x, n), perSample(y, n), perSample(model.targeted(out, y).value(), n),
                List.copyOf(layers), update ? optimizer.describe() : null, optimizer.learningRate(), List.copyOf(params), backend,
                measured == null ? null : measured.layers()); // null: a traced step whose statistics met a non-finite value
    }

    /** One row per sample: a sequence's steps side by side ([N][T·F]); vectors as they are. */
    private static float[][] perSample(Tensor t, int n) {
        return t.reshape(n, t.size() / n).toArray2D();
    }

    /** (λ/2) Σ w² over what each layer says L2 applies to (weights, not biases). */
    private Var l2Penalty() {
        Var total = null;
        for (Layer l : model.layers()) {
            for (Var w : l.penalised()) {
                Var s = Ops.sum(Ops.mul(w, w));
                total = total == null ? s : Ops.add(total, s);
            }
        }
        return total == null ? Var.constant(Tensor.scalar(0f)) : Ops.scale(total, config.l2() / 2f);
    }

    private record Recorded(List<LayerTrace> layers, List<ParameterTrace> params) {}

    /** Each layer's own record of the pass, taken after backward so the δs are in. */
    private static List<LayerTrace> beforeUpdate(Recorder recorder, int n) {
        List<LayerTrace> out = new ArrayList<>();
        for (Recorder.Entry e : recorder.entries()) out.add(e.layer().trace(e, n));
        return out;
    }

    private static List<LayerTrace> afterUpdate(Recorder recorder, List<LayerTrace> before) {
        List<LayerTrace> out = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) out.add(recorder.entries().get(i).layer().afterUpdate(before.get(i)));
        return out;
    }

    /** One pass over the data: batches in a seeded shuffled order (full batch: in order). */
    public void epoch(Dataset data) {
        for (Dataset batch : batches(data)) step(batch.inputsTensor(), batch.targetsTensor());
        epochs++;
    }

    /**
     * The minibatches of one epoch, in the order {@link #epoch} trains them (the shuffle is drawn
     * from the trainer's seeded source, so call this once per epoch): for a caller that steps
     * through an epoch itself, e.g. to read {@link #lastStatistics()} after every step. Count the
     * epoch with {@link #endEpoch()}.
     */
    public List<Dataset> batches(Dataset data) {
        int n = data.size();
        int b = config.batchSize() <= 0 || config.batchSize() >= n ? n : config.batchSize();
        if (b == n) return List.of(data);
        int[] order = Dataset.permutation(n, random);
        int count = (n + b - 1) / b;
        // Each batch is copied out when asked for, one at a time, as the loop in epoch() uses it.
        return new java.util.AbstractList<>() {
            @Override public Dataset get(int i) { return data.subset(java.util.Arrays.copyOfRange(order, i * b, Math.min(n, i * b + b))); }
            @Override public int size() { return count; }
        };
    }

    /** Counts an epoch stepped through batch by batch ({@link #batches}). */
    public void endEpoch() { epochs++; }

    /** Loss and accuracy of the current model on a dataset (inference mode, no update). */
    public float[] evaluate(Dataset data) {
        return evaluate(data.inputsTensor(), data.targetsTensor());
    }

    /** Loss (summed over steps) and accuracy (over every step that has a target) on sequences. */
    public float[] evaluate(SequenceData data) {
        return evaluate(data.inputsTensor(), data.targetsTensor());
    }

    private float[] evaluate(Tensor x, Tensor y) {
        Pass pass = Pass.inference();
        if (x.rank() == 3) pass = pass.withSequence(new SequencePass(x.dim(1), 0, forcedGates));
        Var out = model.forward(x, pass);
        float loss = model.objective(out, y).value().item();
        return new float[] {loss, Metrics.accuracy(model.targeted(out, y).value(), Model.targetRows(y))};
    }

    /** One pass over sequences in seeded minibatches, like {@link #epoch(Dataset)}. */
    public void epoch(SequenceData data) {
        int n = data.size();
        int b = config.batchSize() <= 0 || config.batchSize() >= n ? n : config.batchSize();
        int[] order = b == n ? null : Dataset.permutation(n, random);
        for (int start = 0; start < n; start += b) {
            SequenceData batch = order == null ? data : data.subset(java.util.Arrays.copyOfRange(order, start, Math.min(n, start + b)));
            step(batch.inputsTensor(), batch.targetsTensor());
        }
        epochs++;
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
