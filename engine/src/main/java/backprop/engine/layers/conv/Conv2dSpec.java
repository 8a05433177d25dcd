package backprop.engine.layers.conv;

import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.NetworkSpec.LayerSpec;

/**
 * A conv2d layer as written in a network file, with the shape of the image it reads.
 *
 * @param filters    F, the output channels
 * @param kernel     K, the side of each square kernel
 * @param stride     S
 * @param padding    P, zeros on each side of the input
 * @param activation activation name ("relu")
 * @param weights    [F][C][K][K], null to draw them from the seed
 * @param bias       [F], null for zeros
 * @param inputShape [C, H, W] of its input: not a file field; the reader works it out from the
 *                   layers above, so the factory knows C, H and W when it builds the layer
 */
public record Conv2dSpec(Common common, int filters, int kernel, int stride, int padding, String activation,
                         float[][][][] weights, float[] bias, int[] inputShape) implements LayerSpec, Windowed {

    public Conv2dSpec {
        inputShape = inputShape.clone();
    }

    @Override public String type() { return Conv2dKind.TYPE; }

    @Override public int[] inputShape() { return inputShape.clone(); }

    @Override public ConvArithmetic.Window window() { return new ConvArithmetic.Window(kernel, stride, padding); }

    /** [F, H', W']. */
    public int[] outputShape() { return ConvArithmetic.convOutput(inputShape, filters, window()); }

    /** Weights drawn from the seed, zero bias, over an image of shape [C, H, W]. */
    public static Conv2dSpec of(int filters, int kernel, int stride, int padding, String activation, int... inputShape) {
        return new Conv2dSpec(Common.NONE, filters, kernel, stride, padding, activation, null, null, inputShape);
    }

    public Conv2dSpec withWeights(float[][][][] w, float[] b) {
        return new Conv2dSpec(common, filters, kernel, stride, padding, activation, w, b, inputShape);
    }
}
