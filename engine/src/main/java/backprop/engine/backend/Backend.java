package backprop.engine.backend;

/**
 * The heavy kernels, and nothing else. Everything above this interface (autodiff, layers,
 * training, traces) is written once; a backend only has to do these few things fast:
 * matrix products, 2-D convolution (forward and both backward passes) and pooling.
 *
 * <p>Conventions, the same for every kernel:
 * <ul>
 *   <li>Arrays are float32 on the Java heap; matrices row-major, images NCHW, filters KCRS
 *       (filter, channel, row, column). Offsets and leading dimensions let a caller work on a
 *       slice (one image of a batch, one time step of a sequence) without copying it.</li>
 *   <li>Outputs are overwritten, never accumulated into (except {@code gemm} with
 *       {@code beta ≠ 0}); autodiff does the accumulating.</li>
 *   <li>Deterministic: the same inputs give bit-identical outputs on every call and every run
 *       on one machine, so classroom demos replay exactly. {@link #determinism()} says whether
 *       that also holds across machines.</li>
 * </ul>
 * Element-wise work (activations, bias, losses, the optimiser) is deliberately not here: the
 * JIT vectorises those loops, and a call across JNI costs more than the work they do.
 */
public interface Backend {

    /** Short, stable name ("java", "openblas", "cuda"), shown in the status bar, traces and {@code backends}. */
    String name();

    /** One line on reproducibility, for {@code backends} and the status bar. */
    default String determinism() {
        return "bit-identical run to run and across machines (fixed loop order, no FMA, one thread)";
    }

    /**
     * {@code C = alpha · op(A) · op(B) + beta · C}, where op(X) is X or its transpose.
     * op(A) is m×k, op(B) is k×n, C is m×n. {@code lda}, {@code ldb}, {@code ldc} are the row
     * strides of A, B and C as stored; A starts at {@code a[aOff]}, and so on.
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
              float beta, float[] c, int cOff, int ldc);

    /** {@link #gemm(boolean, boolean, int, int, int, float, float[], int, int, float[], int, int, float, float[], int, int) gemm} on whole arrays. */
    default void gemm(boolean transA, boolean transB, int m, int n, int k,
                      float alpha, float[] a, int lda, float[] b, int ldb,
                      float beta, float[] c, int ldc) {
        gemm(transA, transB, m, n, k, alpha, a, 0, lda, b, 0, ldb, beta, c, 0, ldc);
    }

    /**
     * Runs {@code body}, promising that {@code fixed} does not change while it runs. A backend
     * that copies operands elsewhere before a product (off-heap for OpenBLAS) may then copy that
     * array once and let every product in body that reads it use the copy: a recurrent layer
     * reads its W at each of T steps, forward and backward. The promise covers this thread's
     * products only. The default just runs body, since the Java kernels read the array itself.
     */
    default void holding(float[] fixed, Runnable body) {
        body.run();
    }

    /** y[n,k,p,q] = Σ_c Σ_r Σ_s x[n,c,p·sh+r−ph, q·sw+s−pw] · w[k,c,r,s] (zero outside x). No bias: autodiff adds it. */
    void conv2dForward(ConvShape s, float[] x, float[] w, float[] y);

    /** dx = ∂R/∂x given dy = ∂R/∂y: every input pixel gathers the output gradients it fed. */
    void conv2dBackwardData(ConvShape s, float[] dy, float[] w, float[] dx);

    /** dw = ∂R/∂w given x and dy, summed over the batch. */
    void conv2dBackwardFilter(ConvShape s, float[] x, float[] dy, float[] dw);

    /** y = the largest value of each window; ties go to the first in row-major order. */
    void maxPool2dForward(PoolShape s, float[] x, float[] y);

    /**
     * dx: each window's gradient goes to its largest input (the first one on ties), found again
     * from x, as cuDNN does, so no argmax array has to travel between the passes.
     */
    void maxPool2dBackward(PoolShape s, float[] x, float[] dy, float[] dx);

    /** y = the mean of each window (windows lie inside x: no padding). */
    void avgPool2dForward(PoolShape s, float[] x, float[] y);

    /** dx: each window's gradient shared equally by its inputs. */
    void avgPool2dBackward(PoolShape s, float[] dy, float[] dx);
}
