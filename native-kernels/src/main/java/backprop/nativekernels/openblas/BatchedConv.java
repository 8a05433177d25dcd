package backprop.nativekernels.openblas;

import backprop.engine.backend.Backend;
import backprop.engine.backend.ConvShape;
import backprop.engine.backend.java.Im2col;

/**
 * Convolution as im2col + gemm with many images per product. Image by image, LeNet's products
 * are small ([6 × 25] · [25 × 784]) and a step makes hundreds of them; side by side, the
 * column matrices of a group of images form one [c·r·s × images·outH·outW] matrix and each
 * pass is one product per group. The group is as large as fits {@link #MAX_COLUMN_FLOATS}.
 *
 * <p>The outputs and their gradients are NCHW ([image][filter][position]), while the product
 * gives [filter][image·position]; {@link #toBlocks} and {@link #fromBlocks} move between the two.
 */
final class BatchedConv {
    private BatchedConv() {}

    /**
     * Floats of the largest column matrix built at once (256 KB). Small enough that the matrix,
     * its off-heap copy and the product's reads stay in a core's L2 cache: with the whole batch
     * in one matrix (16 MB allowed before, 5 MB for LeNet's first layer) each of those three
     * passes went out to memory, and LeNet's convolutions took twice as long. A group still
     * holds a few images, so the products stay wide.
     */
    static final int MAX_COLUMN_FLOATS = 1 << 16;

    /** Images per group: at least one, at most the batch. */
    static int group(ConvShape g) {
        long perImage = (long) Im2col.rows(g) * Im2col.cols(g);
        return (int) Math.max(1, Math.min(g.n(), MAX_COLUMN_FLOATS / Math.max(1, perImage)));
    }

    /** What one pass does with a group: images first … first+m−1, whose matrices have row stride ld = m·outH·outW. */
    private interface GroupStep {
        void run(int first, int m, int ld);
    }

    /** Runs {@code step} over the batch, group by group. */
    private static void eachGroup(ConvShape g, GroupStep step) {
        int group = group(g), cols = Im2col.cols(g);
        for (int first = 0; first < g.n(); first += group) {
            int m = Math.min(group, g.n() - first);
            step.run(first, m, m * cols);
        }
    }

    /** The column matrices of images first … first+m−1 side by side in {@code col}. */
    private static void columns(ConvShape g, float[] x, int first, int m, int ld, float[] col) {
        for (int i = 0; i < m; i++) Im2col.im2col(g, x, first + i, col, i * Im2col.cols(g), ld);
    }

    static void forward(Backend be, ConvShape g, float[] x, float[] w, float[] y) {
        int rows = Im2col.rows(g), cols = Im2col.cols(g), k = g.k(), group = group(g);
        float[] col = new float[rows * group * cols], out = new float[k * group * cols];
        eachGroup(g, (first, m, ld) -> {
            columns(g, x, first, m, ld, col);
            // Y [k × m·p·q] = W [k × c·r·s] · COL [c·r·s × m·p·q]
            be.gemm(false, false, k, ld, rows, 1f, w, 0, rows, col, 0, ld, 0f, out, 0, ld);
            fromBlocks(out, y, first, m, k, cols);
        });
    }

    static void backwardData(Backend be, ConvShape g, float[] dy, float[] w, float[] dx) {
        int rows = Im2col.rows(g), cols = Im2col.cols(g), k = g.k(), group = group(g);
        float[] col = new float[rows * group * cols], d = new float[k * group * cols];
        eachGroup(g, (first, m, ld) -> {
            toBlocks(dy, d, first, m, k, cols);
            // DCOL [c·r·s × m·p·q] = Wᵀ · DY, then every entry back to its pixel
            be.gemm(true, false, rows, ld, k, 1f, w, 0, rows, d, 0, ld, 0f, col, 0, ld);
            for (int i = 0; i < m; i++) Im2col.col2im(g, col, i * cols, ld, dx, first + i);
        });
    }

    static void backwardFilter(Backend be, ConvShape g, float[] x, float[] dy, float[] dw) {
        int rows = Im2col.rows(g), cols = Im2col.cols(g), k = g.k(), group = group(g);
        float[] col = new float[rows * group * cols], d = new float[k * group * cols];
        eachGroup(g, (first, m, ld) -> {
            columns(g, x, first, m, ld, col);
            toBlocks(dy, d, first, m, k, cols);
            // dW [k × c·r·s] (+)= DY [k × m·p·q] · COLᵀ, summed over the groups
            be.gemm(false, true, k, rows, ld, 1f, d, 0, ld, col, 0, ld, first == 0 ? 0f : 1f, dw, 0, rows);
        });
    }

    /** NCHW images first … first+m−1 → [filter][image·position]. */
    static void toBlocks(float[] nchw, float[] blocks, int first, int m, int k, int cols) {
        for (int i = 0; i < m; i++)
            for (int f = 0; f < k; f++) System.arraycopy(nchw, ((first + i) * k + f) * cols, blocks, (f * m + i) * cols, cols);
    }

    /** [filter][image·position] → NCHW images first … first+m−1. */
    static void fromBlocks(float[] blocks, float[] nchw, int first, int m, int k, int cols) {
        for (int i = 0; i < m; i++)
            for (int f = 0; f < k; f++) System.arraycopy(blocks, (f * m + i) * cols, nchw, ((first + i) * k + f) * cols, cols);
    }
}
