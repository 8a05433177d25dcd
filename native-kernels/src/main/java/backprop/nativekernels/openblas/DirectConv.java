package backprop.nativekernels.openblas;

import backprop.engine.backend.ConvShape;
import java.util.Arrays;

/**
 * The forward pass and the filter gradient of a thin convolution (few taps c·r·s, stride 1, a network's first layer:
 * LeNet's 1×5×5) as loops over whole image planes, without im2col or BLAS.
 *
 * <p>Why: im2col copies each pixel c·r·s times (25 for LeNet's first layer, 5 MB for a batch of
 * 64), the copy goes off-heap, and a product with only 25 terms per output cannot pay for those
 * passes. Here each image is padded once into a plane of width {@code w + 2·pad}; with stride 1,
 * the pixels tap (c, r, s) meets, over all outputs, form that plane shifted by
 * {@code r·width + s}, so each tap is one long multiply-add of a plane, which the JIT
 * vectorises. Outputs are computed for the padded width (the extra columns are thrown away).
 *
 * <p>Each output is 0 + the products in (c, r, s) order, the reference loop's order
 * ({@code JavaConv.forward}); taps on the padding add w·0, which changes no sum unless a weight
 * is infinite or NaN (as in im2col + gemm, which multiplies the padding too). Deterministic: a
 * fixed order, one thread, no fused multiply-add.
 */
final class DirectConv {
    private DirectConv() {}

    /** Thin enough for this path: at most this many taps per output. */
    static final int MAX_TAPS = 32;

    /** Whether {@link #forward} handles this shape. */
    static boolean applies(ConvShape g) {
        return g.strideH() == 1 && g.strideW() == 1 && (long) g.c() * g.r() * g.s() <= MAX_TAPS;
    }

    static void forward(ConvShape g, float[] x, float[] w, float[] y) {
        Planes in = new Planes(g);
        int k = g.k(), oh = g.outH(), ow = g.outW();
        float[][] acc = new float[k][in.span]; // filter f's outputs, padded width
        for (int n = 0; n < g.n(); n++) {
            in.load(x, n);
            for (float[] a : acc) Arrays.fill(a, 0f);
            // Four taps per pass over a filter's outputs: each output still adds its products in
            // tap order, one after another (the same floats), but is loaded and stored once per
            // four taps instead of once per tap.
            int t = 0;
            for (; t + 3 < in.taps; t += 4) {
                float[] s0 = in.tap(t, 0), s1 = in.tap(t + 1, 1), s2 = in.tap(t + 2, 2), s3 = in.tap(t + 3, 3);
                for (int f = 0; f < k; f++) {
                    int at = f * in.taps + t;
                    multiplyAdd4(acc[f], w[at], s0, w[at + 1], s1, w[at + 2], s2, w[at + 3], s3);
                }
            }
            for (; t < in.taps; t++) {
                float[] shifted = in.tap(t, 0);
                for (int f = 0; f < k; f++) multiplyAdd(acc[f], w[f * in.taps + t], shifted);
            }
            for (int f = 0; f < k; f++)
                for (int p = 0; p < oh; p++) System.arraycopy(acc[f], p * in.pw, y, ((n * k + f) * oh + p) * ow, ow);
        }
    }

    /**
     * dw[f, t] = Σ_n Σ_(p,q) dy[n,f,p,q] · (the pixel tap t meets at (p, q)). The same shifted
     * planes as {@link #forward}; the sums are kept per position in one lane array per
     * (filter, tap), added over the images with vectorised loops, and each lane array is summed
     * at the end. dy is spread to the padded width with zeros in the thrown-away columns, so
     * those add nothing. The order (per position over the images, then over the positions)
     * differs from the reference's, so the last bits can too; it is fixed, so the result is the
     * same every run.
     */
    static void backwardFilter(ConvShape g, float[] x, float[] dy, float[] dw) {
        Planes in = new Planes(g);
        int k = g.k(), oh = g.outH(), ow = g.outW(), taps = in.taps;
        float[][] dyWide = new float[k][in.span]; // columns ow … pw−1 of each row stay 0
        float[][] lanes = new float[k * taps][in.span];
        for (int n = 0; n < g.n(); n++) {
            in.load(x, n);
            for (int f = 0; f < k; f++)
                for (int p = 0; p < oh; p++) System.arraycopy(dy, ((n * k + f) * oh + p) * ow, dyWide[f], p * in.pw, ow);
            int t = 0;
            for (; t + 3 < taps; t += 4) { // four taps per pass over dy, each lane array in its own order as before
                float[] s0 = in.tap(t, 0), s1 = in.tap(t + 1, 1), s2 = in.tap(t + 2, 2), s3 = in.tap(t + 3, 3);
                for (int f = 0; f < k; f++) {
                    int at = f * taps + t;
                    multiplyAdd4(dyWide[f], lanes[at], s0, lanes[at + 1], s1, lanes[at + 2], s2, lanes[at + 3], s3);
                }
            }
            for (; t < taps; t++) {
                float[] shifted = in.tap(t, 0);
                for (int f = 0; f < k; f++) multiplyAdd(lanes[f * taps + t], dyWide[f], shifted);
            }
        }
        for (int i = 0; i < k * taps; i++) {
            float sum = 0f;
            for (float v : lanes[i]) sum += v;
            dw[i] = sum;
        }
    }

