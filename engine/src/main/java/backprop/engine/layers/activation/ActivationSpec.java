package backprop.engine.layers.activation;

import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.NetworkSpec.LayerSpec;

/**
 * An activation layer as written in a network file: z = g(s) element by element, no weights.
 *
 * @param activation the activation's name ("tanh")
 * @param alpha      leaky_relu / elu parameter, NaN for the default
 */
public record ActivationSpec(Common common, String activation, float alpha) implements LayerSpec {

    @Override public String type() { return ActivationKind.TYPE; }

    public static ActivationSpec of(String activation) { return new ActivationSpec(Common.NONE, activation, Float.NaN); }

    public ActivationSpec withCommon(Common c) { return new ActivationSpec(c, activation, alpha); }
}
