package backprop.engine.bench;

import backprop.engine.autodiff.Activation;
import backprop.engine.data.Dataset;
import backprop.engine.data.Datasets;
import backprop.engine.layers.dense.Dense;
import backprop.engine.nn.Initializer;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Loss;
import backprop.engine.data.MnistDigits;
import backprop.engine.models.BuiltinModels;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecReader;
import backprop.engine.tensor.Tensor;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Measures training steps per second (forward + backward + update), with traces on and off. */
public final class StepBenchmark {
    private StepBenchmark() {}

    /**
     * One measurement. {@code recording}: off, or on, which for most workloads means a full trace
     * of every step and for "deep" the per-layer statistics only ({@link #records}), what a view
     * of gradient flow records each step.
     */
    public record Result(String name, int batch, boolean recording, long steps, double seconds, double stepsPerSecond) {
        /** What "recording on" records for this workload: "statistics" for deep, else "trace". */
        public String records() { return recordsStatistics(name) ? "statistics" : "trace"; }
    }

    /** The workload whose recording is the per-layer statistics rather than a full trace. */
    public static final String DEEP = "deep";

    static boolean recordsStatistics(String workload) { return DEEP.equals(workload); }

    /** Fixed so every run measures the same networks on the same data. */
    private static final long SEED = 1234L;

    /**
     * The standard suite: "xor" (2-2-1, batch 4), "mlp-784-128-10" (batch 64) and "char-lstm"
     * (65 characters one-hot, LSTM H 128, T 64, batch 32) and "lenet" (batch 64), each with
     * recording off and on, and "deep" (the deep-relu-he-batchnorm preset, batch 32) with its
     * statistics off and on, after a warm-up, for about {@code secondsEach} seconds each.
     */
    public static List<Result> standardSuite(double secondsEach) {
        return suite(secondsEach, WORKLOADS);
    }

    /** The names of the standard suite's workloads, in the order it runs them. */
    public static final List<String> WORKLOADS = List.of("xor", "mlp-784-128-10", "char-lstm", "lenet", DEEP);

    /** The named workloads of the standard suite (see {@link #WORKLOADS}), in the order given. */
    public static List<Result> suite(double secondsEach, List<String> names) {
        if (!(secondsEach > 0)) throw new IllegalArgumentException("secondsEach must be positive, got " + secondsEach);
        List<Result> out = new ArrayList<>();
        for (String name : names) out.addAll(offAndOn(workload(name), secondsEach));
        return List.copyOf(out);
    }

    private static Workload workload(String name) {
        return switch (name) {
            case "xor" -> xor();
            case "mlp-784-128-10" -> mlp();
            case "char-lstm" -> charLstm();
            case "lenet" -> lenet();
            case DEEP -> deep();
            default -> throw new IllegalArgumentException("unknown workload '" + name + "' (known: " + String.join(", ", WORKLOADS) + ")");
        };
    }

    /**
     * Recording off and on, measured in alternating slices of at most a quarter second, so that
     * a shared machine's load swings hit both alike: their ratio is the cost of recording.
     */
    static List<Result> offAndOn(Workload w, double seconds) {
        Trainer t = new Trainer(w.model(), TrainConfig.defaults().withLearningRate(w.learningRate()));
        run(t, w, false, seconds / 8);
        run(t, w, true, seconds / 8);
        double slice = Math.min(0.25, seconds / 4);
        long[] off = {0, 0}, on = {0, 0};
        while (off[1] < seconds * 1e9 || on[1] < seconds * 1e9) {
            for (long[] acc : new long[][] {off, on}) {
                long[] s = run(t, w, acc == on, slice);
                acc[0] += s[0];
                acc[1] += s[1];
            }
        }
        return List.of(result(w, false, off), result(w, true, on));
    }

    private static Result result(Workload w, boolean recording, long[] stepsAndNanos) {
        double elapsed = stepsAndNanos[1] / 1e9;
        return new Result(w.name(), w.x().dim(0), recording, stepsAndNanos[0], elapsed, stepsAndNanos[0] / elapsed);
    }

    /** A network, a batch, and a name: what one measurement trains. */
    record Workload(String name, Model model, Tensor x, Tensor y, float learningRate) {}

    /** The decks' XOR net: 2-2-1 sigmoid, mse, the four truth-table rows as one batch. */
    static Workload xor() {
        Random r = new Random(SEED);
        Model m = new Model(2, List.of(
                dense("hidden", 2, 2, Activation.SIGMOID, r),
                dense("output", 2, 1, Activation.SIGMOID, r)), Loss.MSE);
        return new Workload("xor", m, Datasets.xor().inputsTensor(), Datasets.xor().targetsTensor(), 2f);
    }

    /** An MNIST-sized MLP, 784-128-10 (relu, softmax + cross_entropy), on one random batch of 64. */
    static Workload mlp() {
        Random r = new Random(SEED);
        Model m = new Model(784, List.of(
                dense("hidden", 784, 128, Activation.RELU, r),
                dense("output", 128, 10, Activation.SOFTMAX, r)), Loss.CROSS_ENTROPY);
        int batch = 64;
        float[] x = new float[batch * 784], y = new float[batch * 10];
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat(); // pixel-like values in [0, 1)
        for (int n = 0; n < batch; n++) y[n * 10 + r.nextInt(10)] = 1f;
        return new Workload("mlp-784-128-10", m, new Tensor(x, batch, 784), new Tensor(y, batch, 10), 0.01f);
    }

