package backprop.engine.trace;

/**
 * The fixed bins of an activation histogram, the same for every layer and every step so that
 * histograms can be compared side by side and over time: 32 bins of width 0.125 covering
 * [−2, 2), plus one bin for everything below −2 and one for everything at or above 2. Sigmoid
 * outputs fill the 8 bins of [0, 1), tanh the 16 of [−1, 1); a ReLU's large values collect in
 * the last bin.
 */
public final class Histogram {
    private Histogram() {}

    public static final float LOW = -2f;
    public static final float HIGH = 2f;
    /** Bins inside [LOW, HIGH). */
    public static final int INNER = 32;
    public static final float WIDTH = (HIGH - LOW) / INNER;
    /** Counts in a histogram: below LOW, the inner bins, at or above HIGH. */
    public static final int BINS = INNER + 2;

    /**
     * The bin of a value: 0 below LOW, 1 + ⌊(v − LOW)/WIDTH⌋ inside, BINS − 1 at or above HIGH;
     * −1 for NaN and ±∞, which belong to no bin.
     */
    public static int bin(float v) {
        if (v >= LOW && v < HIGH) return 1 + Math.min(INNER - 1, (int) ((v - LOW) * (INNER / (HIGH - LOW))));
        if (v < LOW) return v == Float.NEGATIVE_INFINITY ? -1 : 0;
        return v >= HIGH && v != Float.POSITIVE_INFINITY ? BINS - 1 : -1;
    }

    /** The lower edge of bin i (−∞ for bin 0). */
    public static float lowerEdge(int i) {
        return i == 0 ? Float.NEGATIVE_INFINITY : LOW + (i - 1) * WIDTH;
    }

    /** The upper edge of bin i (+∞ for the last). */
    public static float upperEdge(int i) {
        return i == BINS - 1 ? Float.POSITIVE_INFINITY : LOW + i * WIDTH;
    }
}
