package backprop.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.engine.backend.java.Im2col;
import backprop.engine.backend.java.JavaConv;
import backprop.engine.backend.java.JavaGemm;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The two ways of computing a convolution agree: the reference's nested loops of the definition
 * ({@link JavaConv}) and the lowering to matrix products that native backends use (im2col, a
 * gemm per image, col2im for the data gradient), here with the Java gemm, so the lowering itself
 * is what is tested. They add the same products in different orders, so they agree to float
 * rounding, not bit for bit.
 */
class Im2colAgreementTest {

    private static final ConvShape[] SHAPES = {
            ConvShape.of(2, 1, 28, 28, 6, 5, 1, 2),   // LeNet's first layer
            ConvShape.of(2, 6, 14, 14, 16, 5, 1, 0),  // and its second
            ConvShape.of(3, 3, 7, 9, 4, 3, 2, 1),     // odd sizes, stride and padding
            new ConvShape(1, 2, 6, 5, 3, 2, 3, 1, 2, 1, 0), // a non-square kernel and strides
            ConvShape.of(2, 4, 5, 5, 2, 1, 1, 0),     // 1×1
            ConvShape.of(1, 2, 4, 4, 2, 3, 2, 3)};    // padding wider than the kernel reaches: whole rows and columns outside

    @Test
    void forwardAndBothGradientsAgree() {
        Random r = new Random(3);
        for (ConvShape g : SHAPES) {
            float[] x = JavaKernelsTest.random(r, g.inputSize()), w = JavaKernelsTest.random(r, g.filterSize()), dy = JavaKernelsTest.random(r, g.outputSize());
            float[] loops = new float[g.outputSize()], lowered = new float[g.outputSize()];
            JavaConv.forward(g, x, w, loops);
            im2colForward(g, x, w, lowered);
            close(loops, lowered, g.c() * g.r() * g.s(), "forward " + g);
            float[] dxLoops = new float[g.inputSize()], dxLowered = new float[g.inputSize()];
            JavaConv.backwardData(g, dy, w, dxLoops);
            im2colBackwardData(g, dy, w, dxLowered);
            close(dxLoops, dxLowered, g.k() * g.r() * g.s(), "backward data " + g);
            float[] dwLoops = new float[g.filterSize()], dwLowered = new float[g.filterSize()];
            JavaConv.backwardFilter(g, x, dy, dwLoops);
            im2colBackwardFilter(g, x, dy, dwLowered);
            close(dwLoops, dwLowered, g.n() * g.outH() * g.outW(), "backward filter " + g);
        }
    }

    /** Equal within float rounding of a sum of {@code terms} products of numbers below 1. */
    private static void close(float[] expected, float[] actual, int terms, String what) {
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], 1e-6f * terms + 1e-6f * Math.abs(expected[i]), what + " at " + i);
    }

    private static void im2colForward(ConvShape g, float[] x, float[] w, float[] y) {
        int rows = Im2col.rows(g), cols = Im2col.cols(g);
        float[] col = new float[rows * cols];
        for (int n = 0; n < g.n(); n++) {
            Im2col.im2col(g, x, n, col);
            JavaGemm.gemm(false, false, g.k(), cols, rows, 1f, w, 0, rows, col, 0, cols, 0f, y, n * g.k() * cols, cols);
        }
    }

    private static void im2colBackwardData(ConvShape g, float[] dy, float[] w, float[] dx) {
        int rows = Im2col.rows(g), cols = Im2col.cols(g);
        float[] col = new float[rows * cols];
        for (int n = 0; n < g.n(); n++) {
            JavaGemm.gemm(true, false, rows, cols, g.k(), 1f, w, 0, rows, dy, n * g.k() * cols, cols, 0f, col, 0, cols);
            Im2col.col2im(g, col, dx, n);
        }
    }

    private static void im2colBackwardFilter(ConvShape g, float[] x, float[] dy, float[] dw) {
        int rows = Im2col.rows(g), cols = Im2col.cols(g);
        float[] col = new float[rows * cols];
        for (int n = 0; n < g.n(); n++) {
            Im2col.im2col(g, x, n, col);
            JavaGemm.gemm(false, true, g.k(), rows, cols, 1f, dy, n * g.k() * cols, cols, col, 0, cols, n == 0 ? 0f : 1f, dw, 0, rows);
        }
    }
}
