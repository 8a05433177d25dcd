package backprop.engine.backend.java;

import backprop.engine.backend.PoolShape;
import java.util.Arrays;

/**
 * Pooling when the windows tile the image (window size equal to the stride, LeNet's 2×2 with
 * stride 2), with {@link JavaPool}'s reference loops for every other shape. Tiles do not
 * overlap, so each input pixel belongs to at most one window: the backward pass can write each
 * pixel once instead of clearing dx and adding into it, and each window is walked from its
 * top-left pixel with plain offsets instead of recomputing a full index per element (in a
 * LeNet step the reference kernels' index arithmetic took a third of the Java time).
 *
 * <p>The numbers are JavaPool's, bit for bit (TiledPoolTest): the same window order, the same
 * strict {@code >} so the first largest value wins, the same sums in the same order, and
 * {@code 0f + g} where the reference adds g into a cleared dx (so a −0 gradient lands as +0
 * there too).
 */
public final class TiledPool {
    private TiledPool() {}

    /** Whether the windows tile the image: each pixel lies in at most one window. */
    public static boolean tiles(PoolShape g) {
        return g.kh() == g.strideH() && g.kw() == g.strideW();
    }

    public static void maxForward(PoolShape g, float[] x, float[] y) {
        if (!tiles(g)) {
            JavaPool.maxForward(g, x, y);
            return;
        }
        int oh = g.outH(), ow = g.outW(), h = g.h(), w = g.w(), kh = g.kh(), kw = g.kw();
        int o = 0;
        for (int plane = 0; plane < g.n() * g.c(); plane++)
            for (int p = 0; p < oh; p++) {
                int corner = (plane * h + p * kh) * w; // window (p, 0)'s top-left pixel
                for (int q = 0; q < ow; q++, corner += kw) {
                    float top = largest(x, corner, w, kh, kw);
                    y[o++] = top == top ? top : x[winner(x, corner, w, kh, kw)];
                }
            }
    }

    public static void maxBackward(PoolShape g, float[] x, float[] dy, float[] dx) {
        if (!tiles(g)) {
            JavaPool.maxBackward(g, x, dy, dx);
            return;
        }
        Arrays.fill(dx, 0, g.inputSize(), 0f); // one clear of the whole array, then one write per window
        int oh = g.outH(), ow = g.outW(), h = g.h(), w = g.w(), kh = g.kh(), kw = g.kw();
        int o = 0;
        for (int plane = 0; plane < g.n() * g.c(); plane++)
            for (int p = 0; p < oh; p++) {
                int corner = (plane * h + p * kh) * w;
                for (int q = 0; q < ow; q++, corner += kw) {
                    float top = largest(x, corner, w, kh, kw);
                    int best = top == top ? firstEqual(x, corner, w, kh, kw, top) : winner(x, corner, w, kh, kw);
                    dx[best] = 0f + dy[o++];
                }
            }
    }

    /**
     * The window's largest value by {@link Math#max}, which the JIT computes without a branch,
     * or NaN when that may differ from the reference's "first largest": when the window holds a
     * NaN (Math.max would pass it on; the reference skips NaNs after the first pixel) or a −0
     * (Math.max prefers +0; the reference keeps whichever zero came first). Otherwise the
     * largest value's bits are the first largest pixel's bits: equal floats other than ±0 have
     * equal bits. A branch on which pixel is larger is a coin toss on real feature maps and
     * mispredicted half the time; the branches here are almost never taken.
     */
    private static float largest(float[] x, int corner, int w, int kh, int kw) {
        if (kh == 2 && kw == 2) return largest2x2(x, corner, w);
        float top = Float.NEGATIVE_INFINITY;
        boolean plain = true;
        for (int r = 0, row = corner; r < kh; r++, row += w)
            for (int i = row; i < row + kw; i++) {
                float v = x[i];
                top = Math.max(top, v);
                plain &= v == v & notNegativeZero(v);
            }
        return plain ? top : Float.NaN;
    }

    /** {@link #largest} written out for the usual 2×2 window (a third faster than the loops). */
    private static float largest2x2(float[] x, int corner, int w) {
        float a = x[corner], b = x[corner + 1], c = x[corner + w], d = x[corner + w + 1];
        float top = Math.max(Math.max(a, b), Math.max(c, d));
        boolean plain = top == top & notNegativeZero(a) & notNegativeZero(b) & notNegativeZero(c) & notNegativeZero(d);
        return plain ? top : Float.NaN;
    }

