package backprop.app.backprop;

import backprop.app.timeline.FirstNonFinite;
import backprop.engine.data.Dataset;
import backprop.engine.nn.Model;
import backprop.engine.layers.dense.DenseSpec;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import backprop.engine.tensor.Tensor;
import backprop.engine.trace.StepTrace;
import backprop.engine.train.RunSettings;
import backprop.engine.train.Trainer;
import backprop.engine.train.TrainingDivergedException;
import backprop.engine.train.ValidationSplit;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine side of the backprop view: one model, its trainer and the small batch it is
 * traced on. Not thread-safe on purpose: the view-model confines it to its engine thread.
 */
final class BackpropSession {
    /** Networks larger than this do not fit a readable step-through diagram. */
    static final int MAX_NEURONS = 24;
    static final int MAX_COLUMN = 10;
    /** Samples in the traced batch; every one appears in the gradient formulas. */
    static final int MAX_BATCH = 8;

    final NetworkSpec spec;
    final long seed;
    final Dataset batch;
    private final Trainer trainer;

    private BackpropSession(NetworkSpec spec, long seed, Dataset batch, Trainer trainer) {
        this.spec = spec;
        this.seed = seed;
        this.batch = batch;
        this.trainer = trainer;
    }

    /**
     * What can be told without allocating anything: dense layers only, small enough to step
     * through, a dataset named. Cheap, so the FX thread may ask ({@code cannotShow}). Messages start
     * with {@code where} (null: the caller names the network itself).
     */
    static void check(NetworkSpec spec, String where) {
        String at = where == null ? "" : where + ": ";
        if (spec.isSequence()) {
            throw new IllegalArgumentException(at + "its input is a sequence of " + spec.steps() + " steps; the step-through view shows one vector at a time, the Recurrent view shows sequences");
        }
        int total = spec.inputSize(), widest = spec.inputSize();
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec l = spec.layers().get(i);
            if (!(l instanceof DenseSpec d) || l.from() != null) {
                throw new IllegalArgumentException(at + "layer " + (i + 1) + " is " + l.type()
                        + "; the step-through view shows dense layers only");
            }
            if ("softmax".equals(d.activation()) && i < spec.layers().size() - 1) {
                throw new IllegalArgumentException(at + "layer " + (i + 1) + " uses softmax in a hidden layer; the view needs it at the output");
            }
            total += d.units();
            widest = Math.max(widest, d.units());
        }
        if (total > MAX_NEURONS || widest > MAX_COLUMN) {
            throw new IllegalArgumentException(at + "" + total + " neurons (widest layer " + widest + ") is too big to step through; "
                    + "the limit is " + MAX_NEURONS + " neurons and " + MAX_COLUMN + " per layer");
        }
        if (spec.dataset() == null || spec.dataset().name() == null) {
            throw new IllegalArgumentException(at + "names no dataset, so there is nothing to trace a training step on");
        }
    }

    /**
     * Checks that {@code spec} fits the view and builds it; a clear message otherwise. Engine
     * thread: the data set is generated here, after {@code Datasets} has checked its size
     * against the limits (nothing big is allocated for a file that asks for too much).
     */
    static BackpropSession open(NetworkSpec spec, String source) {
        String where = source == null ? (spec.name() == null ? "network" : spec.name()) : source;
        check(spec, where);
        NetworkSpec.DatasetSpec ds = spec.dataset();
        RunSettings run = RunSettings.resolve(spec, null, null, null, MAX_BATCH);
        long seed = run.seed();
        Dataset data;
        try {
            data = run.data().generate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": $.dataset: " + e.getMessage());
        }
        if (data.inputs() != spec.inputSize()) {
            throw new IllegalArgumentException(where + ": dataset " + ds.name() + " has " + data.inputs() + " inputs but the network takes " + spec.inputSize());
        }
        String split = ValidationSplit.problem(run.training().validationSplit(), data.size());
        if (split != null) throw new IllegalArgumentException(where + ": " + split);
        int n = Math.min(MAX_BATCH, data.size());
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Dataset batch = data.subset(idx);
        Model model = ModelFactory.build(spec, seed);
        if (model.outputSize() != batch.outputs()) {
            throw new IllegalArgumentException(where + ": the network has " + model.outputSize() + " outputs but dataset " + ds.name()
                    + " has " + batch.outputs() + " targets");
        }
        return new BackpropSession(spec, seed, batch, new Trainer(model, run.training()));
    }

    /**
     * Traced steps up to the one that failed, and why it failed (null: all ran); or, when a traced
     * step holds a value that is not finite, the steps up to and including that one and where in it.
     */
    record Steps(List<StepTrace> traces, RuntimeException stopped, FirstNonFinite nonFinite) {
        Steps(List<StepTrace> traces, RuntimeException stopped) {
            this(traces, stopped, null);
        }
    }

    /**
     * {@code count} traced training steps on the batch, in order. The first step with a value that
     * is not finite (an update overflowing to ∞, a NaN δ) ends the run and is kept, so the view can
     * point at that value; a step whose loss itself is not finite is refused by the engine and ends
     * the run too, with the steps before it kept: the history shows the way up to it.
     */
    Steps train(int count) {
        return train(count, 0);
    }

    /** As {@link #train(int)}; {@code shownSample} is the sample the view shows, preferred when pointing at a non-finite value. */
    Steps train(int count, int shownSample) {
        Tensor x = batch.inputsTensor(), y = batch.targetsTensor();
        List<StepTrace> out = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                StepTrace t = trainer.tracedStep(x, y);
                out.add(t);
                FirstNonFinite bad = FirstNonFinite.in(t, shownSample);
                if (bad != null) return new Steps(out, null, bad);
            }
        } catch (TrainingDivergedException e) {
            return new Steps(out, e);
        }
        return new Steps(out, null);
    }
}
