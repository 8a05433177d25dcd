package backprop.nativekernels.cuda;

import backprop.engine.backend.Backend;
import backprop.engine.backend.BackendProvider;

/**
 * ServiceLoader entry for the {@code cuda} backend. Discovery only instantiates this class:
 * it names no JavaCPP type in its fields or signatures, so no native code loads until
 * {@link #probe()} asks {@link CudaProbe}, once per process.
 */
public final class CudaBackendProvider implements BackendProvider {

    /** Above openblas and java: when a GPU is present it wins unless the user asks otherwise. */
    public static final int RANK = 100;

    /** One backend per process: cuBLAS/cuDNN handles and device buffers are made once and shared. */
    private static CudaBackend shared;

    @Override public String name() { return CudaBackend.NAME; }
    @Override public int rank() { return RANK; }
    @Override public Availability probe() { return CudaProbe.result(); }

    @Override
    public Backend create() {
        Availability a = probe();
        if (!a.available()) throw new IllegalStateException("cuda backend unavailable: " + a.reason());
        synchronized (CudaBackendProvider.class) {
            if (shared == null || shared.isClosed()) shared = new CudaBackend();
            return shared;
        }
    }
}
