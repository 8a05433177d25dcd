package backprop.nativekernels.cuda;

import static backprop.nativekernels.cuda.CudaCheck.cudnn;

import backprop.engine.backend.ConvShape;
import org.bytedeco.cuda.global.cudnn;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.SizeTPointer;

/**
 * The three convolution passes on cuDNN, each with one algorithm fixed in advance instead of
 * cuDNN's fastest-of-the-day choice, so a demo replays bit for bit. cuDNN's reproducibility
 * notes list as non-deterministic (atomics) only BWD_DATA_ALGO_0 and BWD_FILTER_ALGO_0/_3 among
 * these passes; the ones below are deterministic run to run on one GPU architecture.
 * Math type FMA: CUDNN_DEFAULT_MATH would allow TF32 tensor cores on Ampere and later (10-bit
 * mantissa), which would not agree with the float32 Java reference.
 */
final class CudaConv {
    /** Deterministic, and needs no workspace. */
    static final int FWD_ALGO = cudnn.CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_GEMM;
    /** Deterministic (ALGO_0 uses atomics and is not). */
    static final int BWD_DATA_ALGO = cudnn.CUDNN_CONVOLUTION_BWD_DATA_ALGO_1;
    /** Deterministic (ALGO_0 and ALGO_3 use atomics and are not). */
    static final int BWD_FILTER_ALGO = cudnn.CUDNN_CONVOLUTION_BWD_FILTER_ALGO_1;

    private static final int X = 0, W = 1, Y = 2, WORK = 3;

    private CudaConv() {}

    static void forward(CudaHandles h, DeviceBuffers buf, ConvShape s, float[] x, float[] w, float[] y) {
        pass(h, buf, s, X, x, W, w, Y, y, "cudnnConvolutionForward",
                size -> cudnn.cudnnGetConvolutionForwardWorkspaceSize(h.dnn, h.x, h.w, h.conv, h.y, FWD_ALGO, size),
                (dx, dw, dy, ws, bytes) -> cudnn.cudnnConvolutionForward(h.dnn, h.one, h.x, dx, h.w, dw, h.conv, FWD_ALGO, ws, bytes, h.zero, h.y, dy));
    }

    static void backwardData(CudaHandles h, DeviceBuffers buf, ConvShape s, float[] dy, float[] w, float[] dx) {
        pass(h, buf, s, Y, dy, W, w, X, dx, "cudnnConvolutionBackwardData",
                size -> cudnn.cudnnGetConvolutionBackwardDataWorkspaceSize(h.dnn, h.w, h.y, h.conv, h.x, BWD_DATA_ALGO, size),
                (ddy, dw, ddx, ws, bytes) -> cudnn.cudnnConvolutionBackwardData(h.dnn, h.one, h.w, dw, h.y, ddy, h.conv, BWD_DATA_ALGO, ws, bytes, h.zero, h.x, ddx));
    }

    static void backwardFilter(CudaHandles h, DeviceBuffers buf, ConvShape s, float[] x, float[] dy, float[] dw) {
        pass(h, buf, s, X, x, Y, dy, W, dw, "cudnnConvolutionBackwardFilter",
                size -> cudnn.cudnnGetConvolutionBackwardFilterWorkspaceSize(h.dnn, h.x, h.y, h.conv, h.w, BWD_FILTER_ALGO, size),
                (dx, ddy, ddw, ws, bytes) -> cudnn.cudnnConvolutionBackwardFilter(h.dnn, h.one, h.x, dx, h.y, ddy, h.conv, BWD_FILTER_ALGO, ws, bytes, h.zero, h.w, ddw));
    }

    /** What every pass shares: describe the shapes, size the workspace, two inputs up, the call, the output down. */
    private static void pass(CudaHandles h, DeviceBuffers buf, ConvShape s, int slotA, float[] a, int slotB, float[] b, int slotOut, float[] out,
                             String name, SizeQuery workspaceSize, Call call) {
        describe(h, s);
        long work = workspace(workspaceSize);
        FloatPointer da = buf.upload(slotA, a, 0, size(s, slotA)), db = buf.upload(slotB, b, 0, size(s, slotB));
        FloatPointer dOut = buf.floats(slotOut, size(s, slotOut));
        cudnn(call.run(da, db, dOut, buf.bytes(WORK, work), work), name);
        buf.download(slotOut, out, 0, size(s, slotOut));
    }

    /** Floats in the tensor a slot holds: the input x, the filter w or the output y. */
    private static long size(ConvShape s, int slot) {
        return slot == X ? s.inputSize() : slot == W ? s.filterSize() : s.outputSize();
    }

    private interface Call { int run(Pointer a, Pointer b, Pointer out, Pointer workspace, long workspaceBytes); }

    /** x: n×c×h×w, filter k×c×r×s, y: n×k×outH×outW; cross-correlation, as the Java loops (no flip). */
    private static void describe(CudaHandles h, ConvShape s) {
        h.shape(h.x, s.n(), s.c(), s.h(), s.w());
        h.shape(h.y, s.n(), s.k(), s.outH(), s.outW());
        cudnn(cudnn.cudnnSetFilter4dDescriptor(h.w, cudnn.CUDNN_DATA_FLOAT, cudnn.CUDNN_TENSOR_NCHW, s.k(), s.c(), s.r(), s.s()), "cudnnSetFilter4dDescriptor");
        cudnn(cudnn.cudnnSetConvolution2dDescriptor(h.conv, s.padH(), s.padW(), s.strideH(), s.strideW(), 1, 1,
                cudnn.CUDNN_CROSS_CORRELATION, cudnn.CUDNN_DATA_FLOAT), "cudnnSetConvolution2dDescriptor");
        cudnn(cudnn.cudnnSetConvolutionMathType(h.conv, cudnn.CUDNN_FMA_MATH), "cudnnSetConvolutionMathType");
    }

    private interface SizeQuery { int ask(SizeTPointer size); }

    private static long workspace(SizeQuery q) {
        try (SizeTPointer size = new SizeTPointer(1)) {
            cudnn(q.ask(size), "cudnnGet*WorkspaceSize");
            return size.get();
        }
    }
}
