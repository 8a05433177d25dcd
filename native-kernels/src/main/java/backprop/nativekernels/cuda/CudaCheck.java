package backprop.nativekernels.cuda;

import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.cudnn;

/** Turns the three libraries' status codes into {@link CudaException}s that name the call and the status. */
final class CudaCheck {
    private CudaCheck() {}

    static void cuda(int err, String call) {
        if (err != cudart.cudaSuccess) throw new CudaException(call + ": " + cudaError(err));
    }

    static void cublas(int status, String call) {
        if (status != cublas.CUBLAS_STATUS_SUCCESS) {
            throw new CudaException(call + ": " + cublas.cublasGetStatusName(status).getString() + " (" + cublas.cublasGetStatusString(status).getString() + ")");
        }
    }

    static void cudnn(int status, String call) {
        if (status != cudnn.CUDNN_STATUS_SUCCESS) throw new CudaException(call + ": " + cudnn.cudnnGetErrorString(status).getString());
    }

    static String cudaError(int err) {
        return cudart.cudaGetErrorName(err).getString() + " (" + cudart.cudaGetErrorString(err).getString() + ")";
    }

    /** A failed CUDA, cuBLAS or cuDNN call; the backend answers it by running the Java kernel. */
    static final class CudaException extends RuntimeException {
        CudaException(String message) { super(message); }
    }
}
