package backprop.engine.backend.java;

import backprop.engine.backend.PoolShape;
import java.util.Arrays;

/**
 * The reference pooling kernels, NCHW, as loops over windows. Max pooling passes each window's
 * gradient to its winner (the first largest value); average pooling shares it equally.
 */
public final class JavaPool {
    private JavaPool() {}

    public static void maxForward(PoolShape g, float[] x, float[] y) {
        int oh = g.outH(), ow = g.outW();
        for (int plane = 0; plane < g.n() * g.c(); plane++)
            for (int p = 0; p < oh; p++)
                for (int q = 0; q < ow; q++)
                    y[(plane * oh + p) * ow + q] = x[winner(g, x, plane, p, q)];
    }

    public static void maxBackward(PoolShape g, float[] x, float[] dy, float[] dx) {
        int oh = g.outH(), ow = g.outW();
        Arrays.fill(dx, 0, g.inputSize(), 0f);
        for (int plane = 0; plane < g.n() * g.c(); plane++)
            for (int p = 0; p < oh; p++)
                for (int q = 0; q < ow; q++)
                    dx[winner(g, x, plane, p, q)] += dy[(plane * oh + p) * ow + q]; // += : windows may overlap
    }

    /** Index in x of the first largest value of window (p, q) of one plane. */
    private static int winner(PoolShape g, float[] x, int plane, int p, int q) {
        int best = -1;
        for (int r = 0; r < g.kh(); r++)
            for (int s = 0; s < g.kw(); s++) {
                int i = (plane * g.h() + p * g.strideH() + r) * g.w() + q * g.strideW() + s;
                if (best < 0 || x[i] > x[best]) best = i;
            }
        return best;
    }

    public static void avgForward(PoolShape g, float[] x, float[] y) {
        int oh = g.outH(), ow = g.outW();
        float size = g.kh() * g.kw();
        for (int plane = 0; plane < g.n() * g.c(); plane++)
            for (int p = 0; p < oh; p++)
                for (int q = 0; q < ow; q++) {
                    float sum = 0f;
                    for (int r = 0; r < g.kh(); r++)
                        for (int s = 0; s < g.kw(); s++)
                            sum += x[(plane * g.h() + p * g.strideH() + r) * g.w() + q * g.strideW() + s];
                    y[(plane * oh + p) * ow + q] = sum / size;
                }
    }

    public static void avgBackward(PoolShape g, float[] dy, float[] dx) {
        int oh = g.outH(), ow = g.outW();
        float size = g.kh() * g.kw();
        Arrays.fill(dx, 0, g.inputSize(), 0f);
        for (int plane = 0; plane < g.n() * g.c(); plane++)
            for (int p = 0; p < oh; p++)
                for (int q = 0; q < ow; q++) {
                    float share = dy[(plane * oh + p) * ow + q] / size;
                    for (int r = 0; r < g.kh(); r++)
                        for (int s = 0; s < g.kw(); s++)
                            dx[(plane * g.h() + p * g.strideH() + r) * g.w() + q * g.strideW() + s] += share;
                }
    }
}
