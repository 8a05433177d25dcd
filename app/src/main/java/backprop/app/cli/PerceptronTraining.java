package backprop.app.cli;

import backprop.engine.data.Dataset;
import backprop.engine.models.BuiltinModels;
import backprop.engine.models.BuiltinModels.Builtin;
import backprop.engine.train.PerceptronTrainer;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * {@code train} for the perceptron models: Rosenblatt's rule, one line per epoch with the
 * mistakes made and the weights reached, then whether it converged or is provably cycling.
 */
final class PerceptronTraining {
    static final int DEFAULT_MAX_EPOCHS = 100;

    private final PrintWriter out;
    private final boolean json;

    PerceptronTraining(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    int run(Builtin model, Integer maxEpochs, Double lr) {
        Dataset data = BuiltinModels.dataset(model.name());
        float eta = lr != null ? lr.floatValue() : 1f;
        int limit = maxEpochs != null ? maxEpochs : DEFAULT_MAX_EPOCHS;
        PerceptronTrainer trainer = new PerceptronTrainer(data.inputs(), eta);
        if (!json) {
            out.printf(Locale.ROOT, "perceptron rule on %s (%d samples, η=%s, targets ±1, w0 is the bias), at most %d epochs%n",
                    data.name(), data.size(), eta, limit);
        }

        // fit() runs until it converges or reaches its epoch limit; raising the limit one epoch
        // at a time lets us stop as soon as the trainer has proved a cycle (later epochs would
        // only repeat it), while the trainer stays the only place the rule is applied.
        PerceptronTrainer.Result result = null;
        for (int e = 1; e <= limit; e++) {
            int epoch = e;
            result = trainer.fit(data, e, mistakes -> printEpoch(epoch, mistakes, trainer, data));
            if (result.converged() || result.cycled()) break;
        }
        if (!json) out.println(verdict(result, data));
        return Cli.OK;
    }

    private void printEpoch(int epoch, int mistakes, PerceptronTrainer trainer, Dataset data) {
        double accuracy = accuracy(trainer, data);
        if (json) {
            // The perceptron's loss here is the 0-1 loss: the fraction still misclassified.
            out.println(TrainCommand.epochLine(epoch, (float) (1 - accuracy), (float) accuracy, true));
            return;
        }
        StringBuilder w = new StringBuilder();
        float[] weights = trainer.weights();
        for (int i = 0; i < weights.length; i++) w.append("  w").append(i).append(' ').append(weights[i]);
        out.printf(Locale.ROOT, "epoch %4d  mistakes %d  updates %d%s  accuracy %.1f%%%n",
                epoch, mistakes, trainer.updates().size(), w, 100 * accuracy);
    }

    private static double accuracy(PerceptronTrainer trainer, Dataset data) {
        int correct = 0;
        for (int n = 0; n < data.size(); n++) {
            if (trainer.predict(data.x()[n]) == (data.label(n) == 1 ? 1 : -1)) correct++;
        }
        return (double) correct / data.size();
    }

    private static String verdict(PerceptronTrainer.Result r, Dataset data) {
        if (r.converged()) {
            return "converged after " + TrainCommand.plural(r.epochs(), "epoch") + " (" + TrainCommand.plural(r.updates(), "update") + "): every sample of "
                    + data.name() + " is classified correctly";
        }
        if (r.cycled()) {
            return "did not converge: the weights at the start of epoch " + (r.cycleStartEpoch() + 1)
                    + " repeat those of an earlier epoch, so the rule cycles forever ("
                    + TrainCommand.plural(r.updates(), "update") + " so far); " + data.name() + " is not linearly separable";
        }
        return "did not converge within " + TrainCommand.plural(r.epochs(), "epoch") + " (" + TrainCommand.plural(r.mistakesLastEpoch(), "mistake")
                + " in the last one); try a larger --epochs";
    }
}
