package backprop.engine.autodiff;

/**
 * e^x quickly, with float results that are exactly StrictMath's. The engine defines its
 * transcendental functions as StrictMath in double rounded to float, so results do not depend
 * on the CPU; StrictMath's exp (portable fdlibm code) is slow, and a softmax over 65 characters
 * at every step of a char-LSTM batch, or the LSTM's gates, call it hundreds of thousands of times.
 *
 * <p>{@link #near} is several times faster and within a few units in the last place of a
 * double, as StrictMath is, so the two lie within a tiny, known distance of each other. Rounding
 * to float erases that difference unless the value lies within that distance of a point halfway
 * between two floats ({@link #awayFromHalfway}); only then (about once in thirty thousand calls,
 * and outside the fast range) the StrictMath value is computed. The float returned is therefore
 * always the StrictMath one: ExactExpTest and NonlinearTest check it, and all 2^32 float inputs
 * were checked once by hand.
 */
public final class ExactExp {
    private ExactExp() {}

    /**
     * How far (in units of the double's last place) a fast value must lie from the halfway
     * point between two floats: 2^13 ulps is a relative 2^-39, far above the ~2^-49 by which the
     * fast and StrictMath values can differ.
     */
    public static final long RELATIVE_MARGIN_ULPS = 1L << 13;

    /** Inputs of {@link #expf} within ±87 give normal floats; beyond, StrictMath answers (NaN too). */
    private static final float EXPF_FAST_BELOW = 87f;

    /** {@code (float) StrictMath.exp(x)}, bit for bit. */
    public static float expf(float x) {
        if (!(Math.abs(x) < EXPF_FAST_BELOW)) return (float) StrictMath.exp(x);
        double e = near(x);
        return awayFromHalfway(Double.doubleToRawLongBits(e), RELATIVE_MARGIN_ULPS) ? (float) e : (float) StrictMath.exp(x);
    }

    /**
     * Whether every double within {@code margin} ulps of the one with these bits rounds to the
     * same float: a double has 29 more bits than a float, and the value is safe when those 29
     * bits are more than margin (below 2^27) from 1000…0, the halfway pattern. Shifting by
     * (halfway − margin) maps the unsafe window onto [0, 2·margin], modulo 2^29: three
     * operations. Only for values in a float's normal range (callers limit their inputs so).
     */
    public static boolean awayFromHalfway(long bits, long margin) {
        return ((bits - (HALFWAY - margin)) & DROPPED_BITS) > 2 * margin;
    }

    private static final long HALFWAY = 0x1000_0000L, DROPPED_BITS = 0x1FFF_FFFFL;

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
     * many calls the CPU can keep in flight: n = round(64x/ln2) with the 1.5·2^52 trick (no
     * conversion instructions); ln2/64 in two parts (the first with 32 significant bits, so n
     * times it is exact for every n reached here) to keep x − n·ln2/64 accurate; the polynomial
     * in two halves (Estrin) instead of one long Horner chain; and 2^k put straight into the
     * exponent bits of 2^(j/64), exact for these k.
     */
    public static double near(double x) {
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
}
