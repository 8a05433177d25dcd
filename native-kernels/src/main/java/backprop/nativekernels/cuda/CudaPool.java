package backprop.nativekernels.cuda;

import static backprop.nativekernels.cuda.CudaCheck.cudnn;

import backprop.engine.backend.PoolShape;
import org.bytedeco.cuda.global.cudnn;
import org.bytedeco.javacpp.FloatPointer;

/**
 * Pooling on cuDNN. Max uses CUDNN_POOLING_MAX_DETERMINISTIC (plain CUDNN_POOLING_MAX is on
 * cuDNN's non-reproducible list for the backward pass). Average excludes padding, though with
 * the SPI's unpadded windows both average modes divide by kh·kw, as the Java reference does.
 * cuDNN's backward pass wants y as well as x: the max backward recomputes it on the device
 * rather than asking the caller for it, as the SPI promises.
 */
final class CudaPool {
    private static final int X = 0, Y = 1, DY = 2, DX = 3;

    private CudaPool() {}

    static void forward(CudaHandles h, DeviceBuffers buf, boolean max, PoolShape s, float[] x, float[] y) {
        describe(h, s, max);
        FloatPointer dx = buf.upload(X, x, 0, s.inputSize()), dy = buf.floats(Y, s.outputSize());
        cudnn(cudnn.cudnnPoolingForward(h.dnn, h.pool, h.one, h.x, dx, h.zero, h.y, dy), "cudnnPoolingForward");
        buf.download(Y, y, 0, s.outputSize());
    }

    /** For average pooling {@code x} may be null: cuDNN's average backward does not depend on x or y. */
    static void backward(CudaHandles h, DeviceBuffers buf, boolean max, PoolShape s, float[] x, float[] dy, float[] dx) {
        describe(h, s, max);
        FloatPointer devX = x != null ? buf.upload(X, x, 0, s.inputSize()) : buf.floats(X, s.inputSize());
        FloatPointer devY = buf.floats(Y, s.outputSize());
        if (max) cudnn(cudnn.cudnnPoolingForward(h.dnn, h.pool, h.one, h.x, devX, h.zero, h.y, devY), "cudnnPoolingForward");
        FloatPointer devDy = buf.upload(DY, dy, 0, s.outputSize()), devDx = buf.floats(DX, s.inputSize());
        cudnn(cudnn.cudnnPoolingBackward(h.dnn, h.pool, h.one, h.y, devY, h.y, devDy, h.x, devX, h.zero, h.x, devDx), "cudnnPoolingBackward");
        buf.download(DX, dx, 0, s.inputSize());
    }

    private static void describe(CudaHandles h, PoolShape s, boolean max) {
        h.shape(h.x, s.n(), s.c(), s.h(), s.w());
        h.shape(h.y, s.n(), s.c(), s.outH(), s.outW());
        int mode = max ? cudnn.CUDNN_POOLING_MAX_DETERMINISTIC : cudnn.CUDNN_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING;
        cudnn(cudnn.cudnnSetPooling2dDescriptor(h.pool, mode, cudnn.CUDNN_NOT_PROPAGATE_NAN, s.kh(), s.kw(), 0, 0, s.strideH(), s.strideW()),
                "cudnnSetPooling2dDescriptor");
    }
}
