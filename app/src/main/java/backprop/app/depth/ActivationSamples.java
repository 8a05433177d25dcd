package backprop.app.depth;

import backprop.engine.autodiff.Activation;
import backprop.engine.autodiff.Saturation;
import java.util.Random;

/**
 * One activation, sampled for the gallery through the engine's own g and g′ ({@link Activation}):
 * the curves over [−{@link #RANGE}, {@link #RANGE}], where the unit saturates (the engine's
 * {@link Saturation} rule, which its per-layer statistics count by), and how g(x) is spread when x is
 * drawn from N(0, σ²) with a fixed seed.
 *
 * @param x       sample points
 * @param g       g(x)
 * @param gPrime  g′(x)
 * @param flat    true where g′(x) is under a tenth of its largest value on the grid
 * @param counts  histogram of g(x) for {@link #DRAWS} draws of x, {@link #BINS} bins over [lo, hi]
 */
public record ActivationSamples(String name, float[] x, float[] g, float[] gPrime, boolean[] flat, int[] counts, float lo, float hi, double sigma) {
    public static final float RANGE = 5f;
    public static final int POINTS = 201, DRAWS = 4000, BINS = 40;
    /** The activations the gallery shows, in its order. */
    public static final String[] SHOWN = {"sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus"};

    public static ActivationSamples of(String name, double sigma, long seed) {
        Activation a = Activation.byName(name, Float.NaN);
        float[] x = new float[POINTS], g = new float[POINTS], d = new float[POINTS];
        float peak = 0;
        for (int i = 0; i < POINTS; i++) {
            x[i] = -RANGE + 2 * RANGE * i / (POINTS - 1);
            g[i] = a.apply(x[i]);
            d[i] = a.derivative(x[i], g[i]);
            peak = Math.max(peak, Math.abs(d[i]));
        }
        boolean[] flat = new boolean[POINTS];
        for (int i = 0; i < POINTS; i++) flat[i] = Saturation.flat(d[i], peak);
        float[] z = new float[DRAWS];
        Random r = new Random(seed);
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < DRAWS; i++) {
            z[i] = a.apply((float) (sigma * r.nextGaussian()));
            lo = Math.min(lo, z[i]);
            hi = Math.max(hi, z[i]);
        }
        if (!(hi > lo)) hi = lo + 1;
        int[] counts = new int[BINS];
        for (float v : z) counts[Math.min(BINS - 1, (int) ((v - lo) / (hi - lo) * BINS))]++;
        return new ActivationSamples(name, x, g, d, flat, counts, lo, hi, sigma);
    }

    /** The share of draws that land where the unit is saturated (g′ under a tenth of its peak). */
    public double saturatedShare(long seed) {
        Activation a = Activation.byName(name, Float.NaN);
        float peak = 0;
        for (float v : gPrime) peak = Math.max(peak, Math.abs(v));
        Random r = new Random(seed);
        int n = 0;
        for (int i = 0; i < DRAWS; i++) {
            float xi = (float) (sigma * r.nextGaussian());
            if (Saturation.flat(a.derivative(xi), peak)) n++;
        }
        return n / (double) DRAWS;
    }
}
