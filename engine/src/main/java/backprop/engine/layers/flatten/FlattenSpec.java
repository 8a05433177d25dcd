package backprop.engine.layers.flatten;

import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.NetworkSpec.LayerSpec;

/**
 * A flatten layer as written in a network file ({@code {"type": "flatten"}}), with the shape of
 * what it reads: [C, H, W] for an image, [n] for a vector.
 */
public record FlattenSpec(Common common, int[] inputShape) implements LayerSpec {

    public FlattenSpec {
        inputShape = inputShape.clone();
    }

    @Override public String type() { return FlattenKind.TYPE; }

    public int[] inputShape() { return inputShape.clone(); }
}
