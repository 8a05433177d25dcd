package backprop.engine.layers.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import backprop.engine.backend.Backend;
import backprop.engine.backend.JavaBackend;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The row-by-row input product for sparse inputs gives the dense product's numbers. */
class InputProductTest {
    static final int ROWS = 40, IN = 20, GW = 12;
    final Backend java = new JavaBackend();

    @Test
    void oneHotRowsSelectRowsOfUExactly() {
        Random r = new Random(3);
        float[] x = new float[ROWS * IN], u = random(IN * GW, r), act = new float[ROWS * GW];
        int[] hot = new int[ROWS];
        for (int row = 0; row < ROWS; row++) x[row * IN + (hot[row] = r.nextInt(IN))] = 1f;
        assertNotNull(InputProduct.sparse(x, IN));
        InputProduct.forward(InputProduct.sparse(x, IN), x, ROWS, IN, u, GW, act, java);
        for (int row = 0; row < ROWS; row++) {
            for (int j = 0; j < GW; j++) assertEquals(u[hot[row] * GW + j], act[row * GW + j], 0f);
        }
    }

    @Test
    void sparsePathsAgreeWithTheDenseProducts() {
        Random r = new Random(4);
        float[] x = new float[ROWS * IN];
        for (int row = 0; row < ROWS; row++) for (int k = 0; k < 3; k++) x[row * IN + r.nextInt(IN)] = (float) r.nextGaussian();
        float[] u = random(IN * GW, r), dPre = random(ROWS * GW, r);
        assertNotNull(InputProduct.sparse(x, IN));
        float[] act = new float[ROWS * GW], dense = new float[ROWS * GW];
        InputProduct.forward(InputProduct.sparse(x, IN), x, ROWS, IN, u, GW, act, java);
        java.gemm(false, false, ROWS, GW, IN, 1f, x, 0, IN, u, 0, GW, 0f, dense, 0, GW);
        assertArrayEquals(dense, act, 1e-5f);
        float[] du = new float[IN * GW], denseDu = new float[IN * GW];
        InputProduct.gradient(InputProduct.sparse(x, IN), x, ROWS, IN, dPre, GW, du, java);
        java.gemm(true, false, IN, GW, ROWS, 1f, x, 0, IN, dPre, 0, GW, 0f, denseDu, 0, GW);
        assertArrayEquals(denseDu, du, 1e-4f);
    }

    @Test
    void denseOrNarrowInputsUseTheProduct() {
        float[] half = new float[ROWS * IN];
        for (int i = 0; i < half.length; i += 2) half[i] = 1f;
        assertNull(InputProduct.sparse(half, IN), "half non-zero");
        assertNull(InputProduct.sparse(new float[ROWS * 4], 4), "too narrow to pay");
    }

    private static float[] random(int size, Random r) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) a[i] = (float) r.nextGaussian();
        return a;
    }
}
