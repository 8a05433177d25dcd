package backprop.engine.layers.recurrent;

/**
 * σ and tanh for the cells. The result is defined as the dense layers define it: StrictMath in
 * double, rounded to float, so an LSTM gate and a sigmoid unit agree to the last bit and results
 * do not depend on the CPU.
 *
 * <p>Why not just call StrictMath: a char-LSTM step evaluates over a million gates, and
 * StrictMath's exp and tanh (portable fdlibm code) were a large part of the step. {@link #expNear}
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

    /**
     * Inputs beyond these go straight to StrictMath (σ is then within 2^-115 of 0 or 1, tanh
     * rounds to ±1): inside them the fast values are normal floats, no overflow can occur, and
     * the checks below need no special cases. NaN fails the comparison and goes there too.
     */
    private static final float SIGMOID_FAST_BELOW = 80f, TANH_FAST_BELOW = 20f;
    /** Below 2^(TANH_SMALLEST_EXPONENT − 1023) tanh's absolute margin exceeds a float's rounding room: StrictMath answers. */
    private static final int TANH_SMALLEST_EXPONENT = 1075 + TANH_ABSOLUTE_MARGIN_LOG2 - 28 + 1;

    static float sigmoid(float x) {
        if (!(Math.abs(x) < SIGMOID_FAST_BELOW)) return strictSigmoid(x);
        double s = 1.0 / (1.0 + expNear(-x));
        return awayFromHalfway(Double.doubleToRawLongBits(s), RELATIVE_MARGIN_ULPS) ? (float) s : strictSigmoid(x);
    }

    static float tanh(float x) {
        if (!(Math.abs(x) < TANH_FAST_BELOW)) return strictTanh(x);
        double t = 1.0 - 2.0 / (expNear(2.0 * x) + 1.0);
        long bits = Double.doubleToRawLongBits(t);
        int e = (int) (bits >>> 52) & 0x7ff;
        // The absolute margin 2^-44 is 2^(1031 − e) ulps of t, added to the relative one.
        if (e < TANH_SMALLEST_EXPONENT) return strictTanh(x);
        return awayFromHalfway(bits, RELATIVE_MARGIN_ULPS + (1L << (TANH_ABSOLUTE_MARGIN_LOG2 + 1075 - e))) ? (float) t : strictTanh(x);
    }

    /**
     * Whether every double within {@code margin} ulps of the one with these bits rounds to the
     * same float: a double has 29 more bits than a float, and the value is safe when those 29
     * bits are more than margin (below 2^27) from 1000…0, the halfway pattern. Shifting by
     * (halfway − margin) maps the unsafe window onto [0, 2·margin], modulo 2^29: three
     * operations. Only for values in a float's normal range (the input limits above see to it).
     */
    private static boolean awayFromHalfway(long bits, long margin) {
        return ((bits - (HALFWAY - margin)) & DROPPED_BITS) > 2 * margin;
    }

    private static final long HALFWAY = 0x1000_0000L, DROPPED_BITS = 0x1FFF_FFFFL;

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

    // ---------------------------------------------------------------- e^x in double, quickly

    /** The bits of 2^(j/64) for j = 0 … 63, each correctly rounded or within an ulp (StrictMath, so the same everywhere). */
    private static final long[] TWO_TO_J64 = new long[64];

    static {
        for (int j = 0; j < 64; j++) TWO_TO_J64[j] = Double.doubleToRawLongBits(StrictMath.pow(2.0, j / 64.0));
    }

    private static final double LOG2E_64 = 64 / Math.log(2), LN2_64_HI = 0x1.62e42fee00000p-7, LN2_64_LO = 0x1.a39ef35793c76p-39;
    /** 1.5 · 2^52: adding it rounds a double of magnitude below 2^51 to an integer, which then sits in the low bits. */
    private static final double ROUNDER = 0x1.8p52;

    /**
     * e^x for |x| &lt; 700 to within a few units in the last place of a double, the textbook way
     * (Tang's method): x = (64k + j)·ln2/64 + r with |r| ≤ ln2/128, so e^x = 2^k · 2^(j/64) · e^r,
     * and e^r by its Taylor polynomial to r⁵ (the next term is below 2^-53 of the result).
     * Written for a short chain of dependent operations, since a loop of these is limited by how
     * many calls the CPU can keep in flight: n = round(64x/ln2)
     * with the 1.5·2^52 trick (no conversion instructions); ln2/64 in two parts (the first with
     * 32 significant bits, so n times it is exact for every n reached here) to keep
     * x − n·ln2/64 accurate; the polynomial in two halves (Estrin) instead of one long Horner
     * chain; and 2^k put straight into the exponent bits of 2^(j/64), exact for these k.
     */
    static double expNear(double x) {
        double shifted = x * LOG2E_64 + ROUNDER;
        // The low 51 bits hold n in two's complement: n & 63 is j, and (bits >> 6) << 52 is k << 52
        // modulo 2^64 (the exponent field above shifts out), which is all the addition below needs.
        long n = Double.doubleToRawLongBits(shifted);
        double nd = shifted - ROUNDER;
        double r = (x - nd * LN2_64_HI) - nd * LN2_64_LO;
        double r2 = r * r;
        double p = (1 + r) + r2 * ((0.5 + r * (1.0 / 6)) + r2 * (1.0 / 24 + r * (1.0 / 120)));
        return Double.longBitsToDouble(TWO_TO_J64[(int) n & 63] + ((n >> 6) << 52)) * p;
    }

    /** The definitions the fast paths must reproduce. */
    static float strictSigmoid(float x) { return (float) (1.0 / (1.0 + StrictMath.exp(-x))); }

    static float strictTanh(float x) { return (float) StrictMath.tanh(x); }
}
