package backprop.engine.backend;

/**
 * The heavy kernels, and nothing else. Everything above this interface (autodiff, layers,
 * training, traces) is written once; a backend only has to multiply matrices fast.
 *
 * <p>All matrices are row-major float32. Implementations must be deterministic: the same
 * inputs give bit-identical outputs on every call, so classroom demos replay exactly.
 */
public interface Backend {

    /** Short, stable name ("java", "cudnn"), shown in the status bar and by {@code backends}. */
    String name();

    /**
     * {@code C = alpha · op(A) · op(B) + beta · C}, where op(X) is X or its transpose.
     * op(A) is m×k, op(B) is k×n, C is m×n. {@code lda}, {@code ldb}, {@code ldc} are the row
     * strides of A, B and C as stored.
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float alpha, float[] a, int lda, float[] b, int ldb,
              float beta, float[] c, int ldc);
}