    private static boolean notNegativeZero(float v) { return Float.floatToRawIntBits(v) != NEGATIVE_ZERO; }

    private static final int NEGATIVE_ZERO = 0x80000000;

    /**
     * Index of the first pixel of the window whose bits equal {@code top}'s, without a branch:
     * walking the window backwards, each match replaces the answer, so the first one wins.
     */
    private static int firstEqual(float[] x, int corner, int w, int kh, int kw, float top) {
        int bits = Float.floatToRawIntBits(top), best = corner;
        if (kh == 2 && kw == 2) { // the usual window, written out
            best = pick(best, corner + w + 1, x, bits);
            best = pick(best, corner + w, x, bits);
            best = pick(best, corner + 1, x, bits);
            return pick(best, corner, x, bits);
        }
        for (int r = kh - 1, row = corner + r * w; r >= 0; r--, row -= w)
            for (int i = row + kw - 1; i >= row; i--) best = pick(best, i, x, bits);
        return best;
    }

    /** i if x[i]'s bits are {@code bits}, else best; by masks, not a branch. */
    private static int pick(int best, int i, float[] x, int bits) {
        int differ = Float.floatToRawIntBits(x[i]) ^ bits;
        int keep = (differ | -differ) >> 31; // all ones where the bits differ, 0 where equal
        return best & keep | i & ~keep;
    }

    /** The reference's rule, for the windows {@link #largest} leaves to it: the first pixel larger than all before it. */
    private static int winner(float[] x, int corner, int w, int kh, int kw) {
        int best = corner;
        for (int r = 0, row = corner; r < kh; r++, row += w)
            for (int i = row; i < row + kw; i++) if (x[i] > x[best]) best = i;
        return best;
    }

    /** Sets every pixel of the window at {@code corner} to v (plain loops: windows are a few pixels wide). */
    private static void fill(float[] dx, int corner, int w, int kh, int kw, float v) {
        for (int r = 0, row = corner; r < kh; r++, row += w)
            for (int i = row; i < row + kw; i++) dx[i] = v;
    }

    public static void avgForward(PoolShape g, float[] x, float[] y) {
        if (!tiles(g)) {
            JavaPool.avgForward(g, x, y);
            return;
        }
        int oh = g.outH(), ow = g.outW(), h = g.h(), w = g.w(), kh = g.kh(), kw = g.kw();
        float size = kh * kw;
        int o = 0;
        for (int plane = 0; plane < g.n() * g.c(); plane++)
            for (int p = 0; p < oh; p++) {
                int corner = (plane * h + p * kh) * w;
                for (int q = 0; q < ow; q++, corner += kw) {
                    float sum = 0f;
                    for (int r = 0, row = corner; r < kh; r++, row += w)
                        for (int i = row; i < row + kw; i++) sum += x[i];
                    y[o++] = sum / size;
                }
            }
    }

    public static void avgBackward(PoolShape g, float[] dy, float[] dx) {
        if (!tiles(g)) {
            JavaPool.avgBackward(g, dy, dx);
            return;
        }
        clearUncovered(g, dx);
        int oh = g.outH(), ow = g.outW(), h = g.h(), w = g.w(), kh = g.kh(), kw = g.kw();
        float size = kh * kw;
        int o = 0;
        for (int plane = 0; plane < g.n() * g.c(); plane++)
            for (int p = 0; p < oh; p++) {
                int corner = (plane * h + p * kh) * w;
                for (int q = 0; q < ow; q++, corner += kw) {
                    float share = 0f + dy[o++] / size;
                    fill(dx, corner, w, kh, kw, share);
                }
            }
    }

    /**
     * When the tiles do not reach the image's last rows or columns (a 5-pixel side pooled by 2),
     * those pixels belong to no window and get zero gradient: clear dx first. When they cover
     * it all, every pixel is written by its own window.
     */
    private static void clearUncovered(PoolShape g, float[] dx) {
        if (g.outH() * g.kh() != g.h() || g.outW() * g.kw() != g.w()) Arrays.fill(dx, 0, g.inputSize(), 0f);
    }
}
