package backprop.engine.layers.recurrent;

/**
 * σ and tanh for the cells. The result is defined as the dense layers define it: StrictMath in
 * double, rounded to float, so an LSTM gate and a sigmoid unit agree to the last bit and results
 * do not depend on the CPU.
 *
 * <p>Why not just call StrictMath: a char-LSTM step evaluates over a million gates, and
 * StrictMath's exp and tanh (portable fdlibm code) were a large part of the step. {@link #exp}
 * below is several times faster but may differ from StrictMath in the last bits of the double.
 * Both are within a few ulps of the exact value (StrictMath's tanh within 2.5), so after the same
 * few double operations the fast value is within a tiny, known distance of the StrictMath value.
 * Rounding to float erases that difference unless the value lies within that distance of a
 * point halfway between two floats; only then (about once in ten million calls, and for NaN)
 * the StrictMath formula is evaluated. The float returned is therefore always exactly the
 * StrictMath one; NonlinearTest checks this over millions of inputs.
 */
final class Nonlinear {
    private Nonlinear() {}

    /**
     * How far (in units of the double's last place) the fast value must lie from the halfway
     * point between two floats: 2^13 ulps is a relative 2^-39, far above the ~2^-49 by which the
     * fast and StrictMath values can differ.
     */
    private static final long RELATIVE_MARGIN_ULPS = 1L << 13;
    /** log2 of tanh's absolute margin: 1 − 2/(e^{2x} + 1) is accurate to about 2^-50 absolutely, not relatively. */
    private static final int TANH_ABSOLUTE_MARGIN_LOG2 = -44;

    static float sigmoid(float x) {
        double s = 1.0 / (1.0 + exp(-x));
        return safelyRounded(s, Integer.MIN_VALUE) ? (float) s : strictSigmoid(x);
    }

    static float tanh(float x) {
        double t = 1.0 - 2.0 / (exp(2.0 * x) + 1.0);
        return safelyRounded(t, TANH_ABSOLUTE_MARGIN_LOG2) ? (float) t : strictTanh(x);
    }

    /**
     * {@code to[toOff + j] = σ(from[fromOff + j])} for j &lt; len, the same floats as {@link #sigmoid(float)}
     * (in place when both are the same slice). A whole block of gates in one tight loop: the
     * LSTM's i | f | o blocks lie side by side, so one call covers them.
     */
    static void sigmoid(float[] from, int fromOff, float[] to, int toOff, int len) {
        for (int j = 0; j < len; j++) to[toOff + j] = sigmoid(from[fromOff + j]);
    }

    /** {@code to[toOff + j] = tanh(from[fromOff + j])} for j &lt; len, as {@link #tanh(float)}. */
    static void tanh(float[] from, int fromOff, float[] to, int toOff, int len) {
        for (int j = 0; j < len; j++) to[toOff + j] = tanh(from[fromOff + j]);
    }

    /**
     * Whether every double near {@code v} (within the relative margin, and within 2^absLog2
     * absolutely) rounds to the same float as v. A double has 29 more bits than a float; v is
     * safe when those 29 bits are far from 1000…0, the halfway pattern. False for values in the
     * float's subnormal range, infinities and NaN, which StrictMath then answers.
     */
    static boolean safelyRounded(double v, int absLog2) {
        long bits = Double.doubleToRawLongBits(v);
        int e = (int) ((bits >>> 52) & 0x7ff);
        if (e < 1023 - 126 || e == 0x7ff) return false;
        long distance = Math.abs((bits & 0x1FFF_FFFFL) - 0x1000_0000L);
        long margin = RELATIVE_MARGIN_ULPS;
        if (absLog2 != Integer.MIN_VALUE) {
            int shift = absLog2 + 1075 - e;   // the absolute margin in ulps of v is 2^shift
            if (shift >= 28) return false;
            if (shift >= 0) margin += 1L << shift;
        }
        return distance > margin;
    }

    // ---------------------------------------------------------------- e^x in double, quickly

    /** 2^(j/64) for j = 0 … 63, each correctly rounded or within an ulp (StrictMath, so the same everywhere). */
    private static final double[] TWO_TO_J64 = new double[64];

    static {
        for (int j = 0; j < 64; j++) TWO_TO_J64[j] = StrictMath.pow(2.0, j / 64.0);
    }

    private static final double LOG2E_64 = 64 / Math.log(2), LN2_64_HI = 0x1.62e42fee00000p-7, LN2_64_LO = 0x1.a39ef35793c76p-39;

    /**
     * e^x to within a few units in the last place of a double, the textbook way (Tang's
     * method): x = (64k + j)·ln2/64 + r with |r| ≤ ln2/128, so e^x = 2^k · 2^(j/64) · e^r, and
     * e^r by its Taylor polynomial to r⁵ (the next term is below 2^-53 of the result). The
     * ln2/64 is split in two parts (the first with 32 significant bits, so n times it is exact for
     * every n reached here) to keep x − n·ln2/64 accurate. Outside ±700 (and for NaN) it
     * defers to Math.exp; the callers' rounding check covers the rest.
     */
    static double exp(double x) {
        if (!(Math.abs(x) < 700)) return Math.exp(x);
        double nd = Math.rint(x * LOG2E_64);
        int n = (int) nd;
        double r = (x - nd * LN2_64_HI) - nd * LN2_64_LO;
        double p = 1 + r * (1 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120)))));
        int j = n & 63, k = n >> 6;   // floor division, also for negative n
        return Double.longBitsToDouble((long) (k + 1023) << 52) * TWO_TO_J64[j] * p;
    }

    /** The definitions the fast paths must reproduce. */
    static float strictSigmoid(float x) { return (float) (1.0 / (1.0 + StrictMath.exp(-x))); }

    static float strictTanh(float x) { return (float) StrictMath.tanh(x); }

    /**
     * Whether every double within {@code margin} of {@code v} rounds to the same float {@code f}:
     * v is farther than the margin from both midpoints next to f (exact in double, since a
     * float's neighbours and their mean have few enough bits). False for NaN.
     */
    static boolean safelyRounded(double v, float f, double margin) {
        double below = ((double) f + (double) Math.nextDown(f)) * 0.5;
        double above = ((double) f + (double) Math.nextUp(f)) * 0.5;
        return v - below > margin && above - v > margin;
    }
}
