package backprop.app.cli;

import backprop.engine.data.table.TablePresets;
import backprop.engine.data.table.TableSource;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.NetworkSpec.DatasetSpec;
import backprop.engine.spec.UserText;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --data FILE|NAME}, {@code --label NAME} and {@code --task}: train or trace a network file
 * on a table instead of the data its file names. The file's other data settings (test share,
 * seed, standardisation) still apply. Shared by {@code train} and {@code trace} as a mixin.
 */
final class DataFlags {
    @Option(names = "--data", paramLabel = "FILE|NAME", description = "a CSV or TSV table (header line; the label column last unless --label), "
            + "or a shipped table: iris, cars; replaces the network file's dataset")
    String data;

    @Option(names = "--label", paramLabel = "NAME", description = "the table's label column (default: the file's, else the last column)")
    String label;

    @Option(names = "--task", paramLabel = "KIND", description = "classification or regression (default: text or whole-number labels are classes, other numbers a regression)")
    String task;

    boolean given() { return data != null; }

    /** Refuses any of the three flags where they cannot apply ({@code where} says why). */
    void refuse(String where) {
        String flag = data != null ? "--data" : label != null ? "--label" : task != null ? "--task" : null;
        if (flag != null) throw new UserError(flag + ": does not apply to " + where);
    }

    /** {@code spec} with its dataset replaced by --data (and --label, --task); unchanged without --data. */
    NetworkSpec apply(NetworkSpec spec) {
        if (data == null) {
            if (label != null || task != null) throw new UserError((label != null ? "--label" : "--task") + ": applies with --data FILE");
            return spec;
        }
        if (task != null && !task.equals("classification") && !task.equals("regression")) {
            throw new UserError("--task: unknown task " + UserText.quote(task) + " (known: classification, regression)");
        }
        DatasetSpec base = spec.dataset() != null ? spec.dataset() : DatasetSpec.ofFile(null, null, null);
        // Settings that only make sense for the file's old data (a generated set's size, a table's recorded scaling) do not carry over.
        base = new DatasetSpec(null, null, null, base.testRatio(), base.seed(), null, null, null, null, null, null, null, base.standardize(), null);
        Path file = path(data);
        if (file != null && Files.isRegularFile(file)) return spec.withDataset(base.withFile(file.toAbsolutePath().toString(), label, task));
        if (TablePresets.has(data)) return spec.withDataset(base.withName(data, label, task));
        throw new UserError("--data: no file " + UserText.quote(data) + (file == null ? "" : " (looked for " + file.toAbsolutePath().normalize() + ")")
                + ", and no shipped table of that name (known: " + String.join(", ", TablePresets.NAMES) + ")");
    }

    /** The --data value as a path; null when it cannot be one. */
    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Whether the network's data are a table (so the run reports test metrics and classes). */
    static boolean isTable(NetworkSpec spec) { return TableSource.handles(spec.dataset()); }
}
