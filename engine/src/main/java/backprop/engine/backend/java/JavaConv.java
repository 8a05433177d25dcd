package backprop.engine.backend.java;

import backprop.engine.backend.ConvShape;

/**
 * The reference 2-D convolution (strictly, cross-correlation, as every framework computes it)
 * written as the nested loops of its definition, NCHW, filters KCRS:
 *
 * <pre>y[n,k,p,q] = Σ_c Σ_r Σ_s x[n, c, p·stride + r − pad, q·stride + s − pad] · w[k,c,r,s]</pre>
 *
 * where x is zero outside the image (zero padding). The two backward passes are the same loops
 * with the roles swapped: each product x·w that made y sends dy·w back to x and dy·x to w.
 */
public final class JavaConv {
    private JavaConv() {}

    public static void forward(ConvShape g, float[] x, float[] w, float[] y) {
        int oh = g.outH(), ow = g.outW();
        for (int n = 0; n < g.n(); n++)
            for (int k = 0; k < g.k(); k++)
                for (int p = 0; p < oh; p++)
                    for (int q = 0; q < ow; q++) {
                        float sum = 0f;
                        for (int c = 0; c < g.c(); c++)
                            for (int r = 0; r < g.r(); r++) {
                                int row = p * g.strideH() + r - g.padH();
                                if (row < 0 || row >= g.h()) continue; // a padding row: zeros
                                for (int s = 0; s < g.s(); s++) {
                                    int col = q * g.strideW() + s - g.padW();
                                    if (col < 0 || col >= g.w()) continue;
                                    sum += x[xi(g, n, c, row, col)] * w[wi(g, k, c, r, s)];
                                }
                            }
                        y[yi(g, n, k, p, q, oh, ow)] = sum;
                    }
    }

    /** dx[n,c,row,col] = Σ over the outputs that used x[n,c,row,col] of dy · the weight it met. */
    public static void backwardData(ConvShape g, float[] dy, float[] w, float[] dx) {
        int oh = g.outH(), ow = g.outW();
        java.util.Arrays.fill(dx, 0, g.inputSize(), 0f);
        for (int n = 0; n < g.n(); n++)
            for (int k = 0; k < g.k(); k++)
                for (int p = 0; p < oh; p++)
                    for (int q = 0; q < ow; q++) {
                        float d = dy[yi(g, n, k, p, q, oh, ow)];
                        for (int c = 0; c < g.c(); c++)
                            for (int r = 0; r < g.r(); r++) {
                                int row = p * g.strideH() + r - g.padH();
                                if (row < 0 || row >= g.h()) continue;
                                for (int s = 0; s < g.s(); s++) {
                                    int col = q * g.strideW() + s - g.padW();
                                    if (col < 0 || col >= g.w()) continue;
                                    dx[xi(g, n, c, row, col)] += d * w[wi(g, k, c, r, s)];
                                }
                            }
                    }
    }

    /** dw[k,c,r,s] = Σ_n Σ_p Σ_q dy[n,k,p,q] · the input pixel that weight met at (p, q). */
    public static void backwardFilter(ConvShape g, float[] x, float[] dy, float[] dw) {
        int oh = g.outH(), ow = g.outW();
        for (int k = 0; k < g.k(); k++)
            for (int c = 0; c < g.c(); c++)
                for (int r = 0; r < g.r(); r++)
                    for (int s = 0; s < g.s(); s++) {
                        float sum = 0f;
                        for (int n = 0; n < g.n(); n++)
                            for (int p = 0; p < oh; p++) {
                                int row = p * g.strideH() + r - g.padH();
                                if (row < 0 || row >= g.h()) continue;
                                for (int q = 0; q < ow; q++) {
                                    int col = q * g.strideW() + s - g.padW();
                                    if (col < 0 || col >= g.w()) continue;
                                    sum += dy[yi(g, n, k, p, q, oh, ow)] * x[xi(g, n, c, row, col)];
                                }
                            }
                        dw[wi(g, k, c, r, s)] = sum;
                    }
    }

    private static int xi(ConvShape g, int n, int c, int row, int col) { return ((n * g.c() + c) * g.h() + row) * g.w() + col; }
    private static int wi(ConvShape g, int k, int c, int r, int s) { return ((k * g.c() + c) * g.r() + r) * g.s() + s; }
    private static int yi(ConvShape g, int n, int k, int p, int q, int oh, int ow) { return ((n * g.k() + k) * oh + p) * ow + q; }
}
