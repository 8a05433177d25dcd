package backprop.engine.nn;

import backprop.engine.tensor.Tensor;

/**
 * How a layer's units behaved over a batch, from their recorded outputs ({@link
 * Model#activations}): how many are saturated (tanh or sigmoid stuck at an end for every sample,
 * where the derivative is about 0) and how many are dead (a ReLU whose output is 0 for every
 * sample, so no gradient reaches its weights). Views use it to say why training stalls; they
 * never compute it themselves.
 */
public record UnitActivity(int units, int saturated, int dead) {
    /** A tanh or sigmoid output this close to its end has a derivative under about 0.02. */
    public static final double SATURATION_MARGIN = 0.01;

    /**
     * The counts for {@code outputs} (samples × units) of a layer whose activation is named
     * {@code activation} ("tanh", "sigmoid", "relu", …; others count neither).
     */
    public static UnitActivity of(Tensor outputs, String activation) {
        int samples = outputs.dim(0), units = outputs.shape().length > 1 ? outputs.dim(1) : 1;
        int saturated = 0, dead = 0;
        for (int u = 0; u < units; u++) {
            boolean allEnd = samples > 0, allZero = samples > 0;
            for (int s = 0; s < samples; s++) {
                float a = outputs.get(s * units + u);
                if (a != 0f) allZero = false;
                if (!atEnd(a, activation)) allEnd = false;
            }
            if (allEnd) saturated++;
            if (allZero && "relu".equals(activation)) dead++;
        }
        return new UnitActivity(units, saturated, dead);
    }

    private static boolean atEnd(float a, String activation) {
        return switch (activation) {
            case "tanh" -> Math.abs(a) > 1 - SATURATION_MARGIN;
            case "sigmoid" -> a < SATURATION_MARGIN || a > 1 - SATURATION_MARGIN;
            default -> false;
        };
    }
}
