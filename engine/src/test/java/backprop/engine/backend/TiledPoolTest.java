package backprop.engine.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.backend.java.JavaPool;
import backprop.engine.backend.java.TiledPool;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tiled-window pooling kernels give the reference loops' numbers bit for bit: values with
 * many ties, ±0, NaN and infinities, sides the tiles do not cover, and dx arrays that start
 * dirty (the fast path no longer clears them first when the tiles cover the image).
 */
class TiledPoolTest {

    /** Tiling shapes: LeNet's two, a remainder row and column, 3×3, a 2×3 window, a 1×1 window. */
    private static final PoolShape[] TILED = {
            PoolShape.of(3, 6, 28, 28, 2, 2), PoolShape.of(2, 16, 10, 10, 2, 2), PoolShape.of(2, 3, 5, 7, 2, 2),
            PoolShape.of(1, 2, 9, 9, 3, 3), new PoolShape(2, 2, 6, 9, 2, 3, 2, 3), PoolShape.of(1, 1, 3, 4, 1, 1)};

    @Test
    void tilingIsWindowEqualToStride() {
        for (PoolShape g : TILED) assertTrue(TiledPool.tiles(g), g.toString());
        assertFalse(TiledPool.tiles(PoolShape.of(1, 1, 5, 5, 3, 2)), "overlapping windows");
        assertFalse(TiledPool.tiles(PoolShape.of(1, 1, 5, 5, 2, 3)), "gaps between windows");
    }

    @Test
    void maxPoolingEqualsTheReferenceBitForBit() {
        Random r = new Random(11);
        for (PoolShape g : TILED)
            for (int trial = 0; trial < 4; trial++) {
                float[] x = awkward(r, g.inputSize()), dy = awkward(r, g.outputSize());
                float[] y = new float[g.outputSize()], yRef = new float[g.outputSize()];
                TiledPool.maxForward(g, x, y);
                JavaPool.maxForward(g, x, yRef);
                assertBits(yRef, y, "max forward " + g);
                float[] dx = dirty(r, g.inputSize()), dxRef = new float[g.inputSize()];
                TiledPool.maxBackward(g, x, dy, dx);
                JavaPool.maxBackward(g, x, dy, dxRef);
                assertBits(dxRef, dx, "max backward " + g);
            }
    }

    @Test
    void averagePoolingEqualsTheReferenceBitForBit() {
        Random r = new Random(12);
        for (PoolShape g : TILED)
            for (int trial = 0; trial < 4; trial++) {
                float[] x = awkward(r, g.inputSize()), dy = awkward(r, g.outputSize());
                float[] y = new float[g.outputSize()], yRef = new float[g.outputSize()];
                TiledPool.avgForward(g, x, y);
                JavaPool.avgForward(g, x, yRef);
                assertBits(yRef, y, "avg forward " + g);
                float[] dx = dirty(r, g.inputSize()), dxRef = new float[g.inputSize()];
                TiledPool.avgBackward(g, dy, dx);
                JavaPool.avgBackward(g, dy, dxRef);
                assertBits(dxRef, dx, "avg backward " + g);
            }
    }

    @Test
    void overlappingWindowsFallBackToTheReference() {
        PoolShape g = PoolShape.of(1, 1, 3, 3, 2, 1);
        float[] x = {1, 9, 2, 3, 4, 5, 8, 6, 7}, y = new float[4], dx = new float[9];
        TiledPool.maxForward(g, x, y);
        assertArrayEquals(new float[] {9, 9, 8, 7}, y);
        TiledPool.maxBackward(g, x, new float[] {1, 2, 3, 4}, dx);
        assertArrayEquals(new float[] {0, 3, 0, 0, 0, 0, 3, 0, 4}, dx, "the 9 won two windows: their gradients add");
    }

    @Test
    void aNegativeZeroGradientLandsAsPositiveZeroLikeTheReference() {
        PoolShape g = PoolShape.of(1, 1, 2, 2, 2, 2);
        float[] dx = new float[4];
        TiledPool.maxBackward(g, new float[] {1, 2, 3, 4}, new float[] {-0f}, dx);
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(dx[3]));
    }

    /** Small integers (many ties), ±0, and now and then NaN or an infinity. */
    private static float[] awkward(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            int pick = r.nextInt(40);
            a[i] = switch (pick) {
                case 0 -> Float.NaN;
                case 1 -> Float.POSITIVE_INFINITY;
                case 2 -> Float.NEGATIVE_INFINITY;
                case 3 -> -0f;
                case 4 -> 0f;
                default -> pick < 20 ? r.nextInt(3) - 1 : r.nextFloat() * 2 - 1;
            };
        }
        return a;
    }

    private static float[] dirty(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = 100 + r.nextFloat();
        return a;
    }

    private static void assertBits(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++)
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]), what + " at " + i + ": " + expected[i] + " vs " + actual[i]);
    }
}
