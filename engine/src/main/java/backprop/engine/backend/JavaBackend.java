package backprop.engine.backend;

/**
 * The reference backend: plain Java loops, always available, and the one every other
 * backend is tested against. Loop order i-p-j walks B and C row by row, which keeps the
 * inner loop on contiguous memory without making the code hard to read.
 */
public final class JavaBackend implements Backend {

    @Override
    public String name() { return "java"; }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float alpha, float[] a, int lda, float[] b, int ldb,
                     float beta, float[] c, int ldc) {
        if (transB && !transA && n * k > 4096) {
            // A·Bᵀ (the backward pass's G·Wᵀ): the loop below would stride through B by ldb for
            // every element, several times slower on large layers. Transposing B once (n·k
            // copies against m·n·k multiply-adds) keeps the inner loop contiguous; the sums are
            // formed in exactly the same order, so the result is bit-identical.
            float[] bt = new float[k * n];
            for (int j = 0; j < n; j++)
                for (int p = 0; p < k; p++) bt[p * n + j] = b[j * ldb + p];
            gemm(false, false, m, n, k, alpha, a, lda, bt, n, beta, c, ldc);
            return;
        }
        for (int i = 0; i < m; i++) {
            int ci = i * ldc;
            if (beta == 0f) {
                for (int j = 0; j < n; j++) c[ci + j] = 0f;
            } else if (beta != 1f) {
                for (int j = 0; j < n; j++) c[ci + j] *= beta;
            }
            for (int p = 0; p < k; p++) {
                float aip = transA ? a[p * lda + i] : a[i * lda + p];
                if (aip == 0f) continue;
                float s = alpha * aip;
                if (!transB) {
                    int bp = p * ldb;
                    for (int j = 0; j < n; j++) c[ci + j] += s * b[bp + j];
                } else {
                    for (int j = 0; j < n; j++) c[ci + j] += s * b[j * ldb + p];
                }
            }
        }
    }

    /** ServiceLoader entry for the reference backend. */
    public static final class Provider implements BackendProvider {
        @Override public String name() { return "java"; }
        @Override public int rank() { return 0; }
        @Override public Availability probe() { return Availability.yes("pure Java reference kernels, always present"); }
        @Override public Backend create() { return new JavaBackend(); }
    }
}
