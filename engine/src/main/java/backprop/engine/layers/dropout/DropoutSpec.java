package backprop.engine.layers.dropout;

import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.NetworkSpec.LayerSpec;

/**
 * A dropout layer as written in a network file.
 *
 * @param rate probability of zeroing each unit while training
 */
public record DropoutSpec(Common common, float rate) implements LayerSpec {
    @Override public String type() { return DropoutKind.TYPE; }
}
