package backprop.engine.data;

import java.util.List;

/**
 * Input features computed from a 2-D point (x1, x2): the raw coordinates and the decks'
 * "non-linear terms" (x1², x2², x1·x2, sin x1, sin x2). Feeding a network x1·x2 makes XOR linearly
 * separable without a hidden layer: that is the alternative to learning a representation.
 * {@code StrictMath.sin} keeps the values the same on every machine.
 */
public enum Feature {
    X1("x1"), X2("x2"), X1_SQUARED("x1²"), X2_SQUARED("x2²"), X1_TIMES_X2("x1·x2"), SIN_X1("sin x1"), SIN_X2("sin x2");

    private final String label;

    Feature(String label) { this.label = label; }

    /** How the UI and feature names show it ("x1²"). */
    public String label() { return label; }

    public float of(float x1, float x2) {
        return switch (this) {
            case X1 -> x1;
            case X2 -> x2;
            case X1_SQUARED -> x1 * x1;
            case X2_SQUARED -> x2 * x2;
            case X1_TIMES_X2 -> x1 * x2;
            case SIN_X1 -> (float) StrictMath.sin(x1);
            case SIN_X2 -> (float) StrictMath.sin(x2);
        };
    }

    /** Rows of 2-D points → rows of the chosen features, in the order given. */
    public static float[][] expand(float[][] points, List<Feature> features) {
        float[][] out = new float[points.length][features.size()];
        for (int n = 0; n < points.length; n++) {
            for (int f = 0; f < features.size(); f++) out[n][f] = features.get(f).of(points[n][0], points[n][1]);
        }
        return out;
    }

    /** A 2-D dataset with its inputs replaced by the chosen features (targets unchanged). */
    public static Dataset expand(Dataset data, List<Feature> features) {
        if (data.inputs() != 2 && data.size() > 0) {
            throw new IllegalArgumentException(data.name() + " has " + data.inputs() + " inputs; features are computed from 2-D points");
        }
        return new Dataset(data.name(), expand(data.x(), features), data.y(), features.stream().map(Feature::label).toList());
    }
}