    /**
     * The character-level LSTM: 65 characters one-hot (a Shakespeare-sized alphabet), an
     * LSTM of 128 units, a softmax over the 65 characters at every one of T = 64 steps,
     * cross-entropy summed over the steps, SGD η 0.1, one random batch of 32 windows. The same
     * shapes as torch's nn.LSTM(65, 128) + nn.Linear(128, 65) in bench/torch_reference.py.
     */
    static Workload charLstm() {
        int chars = 65, units = 128, steps = 64, batch = 32;
        Model m;
        try {
            m = ModelFactory.build(SpecReader.parse("""
                    {"format": "backprop-studio.network", "version": 1, "input": {"shape": [%d, %d]}, "loss": "cross_entropy", "seed": %d,
                     "layers": [{"type": "lstm", "units": %d}, {"type": "dense", "units": %d, "activation": "softmax"}]}
                    """.formatted(steps, chars, SEED, units, chars), "char-lstm (bench)"));
        } catch (SpecException e) {
            throw new IllegalStateException("the built-in benchmark network does not read: " + e.getMessage(), e);
        }
        Random r = new Random(SEED);
        float[] x = new float[batch * steps * chars], y = new float[batch * steps * chars];
        for (int row = 0; row < batch * steps; row++) {
            x[row * chars + r.nextInt(chars)] = 1f;
            y[row * chars + r.nextInt(chars)] = 1f;
        }
        return new Workload("char-lstm", m, new Tensor(x, batch, steps, chars), new Tensor(y, batch, steps, chars), 0.1f);
    }

    /**
     * The `lenet` preset (conv 5×5×6 padding 2, 2×2 max-pool, conv 5×5×16, 2×2 max-pool, dense
     * 120-84-10) on the first 64 training digits, SGD η 0.01: torch's Conv2d/MaxPool2d/Linear
     * network of the same shapes in bench/torch_reference.py.
     */
    static Workload lenet() {
        Model m;
        try {
            m = ModelFactory.build(BuiltinModels.spec("lenet"), SEED);
        } catch (SpecException e) {
            throw new IllegalStateException("the built-in lenet preset does not read: " + e.getMessage(), e);
        }
        MnistDigits digits = MnistDigits.builtin();
        int batch = 64, pixels = digits.rows() * digits.cols();
        float[] x = new float[batch * pixels], y = new float[batch * MnistDigits.CLASSES];
        for (int n = 0; n < batch; n++) {
            System.arraycopy(digits.image(n), 0, x, n * pixels, pixels);
            y[n * MnistDigits.CLASSES + digits.label(n)] = 1f;
        }
        return new Workload("lenet", m, new Tensor(x, batch, pixels), new Tensor(y, batch, MnistDigits.CLASSES), 0.01f);
    }

    /**
     * The deep-relu-he-batchnorm preset (10 × dense 24 → batchnorm → relu, then the output) on
     * the first 32 points of its data set, SGD η 0.1: the network a view of gradient flow trains,
     * with the statistics it records each step.
     */
    static Workload deep() {
        Model m;
        try {
            m = ModelFactory.build(BuiltinModels.spec("deep-relu-he-batchnorm"), SEED);
        } catch (SpecException e) {
            throw new IllegalStateException("the built-in deep preset does not read: " + e.getMessage(), e);
        }
        Dataset batch = BuiltinModels.dataset("deep-relu-he-batchnorm").subset(java.util.stream.IntStream.range(0, 32).toArray());
        return new Workload(DEEP, m, batch.inputsTensor(), batch.targetsTensor(), 0.1f);
    }

    private static Dense dense(String name, int in, int out, Activation act, Random r) {
        Initializer init = act == Activation.RELU ? Initializer.HE : Initializer.XAVIER;
        float[] w = new float[in * out];
        for (int i = 0; i < w.length; i++) w[i] = init.sample(r, in, out);
        return new Dense(name, new Tensor(w, in, out), Tensor.zeros(out), act);
    }

    /** Steps taken and nanoseconds spent; at least one step, however short the budget. */
    private static long[] run(Trainer t, Workload w, boolean recording, double seconds) {
        long budget = (long) (seconds * 1e9), start = System.nanoTime(), now;
        long steps = 0;
        boolean statistics = recordsStatistics(w.name());
        t.setRecordStatistics(recording && statistics);
        do {
            if (recording && !statistics) t.tracedStep(w.x(), w.y());
            else t.step(w.x(), w.y());
            steps++;
            now = System.nanoTime();
        } while (now - start < budget);
        return new long[] {steps, now - start};
    }

    /** The results as a plain-text table. */
    public static String table(List<Result> results) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-16s %6s %-9s %10s %8s %12s%n",
                "model", "batch", "recording", "steps", "seconds", "steps/s"));
        for (Result r : results) {
            sb.append(String.format(Locale.ROOT, "%-16s %6d %-9s %10d %8.2f %12.1f%n",
                    r.name(), r.batch(), r.recording() ? "on" : "off", r.steps(), r.seconds(), r.stepsPerSecond()));
        }
        return sb.toString();
    }

    /** Runs the standard suite: {@code java ... StepBenchmark [secondsEach]}. */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        List<String> names = args.length > 1 ? List.of(args).subList(1, args.length) : WORKLOADS;
        System.out.print(table(suite(seconds, names)));
    }
}
