package backprop.engine.layers.recurrent;

import backprop.engine.backend.Backend;
import java.util.Arrays;

/**
 * The input side of a recurrent layer: x_t U for every step in one product, and its gradient
 * Σ_t x_tᵀ dPre_t. When the inputs are mostly zeros (one-hot characters, the usual input of a
 * character model) the products go over the non-zeros only: the same sums without the
 * multiplications by zero, which were a seventh of a char-LSTM step. A one-hot row then simply
 * selects a row of U, exactly as an embedding lookup would.
 */
final class InputProduct {
    private InputProduct() {}

    /** The non-zero entries of x [rows][in], in row order: entry e is x[row[e]][feature[e]] = value[e]. */
    record NonZeros(int[] row, int[] feature, float[] value) {}

    /** x's non-zeros, or null when the dense product is as good (narrow inputs, or more than a quarter non-zero). */
    static NonZeros sparse(float[] x, int in) {
        if (in < 16) return null;
        int count = 0;
        for (float v : x) if (v != 0f) count++;
        if (count * 4L > x.length) return null;
        NonZeros nz = new NonZeros(new int[count], new int[count], new float[count]);
        for (int i = 0, e = 0; i < x.length; i++) {
            if (x[i] == 0f) continue;
            nz.row[e] = i / in;
            nz.feature[e] = i % in;
            nz.value[e++] = x[i];
        }
        return nz;
    }

    /** act[rows][gw] = x[rows][in] · U[in][gw]; {@code nz} is {@link #sparse}'s answer for x, found once per pass. */
    static void forward(NonZeros nz, float[] x, int rows, int in, float[] u, int gw, float[] act, Backend be) {
        if (nz == null) {
            be.gemm(false, false, rows, gw, in, 1f, x, 0, in, u, 0, gw, 0f, act, 0, gw);
            return;
        }
        Arrays.fill(act, 0, rows * gw, 0f);
        for (int e = 0; e < nz.value.length; e++) addScaled(nz.value[e], u, nz.feature[e] * gw, act, nz.row[e] * gw, gw);
    }

    /** du[in][gw] = x[rows][in]ᵀ · dPre[rows][gw], summed over rows in order; {@code nz} as for {@link #forward}. */
    static void gradient(NonZeros nz, float[] x, int rows, int in, float[] dPre, int gw, float[] du, Backend be) {
        if (nz == null) {
            be.gemm(true, false, in, gw, rows, 1f, x, 0, in, dPre, 0, gw, 0f, du, 0, gw);
            return;
        }
        Arrays.fill(du, 0, in * gw, 0f);
        for (int e = 0; e < nz.value.length; e++) addScaled(nz.value[e], dPre, nz.row[e] * gw, du, nz.feature[e] * gw, gw);
    }

    /** to[toOff …] += v · from[fromOff …], over {@code len} numbers. */
    private static void addScaled(float v, float[] from, int fromOff, float[] to, int toOff, int len) {
        for (int j = 0; j < len; j++) to[toOff + j] += v * from[fromOff + j];
    }
}
