package backprop.app.cli;

import backprop.engine.data.Dataset;
import backprop.engine.data.Datasets;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.train.RunSettings;

/**
 * The data a network file asks to be trained on ({@code "dataset"}), generated and checked
 * against the network's shape before any training starts.
 *
 * @param train what the trainer sees
 * @param test  held-out samples when the file sets a testRatio, else null
 */
record TrainingData(Dataset train, Dataset test) {
    /** The run's data ({@link RunSettings#resolve} filled in the defaults), checked against the network. */
    static TrainingData of(NetworkSpec spec, String source, RunSettings run, int outputs) {
        RunSettings.DataSettings d = run.data();
        if (d == null) {
            throw new UserError(source + ": $.dataset: this network file names no dataset to train on; add e.g. "
                    + "\"dataset\": {\"name\": \"xor\"} (known: " + String.join(", ", Datasets.NAMES) + ")");
        }
        if (!Datasets.NAMES.contains(d.name())) {
            throw new UserError(source + ": $.dataset.name: unknown dataset '" + d.name() + "' (known: " + String.join(", ", Datasets.NAMES) + ")");
        }
        Dataset all = d.generate();
        if (all.inputs() != spec.inputSize()) {
            throw new UserError(source + ": $.dataset.name: dataset '" + d.name() + "' has " + all.inputs()
                    + " inputs but $.input.shape is [" + spec.inputSize() + "]");
        }
        if (all.outputs() != outputs) {
            throw new UserError(source + ": $.dataset.name: dataset '" + d.name() + "' has " + all.outputs()
                    + " targets per sample but the last layer has " + outputs + " units");
        }
        if (d.testRatio() == 0) return new TrainingData(all, null);
        Dataset.Split s = all.split(d.testRatio(), d.seed());
        if (s.train().size() == 0) {
            throw new UserError(source + ": $.dataset.testRatio: leaves no samples to train on (" + all.size() + " in total)");
        }
        return new TrainingData(s.train(), s.test().size() == 0 ? null : s.test());
    }
}
