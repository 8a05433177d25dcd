package backprop.app.depth;

import backprop.engine.models.BuiltinModels;
import backprop.engine.models.DeepNetworks;
import backprop.engine.spec.DepthLimits;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import java.util.Locale;

/**
 * One column of the Depth view: a name and the network it trains. Either one of the built-in
 * {@link DepthPreset}s, or a network built from the view's controls by the engine's
 * {@link DeepNetworks} (on the presets' data, training settings and seed), checked against the
 * engine's depth limits before it is accepted.
 */
public record DepthConfig(String label, NetworkSpec spec, DepthPreset preset, DeepNetworks.Config custom) {
    /** The base every custom network takes its data, training and seed from. */
    static final String BASE = DepthPreset.RELU_HE.model;

    public static DepthConfig of(DepthPreset p) {
        try {
            return new DepthConfig(p.label, BuiltinModels.spec(p.model), p, null);
        } catch (SpecException e) {
            throw new IllegalStateException(p.model + ": " + e.getMessage(), e);
        }
    }

    /**
     * A network from the controls; a choice outside the engine's limits is refused with the
     * limit's own one-line reason (an IllegalArgumentException).
     */
    public static DepthConfig custom(DeepNetworks.Config c) {
        NetworkSpec spec;
        try {
            spec = DeepNetworks.spec(BuiltinModels.spec(BASE), c);
            DepthLimits.check(spec, "this configuration");
        } catch (SpecException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        String init = c.initializer().type() + (c.initializer().scale() > 0 ? "(" + trim(c.initializer().scale()) + ")" : "");
        String label = c.hidden() + " × " + c.width() + " " + c.activation() + " · " + init
                + (c.batchNorm() ? " · BN" : "") + (c.residual() ? " · residual" : "");
        return new DepthConfig(label, spec, null, c);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2g", v);
    }
}
