package backprop.nativekernels.openblas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.backend.ConvShape;
import backprop.engine.backend.java.JavaConv;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The plane-wise path for thin convolutions: its forward pass adds the same products in the
 * same order as the reference loops, so it equals them bit for bit; its filter gradient sums in
 * another (fixed) order, so it equals them within rounding and itself exactly from call to call.
 */
class DirectConvTest {

    /** LeNet's first layer, rectangular kernels and paddings, several channels, no padding. */
    private static final ConvShape[] THIN = {
            ConvShape.of(5, 1, 28, 28, 6, 5, 1, 2),
            new ConvShape(3, 2, 9, 11, 4, 3, 5, 1, 1, 1, 2),
            ConvShape.of(2, 3, 12, 10, 8, 3, 1, 1),
            ConvShape.of(2, 1, 7, 7, 3, 4, 1, 0)};

    @Test
    void appliesToStrideOneWithFewTaps() {
        for (ConvShape g : THIN) assertTrue(DirectConv.applies(g), g.toString());
        assertFalse(DirectConv.applies(ConvShape.of(1, 6, 14, 14, 16, 5, 1, 0)), "LeNet's second layer: 150 taps, gemm's job");
        assertFalse(DirectConv.applies(ConvShape.of(1, 1, 28, 28, 6, 5, 2, 2)), "stride 2");
    }

    @Test
    void forwardEqualsTheReferenceBitForBit() {
        Random r = new Random(21);
        for (ConvShape g : THIN) {
            float[] x = random(r, g.inputSize()), w = random(r, g.filterSize());
            float[] want = new float[g.outputSize()], got = random(r, g.outputSize()); // stale values must be overwritten
            JavaConv.forward(g, x, w, want);
            DirectConv.forward(g, x, w, got);
            for (int i = 0; i < want.length; i++)
                assertEquals(Float.floatToRawIntBits(want[i]), Float.floatToRawIntBits(got[i]), g + " output " + i + ": " + want[i] + " vs " + got[i]);
        }
    }

    @Test
    void filterGradientEqualsTheReferenceWithinRoundingAndRepeatsExactly() {
        Random r = new Random(22);
        for (ConvShape g : THIN) {
            float[] x = random(r, g.inputSize()), dy = random(r, g.outputSize());
            float[] want = new float[g.filterSize()], got = random(r, g.filterSize()), again = new float[g.filterSize()];
            JavaConv.backwardFilter(g, x, dy, want);
            DirectConv.backwardFilter(g, x, dy, got);
            DirectConv.backwardFilter(g, x, dy, again);
            int terms = g.n() * g.outH() * g.outW();
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], got[i], 1e-6f * terms + 1e-6f * Math.abs(want[i]), g + " dw " + i);
                assertEquals(Float.floatToRawIntBits(got[i]), Float.floatToRawIntBits(again[i]), g + " dw " + i + " differs between two calls");
            }
        }
    }

    private static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = r.nextFloat() * 2 - 1;
        return a;
    }
}
