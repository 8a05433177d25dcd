package backprop.engine.tensor;

import java.util.Arrays;

/**
 * Overflow-free size arithmetic for shapes and parameter counts. Sizes are multiplied as
 * longs with {@link Math#multiplyExact}: an int product silently wraps (46341² is negative,
 * 65536² is exactly 0) and the wrapped number then sizes an array.
 */
public final class Shapes {
    private Shapes() {}

    /** The number of values in a shape; a negative dimension or a product past a long is refused. */
    public static long product(int... shape) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            try {
                n = Math.multiplyExact(n, (long) s);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has too many values to count");
            }
        }
        return n;
    }

    /** The number of values in a shape as an array length; refuses more than a Java array holds. */
    public static int arraySize(int... shape) {
        long n = product(shape);
        if (n > Integer.MAX_VALUE - 8) { // the JVM's largest array is a few below Integer.MAX_VALUE
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has " + n
                    + " values, more than one array can hold (" + (Integer.MAX_VALUE - 8) + ")");
        }
        return (int) n;
    }

    /** Weights and biases of a dense layer (pieces = 1) or a maxout layer: pieces·(in·units + units). */
    public static long layerParameters(int in, int units, int pieces) {
        return product(Math.max(1, pieces), in, units) + product(Math.max(1, pieces), units);
    }

    /**
     * A weight matrix needs at least one input and one unit: a zero-size dimension would build
     * a layer that computes nothing and fails later, far from its cause.
     */
    public static void requireWeights(String layer, Tensor weights) {
        if (weights.rank() != 2 || weights.dim(0) < 1 || weights.dim(1) < 1) {
            throw new IllegalArgumentException(layer + ": weights of shape " + Arrays.toString(weights.shape())
                    + ": a layer needs at least one input and one unit");
        }
    }
}
