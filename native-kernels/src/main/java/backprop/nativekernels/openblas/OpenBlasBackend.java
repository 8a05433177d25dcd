package backprop.nativekernels.openblas;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import backprop.engine.backend.Backend;
import backprop.engine.backend.ConvShape;
import backprop.engine.backend.PoolShape;
import backprop.engine.backend.java.Im2col;
import backprop.engine.backend.java.JavaGemm;
import backprop.engine.backend.java.TiledPool;
import org.bytedeco.javacpp.FloatPointer;

/**
 * Matrix products through OpenBLAS's {@code cblas_sgemm}; convolutions as im2col + that gemm;
 * pooling in Java (BLAS has no pooling, and it is memory-bound anyway).
 *
 * <p>Small products stay in Java ({@link #JAVA_BELOW}): crossing JNI and copying costs more
 * than the arithmetic, and it keeps the classroom models (xor, 8-3-8, every golden output) on
 * the reference kernel bit for bit.
 *
 * <p>The three off-heap buffers are kept and only grow: allocating a {@link FloatPointer}
 * per call costs more than the copies. One instance serves one thread at a time (gemm is
 * synchronized; the engine trains on one worker).
 */
public final class OpenBlasBackend implements Backend {

    /**
     * Products with fewer multiply-adds (m·n·k) than this run in {@link JavaGemm}. Measured on a
     * 2-core AVX-512 Xeon (see native-kernels/README.md): Java wins at 8×8×3 (0.9 against 0.6
     * GFLOP/s, the call and copies dominate), OpenBLAS from 16×16×16 = 4,096 (6.6 against 1.3).
     * Every golden-output model (xor, 8-3-8, the perceptrons, the 16-unit spiral net) stays
     * below it, so their outputs do not change with the default backend.
     * {@code -Dbackprop.openblas.javaBelow=N} overrides it (0: everything through OpenBLAS).
     */
    public static final long JAVA_BELOW = Long.getLong("backprop.openblas.javaBelow", 16L * 16 * 16);

    private FloatPointer pa = new FloatPointer(1), pb = new FloatPointer(1), pc = new FloatPointer(1);
    private float[] staging = new float[0];

    @Override public String name() { return "openblas"; }

    @Override
    public String determinism() {
        return "bit-identical run to run on this machine (" + OpenBlasLibrary.threads() + " OpenBLAS thread(s), fixed); "
                + "not guaranteed across CPUs: OpenBLAS picks its kernel per CPU";
    }

    @Override
    public synchronized void gemm(boolean transA, boolean transB, int m, int n, int k,
                                  float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                  float beta, float[] c, int cOff, int ldc) {
        if ((long) m * n * k < JAVA_BELOW || m == 0 || n == 0) {
            JavaGemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        int aRows = transA ? k : m, aCols = transA ? m : k, bRows = transB ? n : k, bCols = transB ? k : n;
        // The held copy serves one operand per product (it has one position): B when A is the same array.
        FloatPointer opA = a == b ? null : held(a, aOff), opB = held(b, bOff);
        int lda2 = lda, ldb2 = ldb;
        if (opA == null) {
            pa = fit(pa, footprint(aRows, aCols, lda));
            lda2 = load(pa, a, aOff, aRows, aCols, lda);
            opA = pa;
        }
        if (opB == null) {
            pb = fit(pb, footprint(bRows, bCols, ldb));
            ldb2 = load(pb, b, bOff, bRows, bCols, ldb);
            opB = pb;
        }
        // A step of a recurrent layer reads and writes one time slice of [N][T][·] arrays: rows
        // far apart. Packing just those rows keeps each copy the size of the matrix, not of the
        // whole sequence (copying the span made a char-LSTM step O(T²) in copies).
        int ldc2 = packed(m, n, ldc) ? n : ldc;
        pc = fit(pc, footprint(m, n, ldc));
        if (beta != 0f) load(pc, c, cOff, m, n, ldc); // with beta = 0 OpenBLAS never reads C
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                m, n, k, alpha, opA, lda2, opB, ldb2, beta, pc, ldc2);
        heldCopy.position(0);
        if (ldc == n) {
            pc.get(c, cOff, m * n);
        } else { // leave the gaps between C's rows as they were: one copy out, then row by row on the heap
            int span = extent(m, n, ldc2);
            float[] buf = stage(span);
            pc.get(buf, 0, span);
            for (int i = 0; i < m; i++) System.arraycopy(buf, i * ldc2, c, cOff + i * ldc, n);
        }
    }

    // ------------------------------------------------------------ one operand copied once

    /**
     * The array {@link #holding} declared fixed, the thread that declared it, and whether
     * {@link #heldCopy} holds its values yet (copied by the first product that reads it). Only
     * products on the holder's thread use the copy: another thread never made the promise.
     */
    private float[] held;
    private Thread holder;
    private boolean heldCopied;
    private FloatPointer heldCopy = new FloatPointer(1);

    @Override
    public void holding(float[] fixed, Runnable body) {
        float[] outer;
        synchronized (this) {
            if (holder != null && holder != Thread.currentThread()) { // another thread holds one: no copy for this one
                body.run();
                return;
            }
            outer = held;
            hold(fixed);
        }
        try {
            body.run();
        } finally {
            synchronized (this) {
                hold(outer);
            }
        }
    }

    private void hold(float[] fixed) {
        held = fixed;
        holder = fixed == null ? null : Thread.currentThread();
        heldCopied = false;
    }

    /** The held copy positioned at {@code off} when {@code x} is the held array and this is its holder's thread, else null. */
    private FloatPointer held(float[] x, int off) {
        if (x != held || holder != Thread.currentThread()) return null;
        if (!heldCopied) {
            heldCopy = fit(heldCopy, x.length);
            heldCopy.position(0).put(x, 0, x.length);
            heldCopied = true;
        }
        return heldCopy.position(off);
    }

