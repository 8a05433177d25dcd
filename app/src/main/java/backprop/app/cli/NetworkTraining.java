package backprop.app.cli;

import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecLimits;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;

/** {@code train} for network files: backprop with the file's hyper-parameters and the flags on top. */
final class NetworkTraining {
    // Two-input Boolean tables are small enough to print in full after training.
    private static final Set<String> TRUTH_TABLES = Set.of("and", "or", "xor");
    // The encoder's point is its hidden layer: show the codes it found.
    private static final String ENCODER = "encoder-838";

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    NetworkTraining(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    int run(NetworkSpec spec, String source, Long seedFlag, Integer epochs, Double lr) throws SpecException {
        SpecLimits.check(spec, source); // until the reader does (issue 21, phase 2)
        long seed = seedFlag != null ? seedFlag : spec.seed() != null ? spec.seed() : ModelFactory.DEFAULT_SEED;
        Workload.now("building the network " + shape(spec), "use fewer units or inputs");
        Model model = ModelFactory.build(spec, seed);
        TrainConfig config = TrainConfig.from(spec.training(), seed);
        if (epochs != null) config = config.withEpochs(epochs);
        if (lr != null) config = config.withLearningRate(lr.floatValue());
        TrainingData data = TrainingData.of(spec, source, seed, model.outputSize());
        data.checkValidationSplit(config.validationSplit(), source);
        Trainer trainer = new Trainer(model, config);

        if (!json) out.println(header(spec, source, config, data));
        Workload.now("training " + shape(spec) + " on " + TrainCommand.plural(data.train().size(), "sample"),
                "use fewer samples, a smaller batchSize or fewer units");
        Progress progress = Progress.onStderr(err, config.epochs());
        var history = trainer.fit(data.train(), s -> {
            if (progress != null) progress.epoch(s.epoch());
            out.println(TrainCommand.epochLine(s.epoch(), s.loss(), s.accuracy(), json));
            if (!json && !Float.isNaN(s.validationLoss())) {
                out.printf(Locale.ROOT, "            validation loss %.6f  accuracy %.1f%%%n", s.validationLoss(), 100 * s.validationAccuracy());
            }
        });
        if (json) return Cli.OK;

        float[] last = trainer.evaluate(data.train());
        out.printf(Locale.ROOT, "done: %s, %s; training loss %.6f, accuracy %.1f%%%n",
                TrainCommand.plural(history.size(), "epoch"), TrainCommand.plural(trainer.steps(), "step"), last[0], 100 * last[1]);
        if (data.test() != null) {
            float[] test = trainer.evaluate(data.test());
            out.printf(Locale.ROOT, "test set (%d samples): loss %.6f, accuracy %.1f%%%n", data.test().size(), test[0], 100 * test[1]);
        }
        if (TRUTH_TABLES.contains(data.train().name()) && data.train().size() == 4) {
            out.println();
            TruthTable.print(out, model, data.train());
        }
        if (ENCODER.equals(data.train().name()) && model.layers().size() >= 2) {
            out.println();
            HiddenCodes.print(out, model, data.train());
        }
        return Cli.OK;
    }

    /** "2-2-1": inputs, then the units of each layer that has units. */
    static String shape(NetworkSpec spec) {
        StringBuilder shape = new StringBuilder().append(spec.inputSize());
        for (var l : spec.layers()) if (!l.type().equals("dropout")) shape.append('-').append(l.units());
        return shape.toString();
    }

    private static String header(NetworkSpec spec, String source, TrainConfig c, TrainingData data) {
        String shape = shape(spec);
        String batch = c.batchSize() <= 0 ? "full batch" : c.batchSize() == 1 ? "online" : "batch " + c.batchSize();
        return String.format(Locale.ROOT, "training %s (%s, loss %s, %s η=%s, %s, %s, seed %d) on %s (%d samples)",
                source, shape, spec.loss(), c.optimizer(), c.learningRate(), batch, TrainCommand.plural(c.epochs(), "epoch"), c.seed(),
                data.train().name(), data.train().size());
    }
}
