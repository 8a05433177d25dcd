package backprop.app.cli;

import backprop.app.math.Num;
import backprop.engine.data.MnistDigits;
import backprop.engine.data.table.TableException;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.layers.LayerKinds;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import backprop.engine.spec.Wiring;
import backprop.engine.train.RunSettings;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /**
     * Trains {@code spec}; {@code networkFile} anchors a data file it names (null for a built-in
     * model); {@code digits}, when not null, replaces the built-in digits of dataset "mnist" (--digits).
     */
    int run(NetworkSpec spec, String source, Path networkFile, Long seedFlag, Integer epochs, Double lr, MnistDigits digits)
            throws TableException, SpecException {
        RunSettings run = RunSettings.resolve(spec, seedFlag, epochs, lr);
        String shape = shape(spec);
        Workload.now("building the network " + shape, "use fewer units or inputs");
        Model model = ModelFactory.build(spec, run.seed());
        TrainConfig config = run.training();
        TrainingData data = TrainingData.of(spec, source, networkFile, run, model, digits);
        data.checkValidationSplit(config.validationSplit(), source);
        Trainer trainer = new Trainer(model, config);
        TableReport table = data.table() == null ? null : new TableReport(out, json, data.table(), trainer);

        if (!json) out.println(header(spec, shape, source, config, data, digits));
        if (!json && table != null) out.println(table.describe());
        Workload.now("training " + shape + " on " + TrainCommand.plural(data.train().size(), "sample"),
                "use fewer samples, a smaller batchSize or fewer units");
        Progress progress = Progress.onStderr(err, config.epochs());
        java.util.List<backprop.engine.train.EpochStats> history;
        try {
            history = fit(trainer, data, progress, table, config);
        } catch (IllegalArgumentException e) {
            // A layer that cannot take a batch it is given (batch norm and one sample): the file's settings are at fault.
            throw new UserError(source + ": " + e.getMessage());
        }
        if (json) return Cli.OK;

        if (table != null) {
            out.printf(Locale.ROOT, "done: %s, %s; training loss %.6f%n", TrainCommand.plural(history.size(), "epoch"),
                    TrainCommand.plural(trainer.steps(), "step"), trainer.evaluate(data.train())[0]);
            table.summary();
            return Cli.OK;
        }
        float[] last = trainer.evaluate(data.train());
        out.printf(Locale.ROOT, "done: %s, %s; training loss %s, accuracy %.1f%%%n",
                TrainCommand.plural(history.size(), "epoch"), TrainCommand.plural(trainer.steps(), "step"), Num.sixDecimals(last[0]), 100 * last[1]);
        if (data.test() != null) {
            float[] test = trainer.evaluate(data.test());
            out.printf(Locale.ROOT, "test set (%d samples): loss %s, accuracy %.1f%%%n", data.test().size(), Num.sixDecimals(test[0]), 100 * test[1]);
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

    /** "2-2-1": inputs, then the output size of each layer that is not dropout, from the file before anything is built. */
    static String shape(NetworkSpec spec) {
        List<Integer> sizes = new ArrayList<>(List.of(spec.inputSize()));
        List<int[]> sources = Wiring.sources(spec.layers());
        StringBuilder shape = new StringBuilder().append(spec.inputSize());
        for (int k = 0; k < spec.layers().size(); k++) {
            LayerSpec l = spec.layers().get(k);
            int[] in = Arrays.stream(sources.get(k)).map(sizes::get).toArray();
            sizes.add(LayerKinds.of(l).outputSize(l, in));
            if (!l.type().equals("dropout")) shape.append('-').append(sizes.get(k + 1));
        }
        return shape.toString();
    }

    private static String header(NetworkSpec spec, String shape, String source, TrainConfig c, TrainingData data, MnistDigits digits) {
        String batch = c.batchSize() <= 0 ? "full batch" : c.batchSize() == 1 ? "online" : "batch " + c.batchSize();
        return String.format(Locale.ROOT, "training %s (%s, loss %s, %s η=%s, %s, %s, seed %d) on %s (%d samples)",
                source, shape, spec.loss(), c.optimizer(), c.learningRate(), batch, TrainCommand.plural(c.epochs(), "epoch"), c.seed(),
                digits == null ? data.train().name() : "the training digits of " + digits.name(), data.train().size());
    }

    private java.util.List<backprop.engine.train.EpochStats> fit(Trainer trainer, TrainingData data, Progress progress, TableReport table, TrainConfig config) {
        return trainer.fit(data.train(), s -> {
            if (progress != null) progress.epoch(s.epoch());
            TrainCommand.stopIfNotFinite("training loss", s.loss(), s.epoch(), trainer.steps(), config.learningRate());
            if (table != null) table.epoch(s);
            else out.println(TrainCommand.epochLine(s.epoch(), s.loss(), s.accuracy(), json));
            if (!json && !Float.isNaN(s.validationLoss())) {
                TrainCommand.stopIfNotFinite("validation loss", s.validationLoss(), s.epoch(), trainer.steps(), config.learningRate());
                out.printf(Locale.ROOT, "            validation loss %s  accuracy %.1f%%%n", Num.sixDecimals(s.validationLoss()), 100 * s.validationAccuracy());
            }
        });
    }
}
