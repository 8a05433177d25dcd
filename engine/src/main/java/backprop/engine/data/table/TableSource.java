package backprop.engine.data.table;

import backprop.engine.spec.NetworkSpec.DatasetSpec;
import backprop.engine.spec.NetworkSpec.EmbeddedTable;
import backprop.engine.spec.NetworkSpec.Scale;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.UserText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The table a network file's {@code "dataset"} names, read and prepared: a CSV file (a path
 * relative to the network file), a table written into the file, a shipped table (iris, cars) or
 * a generated set that is more than two classes or a regression (spiral-3, blobs, plane, …).
 * Problems in the network file are {@link SpecException}s with the JSON path; problems in the
 * CSV file are {@link TableException}s with its line and column.
 */
public final class TableSource {
    private TableSource() {}

    /** Whether {@code d} is a table this class reads (the older generated sets are {@code Datasets}'). */
    public static boolean handles(DatasetSpec d) {
        return d != null && (d.isTableSource() || TablePresets.has(d.name()) || GeneratedTables.NAMES.contains(d.name()));
    }

    /** Names {@code "dataset": {"name": …}} can take here: the shipped tables and the generated sets. */
    public static List<String> names() {
        List<String> n = new ArrayList<>(TablePresets.NAMES);
        n.addAll(GeneratedTables.NAMES);
        return n;
    }

    /** Where a relative {@code file} of a network file is looked for: beside the network file. */
    public static Path resolve(String file, Path networkFile) {
        Path p = Path.of(file);
        if (p.isAbsolute() || networkFile == null) return p.toAbsolutePath().normalize();
        Path dir = networkFile.toAbsolutePath().getParent();
        return (dir == null ? p : dir.resolve(p)).normalize();
    }

    /**
     * The table of {@code d}. {@code networkFile} (may be null for a built-in network) anchors a
     * relative file; {@code source} names the network in messages; {@code seed} and
     * {@code samples} are the run's data seed and sample count for the generated sets.
     */
    public static Table load(DatasetSpec d, Path networkFile, String source, long seed, int samples) throws TableException, SpecException {
        Table.Task task = Table.Task.of(d.task());
        if (d.file() != null) {
            Path file;
            try {
                file = resolve(d.file(), networkFile);
            } catch (java.nio.file.InvalidPathException e) {
                throw new SpecException(source, "$.dataset.file", UserText.quote(d.file()) + " is not a path on this system");
            }
            if (!Files.isRegularFile(file)) {
                throw new SpecException(source, "$.dataset.file", "data file " + UserText.quote(d.file()) + " not found (looked for " + file + ")");
            }
            notFor(d, source, "a CSV file", d.formula() != null ? "formula" : null, d.classes() != null ? "classes" : null);
            return CsvTable.read(file, d.label(), task);
        }
        if (d.table() != null) {
            notFor(d, source, "a table", d.formula() != null ? "formula" : null, d.classes() != null ? "classes" : null);
            return embedded(d.table(), source, d.label(), task);
        }
        if (TablePresets.has(d.name())) {
            notFor(d, source, "the table " + d.name(), d.formula() != null ? "formula" : null, d.classes() != null ? "classes" : null);
            try {
                return TablePresets.read(d.name(), d.label(), task);
            } catch (TableException e) {
                // A shipped table reads; what failed is the label or task this network file asked of it.
                throw new SpecException(source, d.label() != null ? "$.dataset.label" : "$.dataset.task", "table " + d.name() + ", " + e.place() + ": " + e.problem());
            }
        }
        boolean formulaSet = GeneratedTables.FORMULA_NAMES.contains(d.name());
        notFor(d, source, "the generated set " + d.name(), d.label() != null ? "label" : null, d.task() != null ? "task" : null,
                !formulaSet && d.formula() != null ? "formula" : null, !d.name().equals(GeneratedTables.BLOBS) && d.classes() != null ? "classes" : null);
        if (formulaSet && d.formula() == null) {
            throw new SpecException(source, "$.dataset.formula", "required for " + d.name() + ": type f, e.g. \"sin(3*x)\" (variables "
                    + String.join(", ", GeneratedTables.variables(d.name())) + ")");
        }
        try {
            return GeneratedTables.generate(d.name(), samples, d.noise() == null ? 0 : d.noise(), seed, d.classes(), d.formula());
        } catch (IllegalArgumentException e) {
            String field = formulaSet ? "$.dataset.formula" : d.classes() != null ? "$.dataset.classes" : "$.dataset.samples";
            throw new SpecException(source, field, (formulaSet ? UserText.quote(d.formula()) + ": " : "") + e.getMessage());
        }
    }

