package backprop.engine.train;

import backprop.engine.tensor.Tensor;

/**
 * How a classifier's answers fall against the true classes: {@code counts[t][p]} samples of
 * class t were predicted as class p (the predicted class is the arg-max of the outputs, or
 * output ≥ 0.5 for a single output). The diagonal holds the right answers.
 */
public record Confusion(int[][] counts) {

    /** The confusion of {@code prediction} against one-hot (or single 0/1) {@code target} rows over {@code classes} classes. */
    public static Confusion of(Tensor prediction, Tensor target, int classes) {
        int[][] c = new int[classes][classes];
        for (int r = 0; r < prediction.dim(0); r++) c[classOf(target, r)][classOf(prediction, r)]++;
        return new Confusion(c);
    }

    private static int classOf(Tensor t, int row) {
        return t.dim(1) == 1 ? (t.get(row, 0) >= 0.5f ? 1 : 0) : Metrics.argmax(t, row);
    }

    public int classes() { return counts.length; }

    /** Samples of class {@code t}. */
    public int support(int t) {
        int n = 0;
        for (int v : counts[t]) n += v;
        return n;
    }

    /** The share of class {@code t}'s samples predicted as t (its recall); NaN when the class has none. */
    public float accuracy(int t) {
        int n = support(t);
        return n == 0 ? Float.NaN : (float) counts[t][t] / n;
    }
}
