package backprop.app.editor.run;

import backprop.app.draw.Metric;
import backprop.engine.data.Dataset;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.Wiring;
import backprop.engine.trace.LayerStatistics;
import backprop.engine.trace.StepStatistics;
import backprop.engine.train.FlowRun;
import backprop.engine.train.RunSettings;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.TrainingDivergedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Train here": the editor's network trained on the engine thread with the engine's
 * {@link FlowRun}, so every step records each layer's statistics (histogram of its outputs, ‖δ‖,
 * ‖∂R/∂W‖) exactly as {@code flow} prints them. The seed and the file's other training fields are
 * the network's; the run panel's choice replaces the data set, optimiser, rate and epochs. A
 * value that is not finite ends the run with the engine's message (step, layer, quantity).
 * Confined to one thread; nothing here is JavaFX.
 */
public final class EditorRun {
    /** Loss points kept before the curve is thinned to every other one. */
    static final int KEEP = 2_000;
    /** Up to this many samples, each loss point also gets the accuracy over the whole training set. */
    static final int ACCURACY_SAMPLES = 1_000;

    private final FlowRun flow;
    private final Dataset data;
    private final long total;
    private final int perEpoch;
    /** Node key per engine layer name ("dense2"). */
    private final Map<String, Integer> keys = new HashMap<>();
    private final List<Metric> losses = new ArrayList<>();
    private int stride = 1;
    private long steps;
    private StepStatistics latest;
    private String stopped;

    /**
     * @param spec     the editor's network, as the engine read it
     * @param nodeKeys the editor's node key of each of its layers, in file order
     */
    public EditorRun(NetworkSpec spec, List<Integer> nodeKeys, RunChoice choice) {
        for (int i = 0; i < spec.layers().size(); i++) keys.put(Wiring.name(spec.layers().get(i), i), nodeKeys.get(i));
        RunSettings run = RunSettings.resolve(spec, null, choice.epochs(), choice.rate());
        TrainConfig config = run.training().withOptimizer(choice.optimizer());
        data = trainingSet(spec, run, choice.dataset());
        Model model = ModelFactory.build(spec, run.seed());
        flow = new FlowRun(model, config, data);
        int b = config.batchSize() <= 0 || config.batchSize() >= data.size() ? data.size() : config.batchSize();
        perEpoch = (data.size() + b - 1) / b; // as Trainer.batches cuts an epoch
        total = (long) perEpoch * choice.epochs();
    }

    /**
     * The chosen set: with the file's size, noise and test share when it is the file's own, else
     * the engine's defaults without noise; the test share is held out as {@code train} holds it.
     */
    private static Dataset trainingSet(NetworkSpec spec, RunSettings run, String name) {
        RunSettings.DataSettings d = run.data() != null && run.data().name().equals(name) ? run.data()
                : new RunSettings.DataSettings(name, RunSettings.DEFAULT_SAMPLES, 0.0, 0.0, run.seed(), spec.inputSize());
        Dataset all = d.generate();
        return d.testRatio() == 0 ? all : all.split(d.testRatio(), d.seed()).train();
    }

    /** Up to {@code max} more steps, or fewer once {@code budgetNanos} have gone; nothing once finished. */
    public RunFrame step(int max, long budgetNanos) {
        long start = System.nanoTime();
        for (int i = 0; i < max && steps < total && stopped == null; i++) {
            if (i > 0 && System.nanoTime() - start > budgetNanos) break;
            try {
                latest = flow.step();
            } catch (TrainingDivergedException e) {
                stopped = e.getMessage();
                break;
            }
            steps++;
            if (steps % stride == 0) {
                // The engine's accuracy after the step, in inference mode (it draws nothing random).
                float accuracy = data.size() <= ACCURACY_SAMPLES ? flow.trainer().evaluate(data)[1] : Float.NaN;
                losses.add(new Metric(steps, (int) ((steps - 1) / perEpoch), latest.loss(), Float.NaN, accuracy, Float.NaN));
            }
            if (losses.size() > KEEP) thin();
        }
        return frame();
    }

    private void thin() {
        List<Metric> half = new ArrayList<>(losses.size() / 2 + 1);
        for (int i = 1; i < losses.size(); i += 2) half.add(losses.get(i));
        losses.clear();
        losses.addAll(half);
        stride *= 2;
    }

    /** What the editor draws now. */
    public RunFrame frame() {
        Map<Integer, LayerStatistics> byNode = new HashMap<>();
        if (latest != null) {
            for (LayerStatistics l : latest.layers()) {
                Integer key = keys.get(l.name());
                if (key != null) byNode.put(key, l);
            }
        }
        return new RunFrame(steps, (int) (steps / perEpoch), total, losses, latest == null ? Float.NaN : latest.loss(), byNode, stopped);
    }

    /** The newest step's statistics as the engine gave them (tests compare). */
    public StepStatistics latest() { return latest; }
}
