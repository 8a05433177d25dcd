package backprop.engine.layers.norm;

import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.NetworkSpec.LayerSpec;

/**
 * A batch-normalisation layer as written in a network file. Every array is [units] (the size of
 * its input) and may be null: γ then starts at 1, β at 0, the running mean at 0 and the running
 * variance at 1, as in PyTorch.
 *
 * @param gamma       the scale γ
 * @param beta        the shift β
 * @param runningMean the mean used in evaluation
 * @param runningVar  the variance used in evaluation
 */
public record BatchNormSpec(Common common, float[] gamma, float[] beta, float[] runningMean, float[] runningVar) implements LayerSpec {

    @Override public String type() { return BatchNormKind.TYPE; }

    public static BatchNormSpec of() { return new BatchNormSpec(Common.NONE, null, null, null, null); }

    public BatchNormSpec withCommon(Common c) { return new BatchNormSpec(c, gamma, beta, runningMean, runningVar); }
}
