package backprop.engine.trace;

/**
 * What one layer looked like in one training step, in a few numbers: enough to see gradients
 * vanish or explode through depth, units saturate or die, and updates too small or too large.
 * A quantity that does not apply to the layer is NaN (no weights: no gradNorm, weightNorm or
 * updateRatio; saturated only for sigmoid and tanh, dead only for relu).
 *
 * @param name        the layer's name, as in traces ("dense3")
 * @param type        its kind ("dense", "batchnorm", …)
 * @param activation  its g ("tanh"), or null
 * @param gradNorm    ‖∂R/∂w‖ over its weights ({@code Layer.weightParameters()}), before any clipping
 * @param weightNorm  ‖w‖ before the update
 * @param deltaNorm   √((1/N) Σ_n ‖δ_n‖²): the typical length of one sample's δ = ∂L_n/∂a
 *                    (∂L_n/∂z for a layer without a pre-activation), as the trace's {@code delta}
 * @param saturated   the fraction of outputs (samples × units) where g′ has fallen below a tenth
 *                    of its largest value: sigmoid z(1 − z) < 0.025 (z below 0.026 or above
 *                    0.974), tanh 1 − z² < 0.1 (|z| above 0.949); the rule is
 *                    {@code autodiff.Saturation}
 * @param dead        the fraction of ReLU units whose output is 0 for every sample of the batch
 * @param updateRatio ‖Δw‖/‖w‖: the optimiser's step over the weights' size (NaN without an update)
 * @param histogram   counts of the outputs z per {@link Histogram} bin
 */
public record LayerStatistics(String name, String type, String activation, float gradNorm, float weightNorm, float deltaNorm,
                              float saturated, float dead, float updateRatio, int[] histogram) {

    public LayerStatistics {
        histogram = histogram.clone();
    }

    @Override
    public int[] histogram() { return histogram.clone(); }

    /** Equal figures (NaN equals NaN, as in {@link Float#equals}) and equal histograms. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LayerStatistics s && name.equals(s.name) && type.equals(s.type) && java.util.Objects.equals(activation, s.activation)
                && Float.compare(gradNorm, s.gradNorm) == 0 && Float.compare(weightNorm, s.weightNorm) == 0
                && Float.compare(deltaNorm, s.deltaNorm) == 0 && Float.compare(saturated, s.saturated) == 0
                && Float.compare(dead, s.dead) == 0 && Float.compare(updateRatio, s.updateRatio) == 0
                && java.util.Arrays.equals(histogram, s.histogram);
    }

    @Override
    public int hashCode() { return java.util.Objects.hash(name, gradNorm, deltaNorm, java.util.Arrays.hashCode(histogram)); }

    @Override
    public String toString() {
        return name + " (" + type + (activation == null ? "" : ", " + activation) + "): gradNorm " + gradNorm + ", weightNorm " + weightNorm
                + ", deltaNorm " + deltaNorm + ", saturated " + saturated + ", dead " + dead + ", updateRatio " + updateRatio
                + ", histogram " + java.util.Arrays.toString(histogram);
    }

    /** This record with the update ratio known. */
    public LayerStatistics withUpdateRatio(float ratio) {
        return new LayerStatistics(name, type, activation, gradNorm, weightNorm, deltaNorm, saturated, dead, ratio, histogram);
    }
}
