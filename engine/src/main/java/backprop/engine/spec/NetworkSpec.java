package backprop.engine.spec;

import backprop.engine.layers.dense.DenseSpec;
import java.util.List;

/**
 * A network file, as read: plain data, no behaviour. See docs/network-format.md.
 *
 * @param name        optional display name
 * @param description optional free text
 * @param inputShape  the input's shape: a vector [n], a sequence [steps, features] or an image
 *                    [channels, height, width]
 * @param layers      the layers in order
 * @param loss        "mse", "cross_entropy" or "binary_cross_entropy"
 * @param seed        optional seed for omitted weights (null: the caller's)
 * @param training    optional hyper-parameters (null: defaults)
 * @param dataset     optional dataset to train on (null: none named)
 */
public record NetworkSpec(String name, String description, int[] inputShape, List<LayerSpec> layers,
                          String loss, Long seed, TrainingSpec training, DatasetSpec dataset) {

    public static final String FORMAT = "backprop-studio.network";
    public static final int VERSION = 1;

    /**
     * The width of one input row: the vector's length, a sequence step's features, or an
     * image's C·H·W (an image travels as one row of its numbers in NCHW order).
     */
    public int inputSize() {
        return isImage() ? Math.toIntExact(backprop.engine.tensor.Shapes.product(inputShape)) : inputShape[inputShape.length - 1];
    }

    /** Whether the input is an image, [channels, height, width]. */
    public boolean isImage() { return inputShape.length == 3; }

    /** T for a network over sequences (input shape [T, features]); 0 for vector input. */
    public int steps() { return inputShape.length == 2 ? inputShape[0] : 0; }

    public boolean isSequence() { return inputShape.length == 2; }

    public NetworkSpec withLayers(List<LayerSpec> newLayers) {
        return new NetworkSpec(name, description, inputShape, List.copyOf(newLayers), loss, seed, training, dataset);
    }

    public NetworkSpec withDataset(DatasetSpec d) {
        return new NetworkSpec(name, description, inputShape, layers, loss, seed, training, d);
    }

    public NetworkSpec withTraining(TrainingSpec t) {
        return new NetworkSpec(name, description, inputShape, layers, loss, seed, t, dataset);
    }

    /**
     * One layer, as read. Each layer kind has its own record with its own fields
     * ({@code DenseSpec}, {@code MaxoutSpec}, {@code DropoutSpec}, {@code AddSpec}, {@code ConcatSpec};
     * see {@code engine.layers}); what every layer has in common is its {@link Common} part.
     */
    public interface LayerSpec {
        /** The type name in network files: "dense", "maxout", … */
        String type();

        Common common();

        /** Optional; defaults to type + position ("dense1"). */
        default String name() { return common().name(); }

        /** Optional id other layers' {@code from} can name; defaults to the name. */
        default String id() { return common().id(); }

        /** Ids this layer takes its input from; null: the layer before (or the input). */
        default List<String> from() { return common().from(); }

        /** Shortcut for the most common layer: dense, no name, weights drawn from the seed. */
        static DenseSpec dense(int units, String activation) {
            return DenseSpec.of(units, activation);
        }

        /** A dense layer with explicit weights ([inputs][units]) and bias, either may be null. */
        static DenseSpec dense(int units, String activation, float[][] weights, float[] bias) {
            return DenseSpec.of(units, activation).withWeights(weights, bias);
        }
    }

    /**
     * The part every layer has: its name, its id and where its input comes from.
     *
     * @param name optional display name (null: type + position)
     * @param id   optional id for {@code from} (null: the name)
     * @param from ids of the layers (or "input") this one reads, null for the layer before
     */
    public record Common(String name, String id, List<String> from) {
        public static final Common NONE = new Common(null, null, null);

        public Common {
            from = from == null ? null : List.copyOf(from);
        }
    }

    /** An initialiser by name with its scale (a for uniform, σ for normal). */
    public record InitSpec(String type, double scale) {}

    /**
     * Training hyper-parameters; any field may be null for "use the default".
     *
     * @param batchSize 0 = full batch, 1 = online, m = minibatches of m
     * @param clipNorm  gradient clipping: the global norm of all gradients is scaled down to
     *                  this when above it (0 = off)
     * @param truncate  truncated backprop through time, in steps (0 = the whole sequence)
     */
    public record TrainingSpec(String optimizer, Double learningRate, Integer batchSize, Integer epochs, Double l2,
                               Double momentum, Double beta1, Double beta2, Double rho, Double epsilon,
                               Double validationSplit, Integer patience, Double clipNorm, Integer truncate) {
        public static TrainingSpec defaults() {
            return new TrainingSpec(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /**
     * What to train on: a generated set or a shipped table by {@code name}, a CSV file
     * ({@code file}, relative to the network file) or a small table written into the file
     * ({@code table}); exactly one of the three. Any field but the source may be null for "the
     * default". See docs/network-format.md ("dataset").
     *
     * @param classes     classes of {@code blobs}
     * @param formula     f of the formula sets ({@code sin(3*x)})
     * @param label       the label column of a table (null: the last)
     * @param task        "classification" or "regression" (null: decided by the label's values)
     * @param standardize which feature columns to standardise (null: none)
     * @param scaling     recorded mean and std per feature, used as written (null: computed from the training rows)
     */
    public record DatasetSpec(String name, Integer samples, Double noise, Double testRatio, Long seed, Integer inputs,
                              Integer classes, String formula, String file, EmbeddedTable table, String label, String task,
                              Standardize standardize, List<Scale> scaling) {
        /** A generated set by name, as before tables. */
        public DatasetSpec(String name, Integer samples, Double noise, Double testRatio, Long seed, Integer inputs) {
            this(name, samples, noise, testRatio, seed, inputs, null, null, null, null, null, null, null, null);
        }

        /** A CSV file's data ({@code label}, {@code task} may be null): what File → Import data… would put into a network. */
        public static DatasetSpec ofFile(String path, String label, String task) {
            return new DatasetSpec(null, null, null, null, null, null, null, null, path, null, label, task, null, null);
        }

        /** Whether the data come from a file or an embedded table rather than by name (not a field: the writer leaves it out). */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isTableSource() { return file != null || table != null; }

        /** The same settings reading the CSV file {@code path} (label and task kept unless given). */
        public DatasetSpec withFile(String path, String newLabel, String newTask) {
            return new DatasetSpec(null, samples, noise, testRatio, seed, inputs, classes, formula, path, null,
                    newLabel != null ? newLabel : label, newTask != null ? newTask : task, standardize, scaling);
        }

        /** The same settings reading a named set or shipped table. */
        public DatasetSpec withName(String newName, String newLabel, String newTask) {
            return new DatasetSpec(newName, samples, noise, testRatio, seed, inputs, classes, formula, null, null,
                    newLabel != null ? newLabel : label, newTask != null ? newTask : task, standardize, scaling);
        }

        /** The same with the scaling written out, so the file replays it and shows it. */
        public DatasetSpec withScaling(List<Scale> s) {
            return new DatasetSpec(name, samples, noise, testRatio, seed, inputs, classes, formula, file, table, label, task, standardize, s);
        }
    }

    /** A table written into the network file: column names, then rows of cells (numbers or text). */
    public record EmbeddedTable(List<String> columns, List<List<String>> rows) {
        public EmbeddedTable {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** Which feature columns to standardise: all of them, or those named. */
    public record Standardize(boolean all, List<String> columns) {
        public Standardize {
            columns = List.copyOf(columns);
        }

        public static final Standardize ALL = new Standardize(true, List.of());
    }

    /** One feature's recorded standardisation: x' = (x − mean) / std. */
    public record Scale(String feature, double mean, double std) {}
}
