package backprop.engine.backend.java;

/**
 * The reference matrix product, C = alpha·op(A)·op(B) + beta·C, as three plain loops.
 * Loop order i-p-j walks B and C row by row, which keeps the inner loop on contiguous memory
 * without making the code hard to read. No FMA and a fixed summation order: the result is
 * the same bit for bit on every JVM and CPU.
 */
public final class JavaGemm {
    private JavaGemm() {}

    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float beta, float[] c, int cOff, int ldc) {
        if (transB && !transA && n * k > 4096) {
            // A·Bᵀ (the backward pass's G·Wᵀ): the loop below would stride through B by ldb for
            // every element, several times slower on large layers. Transposing B once (n·k
            // copies against m·n·k multiply-adds) keeps the inner loop contiguous; the sums are
            // formed in exactly the same order, so the result is bit-identical.
            float[] bt = new float[k * n];
            for (int j = 0; j < n; j++)
                for (int p = 0; p < k; p++) bt[p * n + j] = b[bOff + j * ldb + p];
            gemm(false, false, m, n, k, alpha, a, aOff, lda, bt, 0, n, beta, c, cOff, ldc);
            return;
        }
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (beta == 0f) {
                for (int j = 0; j < n; j++) c[ci + j] = 0f;
            } else if (beta != 1f) {
                for (int j = 0; j < n; j++) c[ci + j] *= beta;
            }
            for (int p = 0; p < k; p++) {
                float aip = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                if (aip == 0f) continue; // a zero row of A (ReLU, one-hot inputs) adds nothing
                float s = alpha * aip;
                if (!transB) {
                    int bp = bOff + p * ldb;
                    for (int j = 0; j < n; j++) c[ci + j] += s * b[bp + j];
                } else {
                    for (int j = 0; j < n; j++) c[ci + j] += s * b[bOff + j * ldb + p];
                }
            }
        }
    }
}
