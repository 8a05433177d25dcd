package backprop.engine.layers.dense;

import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.NetworkSpec.InitSpec;
import backprop.engine.spec.NetworkSpec.LayerSpec;

/**
 * A dense layer as written in a network file.
 *
 * @param units       output units
 * @param activation  activation name ("sigmoid")
 * @param alpha       leaky_relu / elu parameter, NaN for the default
 * @param initializer initialiser for omitted weights (null: xavier)
 * @param weights     [inputs][units], null to draw them from the seed
 * @param bias        [units], null for zeros
 */
public record DenseSpec(Common common, int units, String activation, float alpha, InitSpec initializer,
                        float[][] weights, float[] bias) implements LayerSpec {

    @Override public String type() { return DenseKind.TYPE; }

    public static DenseSpec of(int units, String activation) {
        return new DenseSpec(Common.NONE, units, activation, Float.NaN, null, null, null);
    }

    public DenseSpec withWeights(float[][] w, float[] b) { return new DenseSpec(common, units, activation, alpha, initializer, w, b); }

    public DenseSpec withActivation(String act) { return new DenseSpec(common, units, act, alpha, initializer, weights, bias); }

    /** Another size: the old weights no longer fit, so they are dropped. */
    public DenseSpec withUnits(int n) { return new DenseSpec(common, n, activation, alpha, initializer, null, null); }

    public DenseSpec withInitializer(InitSpec init) { return new DenseSpec(common, units, activation, alpha, init, weights, bias); }

    public DenseSpec withoutWeights() { return withWeights(null, null); }

    public DenseSpec withCommon(Common c) { return new DenseSpec(c, units, activation, alpha, initializer, weights, bias); }
}
