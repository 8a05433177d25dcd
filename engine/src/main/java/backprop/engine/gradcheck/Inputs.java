package backprop.engine.gradcheck;

import backprop.engine.data.Dataset;
import backprop.engine.tensor.Tensor;
import java.util.Random;

/**
 * Small random inputs for the gradient check, chosen so a finite difference is meaningful:
 * away from kinks (relu, step, leaky_relu at 0), away from log's pole, and with clear winners
 * for maximum. At a kink the two one-sided slopes differ and no single number is "right".
 */
public final class Inputs {
    private Inputs() {}

    /** Sizes of the layer checks: a batch of 3, 4 inputs, 3 units. */
    public static final int BATCH = 3, IN = 4, OUT = 3;
    /** Nudges are 0.01 times inputs and weights of size ≤ 2: a margin of 0.1 keeps every a on its side of a kink. */
    public static final float KINK_MARGIN = 0.1f;
    public static final int MAX_DRAWS = 1000;

    public static Tensor uniform(Random r, float lo, float hi, int... shape) {
        float[] d = new float[Tensor.sizeOf(shape)];
        for (int i = 0; i < d.length; i++) d[i] = lo + (hi - lo) * r.nextFloat();
        return new Tensor(d, shape);
    }

    /**
     * Magnitudes in [margin, max] with alternating signs, so both sides of a kink at 0 are
     * always exercised (step: zero gradient on both sides; relu: 0 and 1).
     */
    public static Tensor awayFromZero(Random r, float margin, float max, int... shape) {
        float[] d = new float[Tensor.sizeOf(shape)];
        for (int i = 0; i < d.length; i++) d[i] = (i % 2 == 0 ? 1f : -1f) * (margin + (max - margin) * r.nextFloat());
        return new Tensor(d, shape);
    }

    /**
     * {@code k} tensors whose values at each position are at least 0.3 apart, in a random
     * order per position, so nudging one input never changes which one is the maximum.
     */
    public static Tensor[] distinct(Random r, int k, int... shape) {
        int n = Tensor.sizeOf(shape);
        float[][] d = new float[k][n];
        for (int i = 0; i < n; i++) {
            int[] slot = Dataset.permutation(k, r);
            float base = -1f + 2f * r.nextFloat();
            // levels 0.5 apart, each moved by at most ±0.1: neighbours stay ≥ 0.3 apart
            for (int p = 0; p < k; p++) d[p][i] = base + 0.5f * slot[p] + 0.2f * (r.nextFloat() - 0.5f);
        }
        Tensor[] out = new Tensor[k];
        for (int p = 0; p < k; p++) out[p] = new Tensor(d[p], shape);
        return out;
    }

    /** One-hot rows, a random class each. */
    public static Tensor oneHot(Random r, int rows, int classes) {
        float[] d = new float[rows * classes];
        for (int i = 0; i < rows; i++) d[i * classes + r.nextInt(classes)] = 1f;
        return new Tensor(d, rows, classes);
    }

    /** 0/1 targets, alternating so both classes appear. */
    public static Tensor binary(int rows, int cols) {
        float[] d = new float[rows * cols];
        for (int i = 0; i < d.length; i++) d[i] = i % 2;
        return new Tensor(d, rows, cols);
    }

    /** Smallest |value| in a tensor. */
    public static float minAbs(Tensor t) {
        float m = Float.POSITIVE_INFINITY;
        for (float v : t.data()) m = Math.min(m, Math.abs(v));
        return m;
    }
}
