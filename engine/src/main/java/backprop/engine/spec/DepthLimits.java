package backprop.engine.spec;

import backprop.engine.layers.dense.DenseKind;
import backprop.engine.layers.dense.DenseSpec;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import java.util.List;

/**
 * The limits of networks trained to watch gradients flow through depth (the Depth view and the
 * {@code flow} command), checked on a file that has already read: depth, width and learning
 * rate, each refused with its JSON path. The general limits ({@link Limits}) still apply first.
 */
public final class DepthLimits {
    private DepthLimits() {}

    public static void check(NetworkSpec spec, String source) throws SpecException {
        List<LayerSpec> layers = spec.layers();
        int dense = 0, last = -1;
        for (int i = 0; i < layers.size(); i++) {
            if (!(layers.get(i) instanceof DenseSpec d)) continue;
            dense++;
            last = i;
            if (d.units() > Limits.DEPTH_WIDTH) {
                throw new SpecException(source, "$.layers[" + i + "].units", d.units() + " units is over the limit of " + Limits.DEPTH_WIDTH
                        + " for a network trained to show gradient flow");
            }
        }
        int hidden = Math.max(0, dense - 1);
        if (hidden > Limits.DEPTH_HIDDEN_LAYERS) {
            throw new SpecException(source, "$.layers", hidden + " hidden " + DenseKind.TYPE + " layers (every one but the output, $.layers["
                    + last + "]) is over the limit of " + Limits.DEPTH_HIDDEN_LAYERS + " for a network trained to show gradient flow");
        }
        Double rate = spec.training() == null ? null : spec.training().learningRate();
        if (rate != null && (rate < Limits.DEPTH_RATE_MIN || rate > Limits.DEPTH_RATE_MAX)) {
            throw new SpecException(source, "$.training.learningRate", "learning rate " + rate + " is outside " + Limits.DEPTH_RATE_MIN
                    + " to " + Limits.DEPTH_RATE_MAX + ", the range for a network trained to show gradient flow");
        }
    }
}
