package backprop.engine.layers.recurrent;

import backprop.engine.autodiff.ExactExp;

/**
 * σ and tanh for the cells. The result is defined as the dense layers define it: StrictMath in
 * double, rounded to float, so an LSTM gate and a sigmoid unit agree to the last bit and results
 * do not depend on the CPU.
 *
 * <p>Why not just call StrictMath: a char-LSTM step evaluates over a million gates, and
 * StrictMath's exp and tanh were a large part of the step. Here σ and tanh are a few double
 * operations on {@link ExactExp#near}, so the fast value is within a tiny, known distance of
 * the StrictMath formula's; the float is returned only when {@link ExactExp#awayFromHalfway}
 * proves both round to it, otherwise StrictMath answers. The float returned is therefore always
 * exactly the StrictMath one; NonlinearTest checks this over millions of inputs, and all 2^32
 * were checked once by hand.
 */
final class Nonlinear {
    private Nonlinear() {}

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
        double s = 1.0 / (1.0 + ExactExp.near(-x));
        return ExactExp.awayFromHalfway(Double.doubleToRawLongBits(s), ExactExp.RELATIVE_MARGIN_ULPS) ? (float) s : strictSigmoid(x);
    }

    static float tanh(float x) {
        if (!(Math.abs(x) < TANH_FAST_BELOW)) return strictTanh(x);
        double t = 1.0 - 2.0 / (ExactExp.near(2.0 * x) + 1.0);
        long bits = Double.doubleToRawLongBits(t);
        int e = (int) (bits >>> 52) & 0x7ff;
        // The absolute margin 2^-44 is 2^(1031 − e) ulps of t, added to the relative one.
        if (e < TANH_SMALLEST_EXPONENT) return strictTanh(x);
        return ExactExp.awayFromHalfway(bits, ExactExp.RELATIVE_MARGIN_ULPS + (1L << (TANH_ABSOLUTE_MARGIN_LOG2 + 1075 - e))) ? (float) t : strictTanh(x);
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

    /** The definitions the fast paths must reproduce. */
    static float strictSigmoid(float x) { return (float) (1.0 / (1.0 + StrictMath.exp(-x))); }

    static float strictTanh(float x) { return (float) StrictMath.tanh(x); }
}
