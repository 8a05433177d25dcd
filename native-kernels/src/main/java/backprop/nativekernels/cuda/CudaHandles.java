package backprop.nativekernels.cuda;

import static backprop.nativekernels.cuda.CudaCheck.cublas;
import static backprop.nativekernels.cuda.CudaCheck.cudnn;

import org.bytedeco.cuda.cublas.cublasContext;
import org.bytedeco.cuda.cudnn.cudnnContext;
import org.bytedeco.cuda.cudnn.cudnnConvolutionStruct;
import org.bytedeco.cuda.cudnn.cudnnFilterStruct;
import org.bytedeco.cuda.cudnn.cudnnPoolingStruct;
import org.bytedeco.cuda.cudnn.cudnnTensorStruct;
import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.cudnn;
import org.bytedeco.javacpp.FloatPointer;

/**
 * The native handles, made once and freed in {@link #close()} (as DL4J's BaseCudnnHelper does):
 * a cuBLAS and a cuDNN context, and one descriptor of each kind. Descriptors are only shapes
 * on the host, so each call re-sets them instead of caching one per shape.
 */
final class CudaHandles implements AutoCloseable {
    final cublasContext blas = new cublasContext();
    final cudnnContext dnn = new cudnnContext();
    /** The input, output and filter tensors of a kernel; pooling's dy and dx reuse y's and x's shapes. */
    final cudnnTensorStruct x = new cudnnTensorStruct(), y = new cudnnTensorStruct();
    final cudnnFilterStruct w = new cudnnFilterStruct();
    final cudnnConvolutionStruct conv = new cudnnConvolutionStruct();
    final cudnnPoolingStruct pool = new cudnnPoolingStruct();
    /** Host scalars (pointer mode host): cuDNN's fixed 1 and 0, cuBLAS's alpha and beta set per call. */
    final FloatPointer one = new FloatPointer(1f), zero = new FloatPointer(0f);
    final FloatPointer alpha = new FloatPointer(1), beta = new FloatPointer(1);

    CudaHandles() {
        cublas(cublas.cublasCreate_v2(blas), "cublasCreate");
        cublas(cublas.cublasSetPointerMode_v2(blas, cublas.CUBLAS_POINTER_MODE_HOST), "cublasSetPointerMode");
        // Default math for float sgemm keeps FP32 arithmetic (TF32 needs CUBLAS_TF32_TENSOR_OP_MATH
        // or NVIDIA_TF32_OVERRIDE); pedantic would also forbid reduced-precision reductions, which
        // sgemm does not use, at a cost in speed.
        cublas(cublas.cublasSetMathMode(blas, cublas.CUBLAS_DEFAULT_MATH), "cublasSetMathMode");
        cudnn(cudnn.cudnnCreate(dnn), "cudnnCreate");
        cudnn(cudnn.cudnnCreateTensorDescriptor(x), "cudnnCreateTensorDescriptor");
        cudnn(cudnn.cudnnCreateTensorDescriptor(y), "cudnnCreateTensorDescriptor");
        cudnn(cudnn.cudnnCreateFilterDescriptor(w), "cudnnCreateFilterDescriptor");
        cudnn(cudnn.cudnnCreateConvolutionDescriptor(conv), "cudnnCreateConvolutionDescriptor");
        cudnn(cudnn.cudnnCreatePoolingDescriptor(pool), "cudnnCreatePoolingDescriptor");
    }

    /** NCHW float tensor. */
    void shape(cudnnTensorStruct t, int n, int c, int h, int w) {
        cudnn(cudnn.cudnnSetTensor4dDescriptor(t, cudnn.CUDNN_TENSOR_NCHW, cudnn.CUDNN_DATA_FLOAT, n, c, h, w), "cudnnSetTensor4dDescriptor");
    }

    @Override
    public void close() {
        // Destroy quietly: close() also runs from a shutdown hook, where throwing helps no one.
        cudnn.cudnnDestroyPoolingDescriptor(pool);
        cudnn.cudnnDestroyConvolutionDescriptor(conv);
        cudnn.cudnnDestroyFilterDescriptor(w);
        cudnn.cudnnDestroyTensorDescriptor(y);
        cudnn.cudnnDestroyTensorDescriptor(x);
        cudnn.cudnnDestroy(dnn);
        cublas.cublasDestroy_v2(blas);
        one.close();
        zero.close();
        alpha.close();
        beta.close();
    }
}
