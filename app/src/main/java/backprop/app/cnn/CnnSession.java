package backprop.app.cnn;

import backprop.app.draw.Metric;
import backprop.engine.data.Dataset;
import backprop.engine.data.MnistDigits;
import backprop.engine.layers.conv.Conv2dSpec;
import backprop.engine.layers.conv.ConvArithmetic;
import backprop.engine.layers.conv.TopActivations;
import backprop.engine.models.BuiltinModels;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.tensor.Tensor;
import backprop.engine.trace.StepTrace;
import backprop.engine.train.Metrics;
import backprop.engine.train.RunSettings;
import backprop.engine.train.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The engine side of the CNN view: the built-in {@code cnn-small} network training from scratch
 * on the shipped MNIST digits in shuffled minibatches, and traces of one image through it. Not
 * thread-safe on purpose: the view-model confines it to its engine thread.
 */
final class CnnSession {
    static final String MODEL = "cnn-small";
    /** Held-out digits the charts' test curves are measured on: enough to be steady, few enough to stay quick. */
    static final int TEST_SAMPLES = 500;
    /** Updates between two measurements on the held-out digits. */
    static final int EVAL_EVERY = 20;

    final NetworkSpec spec;
    final long seed;
    final MnistDigits digits;
    private final Dataset train, testSubset;
    private final Trainer trainer;
    private final Random order;
    private int[] permutation;
    private int cursor;
    private final List<Metric> history = new ArrayList<>();
    private StepTrace lastTraining;
    private float lossSum, accSum;
    private int since;

    private CnnSession(NetworkSpec spec, long seed, MnistDigits digits) {
        this.spec = spec;
        this.seed = seed;
        this.digits = digits;
        RunSettings run = RunSettings.resolve(spec, seed, null, null);
        this.trainer = new Trainer(ModelFactory.build(spec, seed), run.training());
        this.train = digits.train();
        int[] idx = new int[Math.min(TEST_SAMPLES, digits.testSize())];
        Dataset test = digits.test();
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        this.testSubset = test.subset(idx);
        this.order = new Random(seed);
        this.permutation = Dataset.permutation(train.size(), order);
    }

    /** A fresh, untrained network from {@code seed} (null: the model file's own). */
    static CnnSession create(Long seed) {
        NetworkSpec spec;
        try {
            spec = BuiltinModels.spec(MODEL);
        } catch (SpecException e) {
            throw new IllegalStateException("built-in model " + MODEL + ": " + e.getMessage(), e);
        }
        return new CnnSession(spec, RunSettings.seed(spec, seed), MnistDigits.builtin());
    }

    Model model() { return trainer.model(); }

    long steps() { return trainer.steps(); }

    int batchSize() {
        int b = trainer.config().batchSize();
        return b <= 0 ? 32 : b;
    }

    /** Training digits seen so far, as a fraction of one pass over the 8,000. */
    double epochs() { return (double) trainer.steps() * batchSize() / train.size(); }

    List<Metric> history() { return List.copyOf(history); }

    /** The last training step's trace (its gradients), or null before the first. */
    StepTrace lastTraining() { return lastTraining; }

    /**
     * {@code count} traced training steps on the next minibatches (a new shuffle after each pass).
     * Every {@link #EVAL_EVERY} updates one point goes on the charts: the mean loss and accuracy of
     * the batches since the last point, and both on the held-out digits.
     */
    void train(int count) {
        int b = batchSize();
        for (int i = 0; i < count && !Thread.currentThread().isInterrupted(); i++) {
            if (cursor + b > permutation.length) {
                permutation = Dataset.permutation(train.size(), order);
                cursor = 0;
            }
            Dataset batch = train.subset(Arrays.copyOfRange(permutation, cursor, cursor + b));
            cursor += b;
            StepTrace t = trainer.tracedStep(batch.inputsTensor(), batch.targetsTensor());
            lastTraining = t;
            lossSum += t.loss();
            accSum += Metrics.accuracy(Tensor.matrix(t.output()), Tensor.matrix(t.target()));
            since++;
            if (trainer.steps() % EVAL_EVERY == 0 || trainer.steps() == 1) measure(); // the first update too: the charts start at once
        }
    }