    /** Whether a rows×cols matrix with row stride ld is worth copying row by row rather than as one span. */
    private static boolean packed(int rows, int cols, int ld) {
        return ld != cols && (long) (rows - 1) * ld + cols > 2L * rows * cols;
    }

    /** Floats a rows×cols matrix (row stride ld) takes in a native buffer: its span, or packed rows. */
    private static int footprint(int rows, int cols, int ld) {
        return packed(rows, cols, ld) ? rows * cols : extent(rows, cols, ld);
    }

    /**
     * Copies a rows×cols matrix (row stride ld) into {@code p}, which holds at least its span;
     * returns the row stride it has there: ld when copied as one span, cols when packed.
     */
    private int load(FloatPointer p, float[] src, int off, int rows, int cols, int ld) {
        if (rows == 0) return Math.max(1, ld);
        if (!packed(rows, cols, ld)) {
            p.put(src, off, extent(rows, cols, ld));
            return ld;
        }
        // Packed on the heap first, then one copy across: a copy per row costs a native call each.
        float[] buf = stage(rows * cols);
        for (int i = 0; i < rows; i++) System.arraycopy(src, off + i * ld, buf, i * cols, cols);
        p.put(buf, 0, rows * cols);
        return cols;
    }

    /** A heap array of at least {@code size} floats for packing rows (gemm is synchronized, so one suffices; it only grows). */
    private float[] stage(int size) {
        if (staging.length < size) staging = new float[size];
        return staging;
    }

    /** Elements spanned by a rows×cols matrix with row stride ld. */
    private static int extent(int rows, int cols, int ld) { return rows == 0 ? 0 : (rows - 1) * ld + cols; }

    private static FloatPointer fit(FloatPointer p, int size) {
        if (p.capacity() >= size) return p;
        p.close();
        return new FloatPointer(Math.max(size, (int) Math.min(Integer.MAX_VALUE, p.capacity() * 2)));
    }

    // ------------------------------------------------------------ convolution: im2col + gemm

    /**
     * Whether one image's product is below the Java threshold: then the convolution stays image
     * by image on the Java gemm, as before, so small classroom convolutions (and their golden
     * outputs) keep the reference kernels' exact numbers under this backend too.
     */
    private static boolean small(ConvShape g) {
        return (long) g.k() * Im2col.cols(g) * Im2col.rows(g) < JAVA_BELOW;
    }

    @Override
    public void conv2dForward(ConvShape g, float[] x, float[] w, float[] y) {
        if (!small(g) && DirectConv.applies(g)) { // a first layer: too few taps for im2col's copies to pay
            DirectConv.forward(g, x, w, y);
            return;
        }
        if (!small(g)) {
            BatchedConv.forward(this, g, x, w, y);
            return;
        }
        int rows = Im2col.rows(g), cols = Im2col.cols(g);
        float[] col = new float[rows * cols];
        for (int n = 0; n < g.n(); n++) {
            Im2col.im2col(g, x, n, col);
            // y_n [k × p·q] = W [k × c·r·s] · col [c·r·s × p·q]
            gemm(false, false, g.k(), cols, rows, 1f, w, 0, rows, col, 0, cols, 0f, y, n * g.k() * cols, cols);
        }
    }

    @Override
    public void conv2dBackwardData(ConvShape g, float[] dy, float[] w, float[] dx) {
        if (!small(g)) {
            BatchedConv.backwardData(this, g, dy, w, dx);
            return;
        }
        int rows = Im2col.rows(g), cols = Im2col.cols(g);
        float[] col = new float[rows * cols];
        for (int n = 0; n < g.n(); n++) {
            // dcol [c·r·s × p·q] = Wᵀ · dy_n, then each entry back to its pixel
            gemm(true, false, rows, cols, g.k(), 1f, w, 0, rows, dy, n * g.k() * cols, cols, 0f, col, 0, cols);
            Im2col.col2im(g, col, dx, n);
        }
    }

    @Override
    public void conv2dBackwardFilter(ConvShape g, float[] x, float[] dy, float[] dw) {
        if (!small(g) && DirectConv.applies(g)) {
            DirectConv.backwardFilter(g, x, dy, dw);
            return;
        }
        if (!small(g)) {
            BatchedConv.backwardFilter(this, g, x, dy, dw);
            return;
        }
        int rows = Im2col.rows(g), cols = Im2col.cols(g);
        float[] col = new float[rows * cols];
        for (int n = 0; n < g.n(); n++) {
            Im2col.im2col(g, x, n, col);
            // dW [k × c·r·s] (+)= dy_n [k × p·q] · colᵀ, summed over the batch
            gemm(false, true, g.k(), rows, cols, 1f, dy, n * g.k() * cols, cols, col, 0, cols, n == 0 ? 0f : 1f, dw, 0, rows);
        }
    }

    // ------------------------------------------------------------ pooling: the Java kernels (tiled windows fast)

    @Override public void maxPool2dForward(PoolShape s, float[] x, float[] y) { TiledPool.maxForward(s, x, y); }
    @Override public void maxPool2dBackward(PoolShape s, float[] x, float[] dy, float[] dx) { TiledPool.maxBackward(s, x, dy, dx); }
    @Override public void avgPool2dForward(PoolShape s, float[] x, float[] y) { TiledPool.avgForward(s, x, y); }
    @Override public void avgPool2dBackward(PoolShape s, float[] dy, float[] dx) { TiledPool.avgBackward(s, dy, dx); }
}
