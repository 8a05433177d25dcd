package backprop.app.lesson;

import backprop.app.backprop.BackpropViewModel;
import backprop.app.timeline.Timeline;
import backprop.engine.data.Dataset;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.tensor.Tensor;
import backprop.engine.trace.StepTrace;
import backprop.engine.train.RunSettings;
import backprop.engine.train.Trainer;

/**
 * The engine side of a lesson on the Backprop view, without a window: the network a step opened,
 * trained on the same small batch with the same seed as the view trains it, so the values found
 * here are, bit for bit, the ones the view shows. Answers to predictions come from here.
 */
public final class LessonEngine {
    /** The Backprop view traces its first this many samples. */
    static final int BATCH = 8;

    private final Trainer trainer;
    private final Tensor x, y;
    private final float[][] inputs;
    private StepTrace newest;
    private int sample;

    /** Builds {@code spec} and runs its first traced step, as opening it in the view does. */
    public LessonEngine(NetworkSpec spec) {
        if (spec.dataset() == null || spec.dataset().name() == null) throw new IllegalArgumentException("the network names no dataset, so there is nothing to train on");
        RunSettings run = RunSettings.resolve(spec, null, null, null, BATCH);
        Dataset data = run.data().generate();
        int n = Math.min(BATCH, data.size());
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Dataset batch = data.subset(idx);
        Model model = ModelFactory.build(spec, run.seed());
        trainer = new Trainer(model, run.training());
        x = batch.inputsTensor();
        y = batch.targetsTensor();
        inputs = batch.x();
        sample = BackpropViewModel.telling(inputs); // the sample the view opens on
        train(1);
    }

    /** {@code steps} more traced training steps; the newest is the one shown. */
    public void train(int steps) {
        for (int i = 0; i < steps; i++) newest = trainer.tracedStep(x, y);
    }

    public int batchSize() { return inputs.length; }

    public int sample() { return sample; }

    public void setSample(int n) {
        if (n < 0 || n >= inputs.length) throw new IllegalArgumentException("no sample " + n + " (the batch has samples 0 to " + (inputs.length - 1) + ")");
        sample = n;
    }

    public StepTrace newest() { return newest; }

    public Timeline timeline() { return Timeline.of(newest, sample); }

    /** The engine's value at the timeline point {@code name}; NaN when no such point exists. */
    public double value(String name) {
        Timeline t = timeline();
        int i = TimelinePoints.find(t, name);
        return i < 0 ? Double.NaN : t.step(i).value();
    }
}
