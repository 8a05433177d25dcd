package backprop.app.cli;

import backprop.engine.data.Dataset;
import backprop.engine.data.table.Scaling;
import backprop.engine.data.table.TableData;
import backprop.engine.nn.Model;
import backprop.engine.tensor.Tensor;
import backprop.engine.train.Confusion;
import backprop.engine.train.EpochStats;
import backprop.engine.train.Metrics;
import backprop.engine.train.Trainer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code train} prints for a table: each epoch with the test set's accuracy (classes) or
 * mean squared error (regression), and at the end the accuracy per class and the confusion
 * matrix. Every number is the engine's ({@link Trainer#evaluate}, {@link Metrics}, {@link Confusion}).
 */
final class TableReport {
    private final PrintWriter out;
    private final boolean json;
    private final TableData data;
    private final Trainer trainer;

    TableReport(PrintWriter out, boolean json, TableData data, Trainer trainer) {
        this.out = out;
        this.json = json;
        this.data = data;
        this.trainer = trainer;
    }

    /** "iris: 4 features, 3 classes (setosa, versicolor, virginica); standardised: …". */
    String describe() {
        StringBuilder s = new StringBuilder(data.table().name()).append(": ")
                .append(TrainCommand.plural(data.table().features(), "feature")).append(", ");
        if (data.isRegression()) s.append("regression of '").append(data.table().labelName()).append("'");
        else s.append(data.classCount()).append(" classes of '").append(data.table().labelName()).append("' (")
                .append(String.join(", ", data.classNames().subList(0, Math.min(10, data.classCount()))))
                .append(data.classCount() > 10 ? ", …" : "").append(")");
        s.append("; ").append(data.train().size()).append(" rows to train on, ").append(data.testRows().length).append(" to test");
        List<String> scaled = new ArrayList<>();
        for (Scaling.Feature f : data.scaling().features()) {
            if (f.scales()) scaled.add(String.format(Locale.ROOT, "%s (mean %.6g, std %.6g)", f.name(), f.mean(), f.std()));
        }
        if (!scaled.isEmpty()) s.append("; standardised: ").append(String.join(", ", scaled));
        return s.toString();
    }

    /** One epoch's line: loss, then accuracy or MSE on the training rows and on the test rows. */
    void epoch(EpochStats s) {
        Dataset test = data.test();
        if (data.isRegression()) {
            float mse = mse(data.train()), testMse = test == null ? Float.NaN : mse(test);
            if (json) {
                var o = Json.object();
                o.put("epoch", s.epoch());
                o.put("loss", s.loss());
                o.put("mse", mse);
                if (test != null) o.put("testMse", testMse);
                out.println(Json.line(o));
            } else {
                out.printf(Locale.ROOT, "epoch %4d  loss %.6f  mse %.6f%s%n", s.epoch(), s.loss(), mse,
                        test == null ? "" : String.format(Locale.ROOT, "  test mse %.6f", testMse));
            }
            return;
        }
        float testAccuracy = test == null ? Float.NaN : trainer.evaluate(test)[1];
        if (json) {
            var o = Json.object();
            o.put("epoch", s.epoch());
            o.put("loss", s.loss());
            o.put("accuracy", s.accuracy());
            if (test != null) o.put("testAccuracy", testAccuracy);
            out.println(Json.line(o));
        } else {
            out.printf(Locale.ROOT, "epoch %4d  loss %.6f  accuracy %.1f%%%s%n", s.epoch(), s.loss(), 100 * s.accuracy(),
                    test == null ? "" : String.format(Locale.ROOT, "  test accuracy %.1f%%", 100 * testAccuracy));
        }
    }

    /** After training: the test set's MSE, or its accuracy per class and its confusion matrix. */
    void summary() {
        Dataset set = data.test() != null ? data.test() : data.train();
        String which = data.test() != null ? "test set" : "training set, as there is no test share";
        if (data.isRegression()) {
            out.printf(Locale.ROOT, "%s (%d rows): mean squared error %.6f%n", which, set.size(), mse(set));
            return;
        }
        Model model = trainer.model();
        Confusion c = Confusion.of(model.predict(set.inputsTensor()), set.targetsTensor(), data.classCount());
        out.println();
        out.println("accuracy per class, " + which + ":");
        TextTable perClass = new TextTable("  class", ">rows", ">accuracy");
        for (int k = 0; k < c.classes(); k++) {
            float a = c.accuracy(k);
            perClass.row("  " + data.classNames().get(k), c.support(k), Float.isNaN(a) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * a));
        }
        perClass.print(out);
        out.println();
        out.println("confusion matrix, " + which + " (rows: true class, columns: predicted class):");
        String[] header = new String[c.classes() + 1];
        header[0] = "  true \\ predicted";
        for (int k = 0; k < c.classes(); k++) header[k + 1] = ">" + data.classNames().get(k);
        TextTable matrix = new TextTable(header);
        for (int t = 0; t < c.classes(); t++) {
            Object[] row = new Object[c.classes() + 1];
            row[0] = "  " + data.classNames().get(t);
            for (int p = 0; p < c.classes(); p++) row[p + 1] = c.counts()[t][p];
            matrix.row(row);
        }
        matrix.print(out);
    }

    private float mse(Dataset d) {
        Tensor prediction = trainer.model().predict(d.inputsTensor());
        return Metrics.meanSquaredError(prediction, d.targetsTensor());
    }
}
