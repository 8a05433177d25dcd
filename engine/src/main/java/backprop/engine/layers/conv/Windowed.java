package backprop.engine.layers.conv;

/**
 * A layer spec that slides a square window over an image (conv2d, maxpool, avgpool): all the
 * receptive-field arithmetic needs to know about it ({@link ConvArithmetic.ReceptiveField}).
 */
public interface Windowed {
    ConvArithmetic.Window window();

    /** The image it reads, [C, H, W], as the reader resolved it. */
    int[] inputShape();
}