    /** One image's padded channel planes and the shifted view of one tap, in arrays kept for the whole batch. */
    private static final class Planes {
        final ConvShape g;
        /** Taps c·r·s; padded row width; floats per padded plane; outputs per filter at the padded width. */
        final int taps, pw, plane, span;
        // The last tap of the last output row reads s − 1 entries past the last plane (thrown-away columns).
        private final float[] padded;
        /** Four shifted views, so four taps can be used in one pass. */
        private final float[][] shifted;

        Planes(ConvShape g) {
            this.g = g;
            taps = g.c() * g.r() * g.s();
            pw = g.w() + 2 * g.padW();
            plane = (g.h() + 2 * g.padH()) * pw;
            span = g.outH() * pw;
            padded = new float[g.c() * plane + g.s()];
            shifted = new float[4][span];
        }

        /** Image n's channels, each centred in its plane of zeros (the borders are never written). */
        void load(float[] x, int n) {
            int h = g.h(), wd = g.w();
            for (int ch = 0; ch < g.c(); ch++) {
                int src = (n * g.c() + ch) * h * wd, dst = ch * plane + g.padH() * pw + g.padW();
                for (int row = 0; row < h; row++) System.arraycopy(x, src + row * wd, padded, dst + row * pw, wd);
            }
        }

        /**
         * What tap t = (channel, r, s) meets at each output position: the planes from
         * r·pw + s on, copied to offset 0. The JIT does not vectorise a loop that reads one array
         * at another offset than it writes another (it cannot rule out that they are the same
         * array and overlap); with equal indices it does.
         */
        float[] tap(int t, int slot) {
            int rs = g.r() * g.s();
            System.arraycopy(padded, t / rs * plane + t % rs / g.s() * pw + t % g.s(), shifted[slot], 0, span);
            return shifted[slot];
        }
    }

    /** acc[i] += a[i] · b[i], arrays of equal length. */
    private static void multiplyAdd(float[] acc, float[] a, float[] b) {
        for (int i = 0; i < acc.length; i++) acc[i] += a[i] * b[i];
    }

    /** acc[i] = (((acc[i] + w0·s0[i]) + w1·s1[i]) + w2·s2[i]) + w3·s3[i]: four taps in order, one load and store of acc. */
    private static void multiplyAdd4(float[] acc, float w0, float[] s0, float w1, float[] s1, float w2, float[] s2, float w3, float[] s3) {
        for (int i = 0; i < acc.length; i++) {
            float a = acc[i];
            a += w0 * s0[i];
            a += w1 * s1[i];
            a += w2 * s2[i];
            a += w3 * s3[i];
            acc[i] = a;
        }
    }

    /** l0[i] += d[i]·s0[i], … l3[i] += d[i]·s3[i]: four lane arrays in one pass over d. */
    private static void multiplyAdd4(float[] d, float[] l0, float[] s0, float[] l1, float[] s1, float[] l2, float[] s2, float[] l3, float[] s3) {
        for (int i = 0; i < d.length; i++) {
            float v = d[i];
            l0[i] += v * s0[i];
            l1[i] += v * s1[i];
            l2[i] += v * s2[i];
            l3[i] += v * s3[i];
        }
    }

    /** acc[i] += wv · v[i], arrays of equal length. */
    private static void multiplyAdd(float[] acc, float wv, float[] v) {
        for (int i = 0; i < acc.length; i++) acc[i] += wv * v[i];
    }
}
