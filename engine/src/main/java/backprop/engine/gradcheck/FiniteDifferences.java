package backprop.engine.gradcheck;

import java.util.List;

/**
 * The comparison at the heart of the gradient check, independent of the tape: given the
 * numbers a function depends on, the gradient someone claims for it, and a way to evaluate
 * the function, nudge each number by ±ε and compare the slope
 * {@code (f(x + ε) − f(x − ε)) / 2ε} with the claim.
 *
 * <p>Kept apart from {@link TapeCheck} so a test can feed it a deliberately wrong derivative
 * and watch it fail: a checker that cannot fail proves nothing.
 */
public final class FiniteDifferences {
    private FiniteDifferences() {}

    /** The scalar being differentiated, re-evaluated from the current contents of the leaves. */
    @FunctionalInterface
    public interface Objective {
        double value();
    }

    /** The outcome: the worst relative error over all compared partials, and how many there were. */
    public record Comparison(double worstRelativeError, int checked, int worstLeaf, int worstIndex,
                             double worstAnalytic, double worstNumeric) {}

    /**
     * Compares {@code analytic.get(l)[i]} with the central difference of {@code f} in
     * {@code leaves.get(l)[i]}, for every l and i. Each leaf is changed in place and restored.
     * The relative error is {@code |analytic − numeric| / max(floor, |analytic| + |numeric|)}:
     * the floor stops partials that are (correctly) near zero from turning float noise into a
     * large ratio, while a wrong derivative of ordinary size still stands out.
     */
    public static Comparison compare(List<float[]> leaves, List<float[]> analytic, Objective f, float eps, double floor) {
        if (leaves.size() != analytic.size()) throw new IllegalArgumentException(leaves.size() + " leaves but " + analytic.size() + " gradients");
        double worst = 0;
        int checked = 0, worstLeaf = -1, worstIndex = -1;
        double worstA = 0, worstN = 0;
        for (int l = 0; l < leaves.size(); l++) {
            float[] x = leaves.get(l), g = analytic.get(l);
            if (x.length != g.length) throw new IllegalArgumentException("leaf " + l + " has " + x.length + " values but " + g.length + " gradients");
            for (int i = 0; i < x.length; i++) {
                float saved = x[i];
                x[i] = saved + eps;
                double up = f.value();
                x[i] = saved - eps;
                double down = f.value();
                x[i] = saved;
                // divide by the step actually taken: saved ± eps is rounded to float
                double numeric = (up - down) / ((double) (saved + eps) - (double) (saved - eps));
                double err = Math.abs(g[i] - numeric) / Math.max(floor, Math.abs(g[i]) + Math.abs(numeric));
                checked++;
                if (worstLeaf < 0 || err > worst) {
                    worst = err;
                    worstLeaf = l;
                    worstIndex = i;
                    worstA = g[i];
                    worstN = numeric;
                }
            }
        }
        return new Comparison(worst, checked, worstLeaf, worstIndex, worstA, worstN);
    }
}
