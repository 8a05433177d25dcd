package backprop.nativekernels.cuda;

import static backprop.nativekernels.cuda.CudaCheck.cublas;

import org.bytedeco.cuda.global.cublas;
import org.bytedeco.javacpp.FloatPointer;

/**
 * Row-major gemm on cuBLAS, which is column-major. A row-major m×n matrix with row stride ld is
 * the same memory as a column-major n×m matrix with leading dimension ld, so C = op(A)·op(B)
 * is computed as Cᵀ = op(B)ᵀ·op(A)ᵀ: swap the operands and m with n, keep the flags and the
 * leading dimensions. Only the span each operand occupies from its offset travels.
 */
final class CudaGemm {
    static final int A = 0, B = 1, C = 2;

    private CudaGemm() {}

    static void run(CudaHandles h, DeviceBuffers buf, boolean transA, boolean transB, int m, int n, int k,
                    float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                    float beta, float[] c, int cOff, int ldc) {
        long aSpan = span(transA ? k : m, transA ? m : k, lda);
        long bSpan = span(transB ? n : k, transB ? k : n, ldb);
        long cSpan = span(m, n, ldc);
        FloatPointer dA = buf.upload(A, a, aOff, aSpan);
        FloatPointer dB = buf.upload(B, b, bOff, bSpan);
        // C goes up when beta reads it, and also when its rows have gaps (ldc > n): the span
        // comes back whole, so the gaps must hold the caller's values, not stale device memory.
        FloatPointer dC = beta != 0f || ldc != n ? buf.upload(C, c, cOff, cSpan) : buf.floats(C, cSpan);
        h.alpha.put(0, alpha);
        h.beta.put(0, beta);
        cublas(cublas.cublasSgemm_v2(h.blas, transB ? cublas.CUBLAS_OP_T : cublas.CUBLAS_OP_N, transA ? cublas.CUBLAS_OP_T : cublas.CUBLAS_OP_N,
                n, m, k, h.alpha, dB, ldb, dA, lda, h.beta, dC, ldc), "cublasSgemm");
        buf.download(C, c, cOff, cSpan);
    }

    /** Floats from the first element of a rows×cols matrix with row stride ld to its last. */
    static long span(int rows, int cols, int ld) {
        return (long) (rows - 1) * ld + cols;
    }
}
