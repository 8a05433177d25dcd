package backprop.engine.spec;

import java.util.List;

/**
 * A network file, as read: plain data, no behaviour. See docs/network-format.md.
 *
 * @param name        optional display name
 * @param description optional free text
 * @param inputShape  the input's shape; dense networks take a vector, e.g. [2]
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

    public int inputSize() { return inputShape[0]; }

    public NetworkSpec withLayers(List<LayerSpec> newLayers) {
        return new NetworkSpec(name, description, inputShape, List.copyOf(newLayers), loss, seed, training, dataset);
    }

    public NetworkSpec withTraining(TrainingSpec t) {
        return new NetworkSpec(name, description, inputShape, layers, loss, seed, t, dataset);
    }

    /**
     * One layer.
     *
     * @param type        "dense", "maxout" or "dropout"
     * @param name        optional; defaults to type + position ("dense1")
     * @param units       output units (dense, maxout)
     * @param activation  dense only
     * @param alpha       leaky_relu / elu parameter, NaN for the default
     * @param pieces      maxout pieces (k)
     * @param rate        dropout probability
     * @param initializer initialiser for omitted weights (null: xavier)
     * @param weights     dense: [in][units]; maxout: [pieces][in][units]; null to initialise
     * @param bias        dense: [units]; maxout: [pieces][units] flattened row-major; null for zeros
     */
    public record LayerSpec(String type, String name, int units, String activation, float alpha, int pieces,
                            float rate, InitSpec initializer, float[][][] weights, float[][] bias) {

        public static LayerSpec dense(int units, String activation) {
            return new LayerSpec("dense", null, units, activation, Float.NaN, 0, 0f, null, null, null);
        }

        public static LayerSpec dense(int units, String activation, float[][] weights, float[] bias) {
            return new LayerSpec("dense", null, units, activation, Float.NaN, 0, 0f, null,
                    weights == null ? null : new float[][][] {weights}, bias == null ? null : new float[][] {bias});
        }

        public LayerSpec withActivation(String act) {
            return new LayerSpec(type, name, units, act, alpha, pieces, rate, initializer, weights, bias);
        }

        public LayerSpec withUnits(int n) {
            return new LayerSpec(type, name, n, activation, alpha, pieces, rate, initializer, null, null);
        }

        public LayerSpec withInitializer(InitSpec init) {
            return new LayerSpec(type, name, units, activation, alpha, pieces, rate, init, weights, bias);
        }

        public LayerSpec withoutWeights() {
            return new LayerSpec(type, name, units, activation, alpha, pieces, rate, initializer, null, null);
        }
    }

    /** An initialiser by name with its scale (a for uniform, σ for normal). */
    public record InitSpec(String type, double scale) {}

    /**
     * Training hyper-parameters; any field may be null for "use the default".
     *
     * @param batchSize 0 = full batch, 1 = online, m = minibatches of m
     */
    public record TrainingSpec(String optimizer, Double learningRate, Integer batchSize, Integer epochs, Double l2,
                               Double momentum, Double beta1, Double beta2, Double rho, Double epsilon,
                               Double validationSplit, Integer patience) {
        public static TrainingSpec defaults() {
            return new TrainingSpec(null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** A generated dataset by name (see {@code engine.data.Datasets}). */
    public record DatasetSpec(String name, Integer samples, Double noise, Double testRatio, Long seed, Integer inputs) {}
}
