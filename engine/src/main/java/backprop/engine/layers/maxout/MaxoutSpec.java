package backprop.engine.layers.maxout;

import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.NetworkSpec.InitSpec;
import backprop.engine.spec.NetworkSpec.LayerSpec;

/**
 * A maxout layer as written in a network file.
 *
 * @param units       output units
 * @param pieces      linear pieces per unit (k)
 * @param initializer initialiser for omitted weights (null: xavier)
 * @param weights     [pieces][inputs][units], null to draw them from the seed
 * @param bias        [pieces][units], null for zeros
 */
public record MaxoutSpec(Common common, int units, int pieces, InitSpec initializer, float[][][] weights, float[][] bias)
        implements LayerSpec {

    @Override public String type() { return MaxoutKind.TYPE; }

    public MaxoutSpec withWeights(float[][][] w, float[][] b) { return new MaxoutSpec(common, units, pieces, initializer, w, b); }
}