    /**
     * The whole way from a network file's {@code dataset} to data ready to train on, for the
     * command line and the views alike: the table read or generated (with the data seed and
     * sample count {@link backprop.engine.train.RunSettings} would use), checked against the
     * network's input width and output units, scaled and split.
     *
     * @param runSeed the run's seed, which seeds the data unless {@code d.seed()} is given
     */
    public static TableData open(DatasetSpec d, Path networkFile, String source, long runSeed, int inputs, int outputs)
            throws TableException, SpecException {
        long seed = d.seed() != null ? d.seed() : runSeed;
        Table t = load(d, networkFile, source, seed, d.samples() != null ? d.samples() : backprop.engine.train.RunSettings.DEFAULT_SAMPLES);
        if (t.features() != inputs) {
            throw new SpecException(source, "$.input.shape", "the data " + UserText.quote(t.name()) + " have " + t.features() + " feature columns ("
                    + UserText.cut(String.join(", ", t.featureNames()), 80) + ") but the network reads " + inputs + " inputs; make $.input.shape [" + t.features() + "]");
        }
        return prepare(d, t, source, seed, outputs);
    }

    /**
     * Splits and scales a loaded table as {@code d} says. {@code outputs} is the network's output
     * size, checked against the table: K units for K classes (or one for two), one for a regression.
     */
    public static TableData prepare(DatasetSpec d, Table t, String source, long seed, int outputs) throws SpecException {
        boolean[] which = new boolean[t.features()];
        if (d.standardize() != null) {
            for (int i = 0; i < d.standardize().columns().size(); i++) {
                int c = t.featureNames().indexOf(d.standardize().columns().get(i));
                if (c < 0) throw new SpecException(source, "$.dataset.standardize[" + i + "]", unknownFeature(d.standardize().columns().get(i), t));
                which[c] = true;
            }
            if (d.standardize().all()) java.util.Arrays.fill(which, true);
        }
        Scaling.Feature[] given = null;
        if (d.scaling() != null) {
            given = new Scaling.Feature[t.features()];
            for (Scale s : d.scaling()) {
                int c = t.featureNames().indexOf(s.feature());
                if (c < 0) throw new SpecException(source, "$.dataset.scaling." + s.feature(), unknownFeature(s.feature(), t));
                given[c] = new Scaling.Feature(s.feature(), s.mean(), s.std());
            }
        }
        int wanted = t.isRegression() ? 1 : t.classCount();
        boolean oneOutput = outputs == 1 && t.classCount() == 2;
        if (outputs != wanted && !oneOutput) {
            String what = t.isRegression() ? "a regression (label " + UserText.quote(t.labelName()) + "): it needs 1 output unit"
                    : t.classCount() + " classes in " + UserText.quote(t.labelName()) + ": it needs " + t.classCount() + " output units (softmax)"
                    + (t.classCount() == 2 ? " or 1 (sigmoid)" : "");
            throw new SpecException(source, "$.dataset", "the last layer has " + outputs + " units, but the data " + UserText.quote(t.name()) + " are " + what);
        }
        double ratio = d.testRatio() == null ? 0 : d.testRatio();
        TableData data = TableData.of(t, ratio, seed, which, given, oneOutput);
        if (data.train().size() == 0) {
            throw new SpecException(source, "$.dataset.testRatio", "leaves no rows to train on (" + t.rows() + " in total)");
        }
        return data;
    }

    /** The scaling a prepared table used, as a network file records it (only the scaled columns). */
    public static List<Scale> recorded(TableData data) {
        return data.scaling().features().stream().filter(Scaling.Feature::scales).map(f -> new Scale(f.name(), f.mean(), f.std())).toList();
    }

    private static String unknownFeature(String name, Table t) {
        return "no feature column named " + UserText.quote(name) + " (features: " + UserText.cut(String.join(", ", t.featureNames()), 160) + ")";
    }

    /** Refuses the first non-null field name: it does not apply to this kind of data. */
    private static void notFor(DatasetSpec d, String source, String what, String... fields) throws SpecException {
        for (String f : fields) if (f != null) throw new SpecException(source, "$.dataset." + f, "does not apply to " + what);
    }

    private static Table embedded(EmbeddedTable e, String source, String label, Table.Task task) throws TableException {
        List<String[]> rows = new ArrayList<>();
        for (List<String> r : e.rows()) rows.add(r.toArray(String[]::new));
        TableBuilder.Places at = new TableBuilder.Places() {
            @Override public String header() { return "$.dataset.table.columns"; }

            @Override public String row(int row) { return "$.dataset.table.rows[" + row + "]"; }

            @Override public String cell(int row, int column) { return row(row) + "[" + column + "]"; }
        };
        return TableBuilder.build(source, "table", e.columns(), rows, at, label, task);
    }
}
