package backprop.engine.backend;

import backprop.engine.backend.java.JavaConv;
import backprop.engine.backend.java.JavaGemm;
import backprop.engine.backend.java.JavaPool;
import backprop.engine.backend.java.TiledPool;

/**
 * The reference backend: plain Java loops, always available, and the one every other backend
 * is tested against. Each kernel family lives in its own small file under
 * {@code backend/java/} ({@link JavaGemm}, {@link JavaConv}, {@link JavaPool}), written to be
 * read: a convolution is its nested loops. Pooling whose windows tile the image goes through
 * {@link TiledPool}, which gives JavaPool's numbers bit for bit with cheaper indexing.
 */
public final class JavaBackend implements Backend {

    @Override public String name() { return "java"; }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        JavaGemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override public void conv2dForward(ConvShape s, float[] x, float[] w, float[] y) { JavaConv.forward(s, x, w, y); }
    @Override public void conv2dBackwardData(ConvShape s, float[] dy, float[] w, float[] dx) { JavaConv.backwardData(s, dy, w, dx); }
    @Override public void conv2dBackwardFilter(ConvShape s, float[] x, float[] dy, float[] dw) { JavaConv.backwardFilter(s, x, dy, dw); }
    @Override public void maxPool2dForward(PoolShape s, float[] x, float[] y) { TiledPool.maxForward(s, x, y); }
    @Override public void maxPool2dBackward(PoolShape s, float[] x, float[] dy, float[] dx) { TiledPool.maxBackward(s, x, dy, dx); }
    @Override public void avgPool2dForward(PoolShape s, float[] x, float[] y) { TiledPool.avgForward(s, x, y); }
    @Override public void avgPool2dBackward(PoolShape s, float[] dy, float[] dx) { TiledPool.avgBackward(s, dy, dx); }

    /** ServiceLoader entry for the reference backend. */
    public static final class Provider implements BackendProvider {
        @Override public String name() { return "java"; }
        @Override public int rank() { return 0; }
        @Override public Availability probe() { return Availability.yes("pure Java reference kernels, always present"); }
        @Override public Backend create() { return new JavaBackend(); }
    }
}
