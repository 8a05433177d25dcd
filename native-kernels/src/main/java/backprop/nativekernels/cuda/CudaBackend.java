package backprop.nativekernels.cuda;

import backprop.engine.backend.Backend;
import backprop.engine.backend.ConvShape;
import backprop.engine.backend.JavaBackend;
import backprop.engine.backend.PoolShape;
import backprop.nativekernels.cuda.CudaCheck.CudaException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The kernels on one NVIDIA GPU: gemm on cuBLAS, convolution and pooling on cuDNN.
 *
 * <p>Every call copies its inputs up and its output down: the SPI passes {@code float[]}s that
 * the optimisers and the app's editors change in place with no signal, so a device copy kept
 * between calls could not know it went stale (see the module README). What does persist is
 * the expensive part: handles, descriptors and grown device buffers.
 *
 * <p>Calls are serialised ({@code synchronized}): the handles and buffers are shared, and cuDNN
 * handles must not be used by two threads at once. A call that fails on the device runs the
 * Java kernel instead and says so once per kernel on stderr; {@link #fallbacks()} lists them so
 * the parity checks can fail on a silent fallback.
 */
public final class CudaBackend implements Backend, AutoCloseable {
    public static final String NAME = "cuda";

    private final CudaHandles handles;
    private final DeviceBuffers buffers = new DeviceBuffers();
    private final JavaBackend java = new JavaBackend();
    private final Set<String> reported = new LinkedHashSet<>();
    private boolean closed;

    CudaBackend() {
        handles = new CudaHandles();
        // The driver frees everything at exit anyway; closing first keeps tools like
        // compute-sanitizer quiet about leaks.
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "cuda-backend-close"));
    }

    @Override public String name() { return NAME; }

    @Override
    public String determinism() {
        return "bit-identical run to run on one GPU model with the same CUDA/cuDNN versions (fixed deterministic cuDNN algorithms, "
                + "FP32 without TF32, one stream); not across GPU models or library versions, and not bit-equal to java";
    }

    @Override
    public synchronized void gemm(boolean transA, boolean transB, int m, int n, int k,
                                  float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                  float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) return;
        if (k == 0) { // nothing to multiply: only beta·C, which cuBLAS callers usually guard against
            java.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        call("gemm",
                () -> CudaGemm.run(handles, buffers, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc),
                () -> java.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc));
    }

    @Override
    public synchronized void conv2dForward(ConvShape s, float[] x, float[] w, float[] y) {
        call("conv2dForward",
                () -> CudaConv.forward(handles, buffers, s, x, w, y),
                () -> java.conv2dForward(s, x, w, y));
    }

    @Override
    public synchronized void conv2dBackwardData(ConvShape s, float[] dy, float[] w, float[] dx) {
        call("conv2dBackwardData",
                () -> CudaConv.backwardData(handles, buffers, s, dy, w, dx),
                () -> java.conv2dBackwardData(s, dy, w, dx));
    }

    @Override
    public synchronized void conv2dBackwardFilter(ConvShape s, float[] x, float[] dy, float[] dw) {
        call("conv2dBackwardFilter",
                () -> CudaConv.backwardFilter(handles, buffers, s, x, dy, dw),
                () -> java.conv2dBackwardFilter(s, x, dy, dw));
    }

    @Override
    public synchronized void maxPool2dForward(PoolShape s, float[] x, float[] y) {
        call("maxPool2dForward",
                () -> CudaPool.forward(handles, buffers, true, s, x, y),
                () -> java.maxPool2dForward(s, x, y));
    }

    @Override
    public synchronized void maxPool2dBackward(PoolShape s, float[] x, float[] dy, float[] dx) {
        call("maxPool2dBackward",
                () -> CudaPool.backward(handles, buffers, true, s, x, dy, dx),
                () -> java.maxPool2dBackward(s, x, dy, dx));
    }

    @Override
    public synchronized void avgPool2dForward(PoolShape s, float[] x, float[] y) {
        call("avgPool2dForward",
                () -> CudaPool.forward(handles, buffers, false, s, x, y),
                () -> java.avgPool2dForward(s, x, y));
    }

    @Override
    public synchronized void avgPool2dBackward(PoolShape s, float[] dy, float[] dx) {
        call("avgPool2dBackward",
                () -> CudaPool.backward(handles, buffers, false, s, null, dy, dx),
                () -> java.avgPool2dBackward(s, dy, dx));
    }

    /** Kernels that ran on Java because their device call failed, with the first error of each. */
    public synchronized List<String> fallbacks() { return new ArrayList<>(reported); }

    synchronized boolean isClosed() { return closed; }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            buffers.close();
            handles.close();
        } catch (Throwable t) { // at exit the driver may already be going away
            System.err.println("cuda: closing handles: " + t);
        }
    }

    /** Runs a kernel on the device, or on Java if the device call fails (said once per kernel). */
    private void call(String kernel, Runnable onDevice, Runnable onJava) {
        try {
            if (closed) throw new CudaException("backend closed");
            onDevice.run();
        } catch (CudaException e) {
            fellBack(kernel, e);
            onJava.run();
        }
    }

    private void fellBack(String kernel, CudaException e) {
        String line = kernel + ": " + e.getMessage();
        if (reported.stream().noneMatch(r -> r.startsWith(kernel + ": "))) {
            reported.add(line);
            System.err.println("cuda: " + line + "; using the java kernel for " + kernel);
        }
    }
}
