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

    /** A generated dataset by name (see {@code engine.data.Datasets}). */
    public record DatasetSpec(String name, Integer samples, Double noise, Double testRatio, Long seed, Integer inputs) {}
}
