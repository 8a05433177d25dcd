package backprop.app.cli;

import backprop.engine.nn.Layer;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.train.RunSettings;
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
    private final boolean json;

    NetworkTraining(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    int run(NetworkSpec spec, String source, Long seedFlag, Integer epochs, Double lr) {
        RunSettings run = RunSettings.resolve(spec, seedFlag, epochs, lr);
        Model model = ModelFactory.build(spec, run.seed());
        TrainConfig config = run.training();
        TrainingData data = TrainingData.of(spec, source, run, model.outputSize());
        Trainer trainer = new Trainer(model, config);

        if (!json) out.println(header(spec, model, source, config, data));
        var history = trainer.fit(data.train(), s -> {
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

    private static String header(NetworkSpec spec, Model model, String source, TrainConfig c, TrainingData data) {
        StringBuilder shape = new StringBuilder().append(spec.inputSize());
        for (Layer l : model.layers()) if (!l.type().equals("dropout")) shape.append('-').append(l.outputSize());
        String batch = c.batchSize() <= 0 ? "full batch" : c.batchSize() == 1 ? "online" : "batch " + c.batchSize();
        return String.format(Locale.ROOT, "training %s (%s, loss %s, %s η=%s, %s, %s, seed %d) on %s (%d samples)",
                source, shape, spec.loss(), c.optimizer(), c.learningRate(), batch, TrainCommand.plural(c.epochs(), "epoch"), c.seed(),
                data.train().name(), data.train().size());
    }
}
