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
            for (int t = 0; t < in.taps; t++) {
                float[] shifted = in.tap(t);
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
            for (int t = 0; t < taps; t++) {
                float[] shifted = in.tap(t);
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
        private final float[] padded, shifted;

        Planes(ConvShape g) {
            this.g = g;
            taps = g.c() * g.r() * g.s();
            pw = g.w() + 2 * g.padW();
            plane = (g.h() + 2 * g.padH()) * pw;
            span = g.outH() * pw;
            padded = new float[g.c() * plane + g.s()];
            shifted = new float[span];
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
        float[] tap(int t) {
            int rs = g.r() * g.s();
            System.arraycopy(padded, t / rs * plane + t % rs / g.s() * pw + t % g.s(), shifted, 0, span);
            return shifted;
        }
    }

    /** acc[i] += a[i] · b[i], arrays of equal length. */
    private static void multiplyAdd(float[] acc, float[] a, float[] b) {
        for (int i = 0; i < acc.length; i++) acc[i] += a[i] * b[i];
    }

    /** acc[i] += wv · v[i], arrays of equal length. */
    private static void multiplyAdd(float[] acc, float wv, float[] v) {
        for (int i = 0; i < acc.length; i++) acc[i] += wv * v[i];
    }
}
