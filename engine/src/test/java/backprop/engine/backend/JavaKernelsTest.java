package backprop.engine.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.engine.backend.java.JavaConv;
import backprop.engine.backend.java.JavaPool;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reference kernels against hand-worked examples and against each other (the backward passes are the forward's adjoints). */
class JavaKernelsTest {

    @Test
    void convolutionOfAHandWorkedExample() {
        // 1 image, 1 channel 3×3, one 2×2 filter, stride 1, no padding: each output is a 2×2 window's weighted sum.
        ConvShape g = ConvShape.of(1, 1, 3, 3, 1, 2, 1, 0);
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9}, w = {1, 0, 0, -1}, y = new float[4];
        JavaConv.forward(g, x, w, y);
        assertArrayEquals(new float[] {1 - 5, 2 - 6, 4 - 8, 5 - 9}, y);
        // Padding 1, stride 2: the corner output sees only x[0,0] under w[1,1]; the last sees 5 and 9.
        ConvShape padded = ConvShape.of(1, 1, 3, 3, 1, 2, 2, 1);
        float[] yp = new float[padded.outputSize()];
        JavaConv.forward(padded, x, w, yp);
        assertArrayEquals(new float[] {-1, -3, -7, 5 - 9}, yp);
    }

    /** ⟨conv(x, w), dy⟩ = ⟨x, backwardData(dy, w)⟩ = ⟨w, backwardFilter(x, dy)⟩: the three loops agree. */
    @Test
    void backwardPassesAreTheAdjointsOfTheForwardPass() {
        Random r = new Random(7);
        for (ConvShape g : new ConvShape[] {new ConvShape(2, 3, 7, 6, 4, 3, 2, 2, 1, 1, 0), ConvShape.of(1, 2, 5, 5, 3, 3, 1, 2)}) {
            float[] x = random(r, g.inputSize()), w = random(r, g.filterSize()), dy = random(r, g.outputSize());
            float[] y = new float[g.outputSize()], dx = new float[g.inputSize()], dw = new float[g.filterSize()];
            JavaConv.forward(g, x, w, y);
            JavaConv.backwardData(g, dy, w, dx);
            JavaConv.backwardFilter(g, x, dy, dw);
            double ydy = dot(y, dy);
            assertEquals(ydy, dot(x, dx), 1e-4 * Math.abs(ydy) + 1e-4);
            assertEquals(ydy, dot(w, dw), 1e-4 * Math.abs(ydy) + 1e-4);
        }
    }

    @Test
    void poolingOfAHandWorkedExample() {
        PoolShape g = PoolShape.of(1, 1, 2, 4, 2, 2);
        float[] x = {1, 5, 2, 2, 3, 4, 8, 0}, y = new float[2], dx = new float[8];
        JavaPool.maxForward(g, x, y);
        assertArrayEquals(new float[] {5, 8}, y);
        JavaPool.maxBackward(g, x, new float[] {10, 20}, dx);
        assertArrayEquals(new float[] {0, 10, 0, 0, 0, 0, 20, 0}, dx);
        JavaPool.maxForward(g, new float[] {2, 2, 2, 2, 2, 2, 2, 2}, y);
        JavaPool.maxBackward(g, new float[] {2, 2, 2, 2, 2, 2, 2, 2}, new float[] {1, 1}, dx);
        assertArrayEquals(new float[] {1, 0, 1, 0, 0, 0, 0, 0}, dx, "ties go to the first value of the window");
        JavaPool.avgForward(g, x, y);
        assertArrayEquals(new float[] {13 / 4f, 12 / 4f}, y);
        JavaPool.avgBackward(g, new float[] {4, 8}, dx);
        assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2}, dx);
    }

    static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = r.nextFloat() * 2 - 1;
        return a;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
        return s;
    }
}
