package backprop.engine.nn;

import java.util.Random;

/**
 * What a forward pass needs to know besides its input: whether it is training (dropout is on
 * only then), the random source for dropout masks, and the recorder, which is null unless a
 * trace was asked for, so that plain training pays nothing for traces.
 */
public record Pass(boolean training, Random random, Recorder recorder) {
    public static Pass inference() { return new Pass(false, null, null); }
}
