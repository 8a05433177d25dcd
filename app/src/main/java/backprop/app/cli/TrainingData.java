package backprop.app.cli;

import backprop.engine.data.Dataset;
import backprop.engine.data.Datasets;
import backprop.engine.data.MnistDigits;
import backprop.engine.data.table.TableData;
import backprop.engine.data.table.TableException;
import backprop.engine.data.table.TableSource;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Model;
import backprop.engine.spec.Limits;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.train.RunSettings;
import backprop.engine.train.ValidationSplit;
import java.nio.file.Path;

/**
 * The data a network file asks to be trained on ({@code "dataset"}), generated and checked
 * against the network's shape before any training starts.
 *
 * @param train what the trainer sees
 * @param test  held-out samples when the file sets a testRatio, else null
 * @param table the table behind both when the data are one (a CSV file, a shipped table, a
 *              generated set of several classes or a regression), else null
 */
record TrainingData(Dataset train, Dataset test, TableData table) {
    /** The data set of digits, which --digits replaces with the user's file. */
    static final String MNIST = "mnist";

    /**
     * The run's data ({@link RunSettings#resolve} filled in the defaults), checked against the
     * network. {@code networkFile} anchors a data file named relative to the network file (null
     * for a built-in model).
     */
    static TrainingData of(NetworkSpec spec, String source, Path networkFile, RunSettings run, Model model, MnistDigits digits)
            throws TableException, SpecException {
        if (TableSource.handles(spec.dataset())) return table(spec, source, networkFile, run, model);
        int outputs = model.outputSize();
        RunSettings.DataSettings d = run.data();
        if (d == null) {
            throw new UserError(source + ": $.dataset: this network file names no dataset to train on; add e.g. "
                    + "\"dataset\": {\"name\": \"xor\"} (known: " + known() + ") or \"dataset\": {\"file\": \"table.csv\"}");
        }
        if (SequenceTraining.NAMES.contains(d.name())) {
            throw new UserError(source + ": $.dataset.name: dataset '" + d.name() + "' holds sequences, and this network reads vectors; "
                    + "give $.input.shape as [steps, features] and add an rnn, lstm or gru layer");
        }
        if (!Datasets.NAMES.contains(d.name())) {
            throw new UserError(source + ": $.dataset.name: unknown dataset '" + d.name() + "' (known: " + known() + ")");
        }
        Workload.now("generating the data set '" + d.name() + "' (" + (d.name().equals("majority") ? "2^" + d.inputs() + " rows" : d.samples() + " samples") + ")",
                "use fewer samples or inputs");
        Dataset all;
        if (digits != null) {
            all = ownDigits(digits, spec, source);
        } else try {
            all = d.generate();
        } catch (IllegalArgumentException e) {
            // Datasets checks sizes against Limits; say which field asked for too much.
            String field = !d.name().equals("majority") ? "$.dataset.samples" : spec.dataset().inputs() != null ? "$.dataset.inputs" : "$.input.shape";
            throw new UserError(source + ": " + field + ": " + e.getMessage());
        }
        if (all.inputs() != spec.inputSize()) {
            throw new UserError(source + ": $.dataset.name: dataset '" + d.name() + "' has " + all.inputs()
                    + " inputs but $.input.shape is [" + spec.inputSize() + "]");
        }
        if (all.outputs() != outputs) {
            throw new UserError(source + ": $.dataset.name: dataset '" + d.name() + "' has " + all.outputs()
                    + " targets per sample but the last layer has " + outputs + " units");
        }
        checkPass(all.size(), model, source);
        if (d.testRatio() == 0) return new TrainingData(all, null, null);
        Dataset.Split s = all.split(d.testRatio(), d.seed());
        if (s.train().size() == 0) {
            throw new UserError(source + ": $.dataset.testRatio: leaves no samples to train on (" + all.size() + " in total)");
        }
        return new TrainingData(s.train(), s.test().size() == 0 ? null : s.test(), null);
    }

    /** Every name $.dataset.name takes on vector data. */
    private static String known() {
        return String.join(", ", Datasets.NAMES) + ", " + String.join(", ", TableSource.names());
    }

    /** A table: read (a file, a shipped table, a generated set), checked against the network's input and output, scaled and split. */
    private static TrainingData table(NetworkSpec spec, String source, Path networkFile, RunSettings run, Model model)
            throws TableException, SpecException {
        NetworkSpec.DatasetSpec d = spec.dataset();
        Workload.now("reading the data " + (d.file() != null ? d.file() : d.name() != null ? d.name() : "table"), "use a smaller table");
        TableData data = TableSource.open(d, networkFile, source, run.seed(), spec.inputSize(), model.outputSize());
        checkPass(data.table().rows(), model, source);
        return new TrainingData(data.train(), data.test(), data);
    }

    /** Refuses data whose one pass through the network would be over {@link Limits#PASS_VALUES}. */
    private static void checkPass(int samples, Model model, String source) {
        long pass = (long) samples * widest(model);
        if (pass > Limits.PASS_VALUES) {
            throw new UserError(source + ": $.dataset.samples: " + samples + " samples × " + widest(model) + " values in the widest layer = "
                    + pass + " numbers in one pass over the data, over the limit of " + Limits.PASS_VALUES + "; use fewer samples or units");
        }
    }

    /**
     * The training digits of a --digits file, refused here when there are none or when their
     * images are not the size the network reads; both messages name the file, which is at fault.
     */
    private static Dataset ownDigits(MnistDigits digits, NetworkSpec spec, String source) {
        if (digits.trainSize() == 0) {
            throw new UserError(digits.name() + ": byte offset 12: the header puts none of its " + digits.size()
                    + " digits in the training set; there is nothing to train on");
        }
        int pixels = digits.rows() * digits.cols();
        if (pixels != spec.inputSize()) {
            throw new UserError(digits.name() + ": byte offset 16: its images are " + digits.rows() + "×" + digits.cols() + " = " + pixels
                    + " pixels, but " + source + " reads " + spec.inputSize() + " inputs per sample");
        }
        return digits.train();
    }

    /** The widest layer, input included: one pass over the data holds samples × this many numbers per layer. */
    private static int widest(Model model) {
        int w = model.inputSize();
        for (Layer l : model.layers()) w = Math.max(w, l.outputSize());
        return w;
    }

    /** Refuses a validation split that leaves either side empty, before training starts ({@link ValidationSplit}). */
    void checkValidationSplit(float split, String source) {
        String problem = ValidationSplit.problem(split, train.size());
        if (problem != null) throw new UserError(source + ": " + problem);
    }
}
