package backprop.engine.train;

/**
 * The sums the per-layer statistics need, over whole weight and gradient arrays. Each keeps eight
 * running sums in double, written out as eight locals: one sum would wait on the previous add
 * for every element (latency bound); eight independent ones keep the floating-point units
 * busy. The order of the additions is fixed, so the result has the same bits every run. A sum is
 * not finite if any value is not.
 */
final class Reductions {
    private Reductions() {}

    /** Σ v². */
    static double sumOfSquares(float[] v) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int n = v.length, i = 0;
        for (; i + 7 < n; i += 8) {
            s0 += (double) v[i] * v[i];
            s1 += (double) v[i + 1] * v[i + 1];
            s2 += (double) v[i + 2] * v[i + 2];
            s3 += (double) v[i + 3] * v[i + 3];
            s4 += (double) v[i + 4] * v[i + 4];
            s5 += (double) v[i + 5] * v[i + 5];
            s6 += (double) v[i + 6] * v[i + 6];
            s7 += (double) v[i + 7] * v[i + 7];
        }
        for (; i < n; i++) {
            s0 += (double) v[i] * v[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** Copies v into {@code to} and returns Σ v², in one pass. */
    static double copyAndSumSquares(float[] v, float[] to) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int n = v.length, i = 0;
        for (; i + 7 < n; i += 8) {
            to[i] = v[i];
            to[i + 1] = v[i + 1];
            to[i + 2] = v[i + 2];
            to[i + 3] = v[i + 3];
            to[i + 4] = v[i + 4];
            to[i + 5] = v[i + 5];
            to[i + 6] = v[i + 6];
            to[i + 7] = v[i + 7];
            s0 += (double) v[i] * v[i];
            s1 += (double) v[i + 1] * v[i + 1];
            s2 += (double) v[i + 2] * v[i + 2];
            s3 += (double) v[i + 3] * v[i + 3];
            s4 += (double) v[i + 4] * v[i + 4];
            s5 += (double) v[i + 5] * v[i + 5];
            s6 += (double) v[i + 6] * v[i + 6];
            s7 += (double) v[i + 7] * v[i + 7];
        }
        for (; i < n; i++) {
            to[i] = v[i];
            s0 += (double) v[i] * v[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** Σ (a − b)². */
    static double sumSquaredDifferences(float[] a, float[] b) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int n = a.length, i = 0;
        for (; i + 7 < n; i += 8) {
            s0 += sq((double) a[i] - b[i]);
            s1 += sq((double) a[i + 1] - b[i + 1]);
            s2 += sq((double) a[i + 2] - b[i + 2]);
            s3 += sq((double) a[i + 3] - b[i + 3]);
            s4 += sq((double) a[i + 4] - b[i + 4]);
            s5 += sq((double) a[i + 5] - b[i + 5]);
            s6 += sq((double) a[i + 6] - b[i + 6]);
            s7 += sq((double) a[i + 7] - b[i + 7]);
        }
        for (; i < n; i++) {
            s0 += sq((double) a[i] - b[i]);
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    private static double sq(double d) { return d * d; }
}