    private void measure() {
        float[] test = trainer.evaluate(testSubset);
        history.add(new Metric(trainer.steps(), (int) epochs(), lossSum / since, test[0], accSum / since, test[1]));
        lossSum = 0;
        accSum = 0;
        since = 0;
    }

    /**
     * The network's answer for each of the held-out digits, and the 10×10 table of label against
     * answer. The answers are the engine's outputs; only the counting happens here.
     */
    Confusion confusion() {
        Dataset test = digits.test();
        int n = test.size(), classes = MnistDigits.CLASSES;
        int[][] counts = new int[classes][classes];
        int[] labels = new int[n], answers = new int[n];
        int chunk = 250; // a few hundred images per forward pass keeps the buffers small
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            int[] idx = new int[to - from];
            for (int i = 0; i < idx.length; i++) idx[i] = from + i;
            float[] p = trainer.model().predict(test.subset(idx).inputsTensor()).data();
            for (int i = 0; i < idx.length; i++) {
                int best = 0;
                for (int k = 1; k < classes; k++) if (p[i * classes + k] > p[i * classes + best]) best = k;
                labels[from + i] = test.label(from + i);
                answers[from + i] = best;
                counts[labels[from + i]][best]++;
            }
        }
        return new Confusion(trainer.steps(), counts, labels, answers);
    }

    /**
     * The {@code k} held-out digits whose map of conv1's filter {@code filter} has the largest
     * value anywhere, ranked by the engine ({@link TopActivations}) from the network's own
     * activations, with the window of that unit in the input (from the network file's windows).
     */
    TopInputs topInputs(int filter, int k) {
        Dataset test = digits.test();
        int n = test.size(), chunk = 250; // as in confusion(): a few hundred images per pass
        List<TopActivations.Hit> all = new ArrayList<>(n);
        // The model hands back each layer's output as one row per image; the network file says how the row folds into maps.
        Conv2dSpec conv1 = (Conv2dSpec) spec.layers().get(0);
        int[] maps = ConvArithmetic.convOutput(new int[] {1, digits.rows(), digits.cols()}, conv1.filters(),
                new ConvArithmetic.Window(conv1.kernel(), conv1.stride(), conv1.padding()));
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            int[] idx = new int[to - from];
            for (int i = 0; i < idx.length; i++) idx[i] = from + i;
            Tensor z = trainer.model().activations(test.subset(idx).inputsTensor()).get(0);
            all.addAll(TopActivations.strongest(z.data(), idx.length, maps[0], maps[1], maps[2], filter, from));
        }
        List<TopActivations.Hit> top = TopActivations.top(all, k);
        ConvArithmetic.ReceptiveField field = ConvArithmetic.ReceptiveField.of(spec, 0);
        List<ConvArithmetic.Region> windows = top.stream().map(h -> field.region(h.row(), h.col(), digits.rows(), digits.cols())).toList();
        return new TopInputs(trainer.steps(), filter, n, top, windows);
    }

    /**
     * Every number of one image going through the network, without updating it: a trace of a
     * batch of one. The target is {@code label}; a drawing has none, so it gets the network's own
     * answer (the gradients of that trace are not shown).
     */
    StepTrace inspect(float[] image, int label) {
        Tensor x = new Tensor(image.clone(), 1, image.length);
        int target = label;
        if (target < 0) {
            float[] p = trainer.model().predict(x).data();
            target = 0;
            for (int k = 1; k < p.length; k++) if (p[k] > p[target]) target = k;
        }
        float[] y = new float[MnistDigits.CLASSES];
        y[target] = 1f;
        return trainer.trace(x, new Tensor(y, 1, y.length));
    }
}
