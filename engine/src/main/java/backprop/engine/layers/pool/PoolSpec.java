package backprop.engine.layers.pool;

import backprop.engine.layers.conv.ConvArithmetic;
import backprop.engine.layers.conv.Windowed;
import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.NetworkSpec.LayerSpec;

/**
 * A maxpool or avgpool layer as written in a network file, with the shape of the image it reads.
 *
 * @param pool       max or average
 * @param size       the side of the square window
 * @param stride     how far it moves per output (a file that omits it gets {@code size}: windows side by side)
 * @param inputShape [C, H, W] of its input, worked out by the reader (not a file field)
 */
public record PoolSpec(PoolType pool, Common common, int size, int stride, int[] inputShape) implements LayerSpec, Windowed {

    public PoolSpec {
        inputShape = inputShape.clone();
    }

    @Override public String type() { return pool.type(); }

    @Override public int[] inputShape() { return inputShape.clone(); }

    /** Pooling never pads: every window lies inside the image, so an average always has size² terms. */
    @Override public ConvArithmetic.Window window() { return new ConvArithmetic.Window(size, stride, 0); }

    /** [C, H', W']: each channel is pooled on its own. */
    public int[] outputShape() { return ConvArithmetic.poolOutput(inputShape, window()); }

    public static PoolSpec of(PoolType pool, int size, int stride, int... inputShape) {
        return new PoolSpec(pool, Common.NONE, size, stride, inputShape);
    }
}
