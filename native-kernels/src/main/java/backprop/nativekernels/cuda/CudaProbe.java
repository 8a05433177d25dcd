package backprop.nativekernels.cuda;

import backprop.engine.backend.BackendProvider.Availability;
import org.bytedeco.cuda.cudart.cudaDeviceProp;
import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.cudnn;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.Loader;

/**
 * Whether CUDA can run here, asked once. Without a driver the first touch of JavaCPP's cudart
 * throws {@link UnsatisfiedLinkError} and every later touch {@link NoClassDefFoundError}
 * (../shared/style.md), so the first answer, with its reason, is the only one ever computed.
 * Libraries can also load and find no device: that is a reason too.
 */
final class CudaProbe {
    private static Availability cached;

    private CudaProbe() {}

    static synchronized Availability result() {
        if (cached == null) cached = run();
        return cached;
    }

    private static Availability run() {
        String step = "cudart";
        try {
            Loader.load(cudart.class);
            int[] count = {0};
            int err = cudart.cudaGetDeviceCount(count);
            if (err != cudart.cudaSuccess) return Availability.no("CUDA runtime loaded but found no usable device: " + CudaCheck.cudaError(err));
            if (count[0] < 1) return Availability.no("0 CUDA devices");
            step = "cublas";
            Loader.load(cublas.class);
            step = "cudnn";
            Loader.load(cudnn.class);
            return Availability.yes(describe(count[0]));
        } catch (Throwable t) { // linkage errors are the expected failure here, not exceptions
            return Availability.no(reason(step, t));
        }
    }

    /** "NVIDIA H100 (1 device), CUDA runtime 13.1, driver 13.0, cuDNN 91900". */
    private static String describe(int devices) {
        int[] runtime = {0}, driver = {0};
        cudart.cudaRuntimeGetVersion(runtime);
        cudart.cudaDriverGetVersion(driver);
        String name = "device 0";
        try (cudaDeviceProp p = new cudaDeviceProp()) {
            if (cudart.cudaGetDeviceProperties(p, 0) == cudart.cudaSuccess) name = p.name().getString().trim();
        }
        return name + " (" + devices + (devices == 1 ? " device" : " devices") + "), CUDA runtime " + version(runtime[0])
                + ", driver " + version(driver[0]) + ", cuDNN " + cudnn.cudnnGetVersion();
    }

    private static String version(int v) { return (v / 1000) + "." + (v % 1000) / 10; }

    /**
     * One short line: the user sees it in {@code backends} and the status bar. JavaCPP's outer
     * error says only "no jnicudart in java.library.path"; the missing library is named by a
     * cause further down, so the whole chain is read.
     */
    static String reason(String step, Throwable t) {
        Throwable inner = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (m.contains("libcuda.so")) return "no CUDA driver (libcuda.so.1 not found)";
            inner = c;
        }
        String lib = switch (step) {
            case "cublas" -> "cuBLAS (libcublas.so.13)";
            case "cudnn" -> "cuDNN (libcudnn.so.9)";
            default -> "CUDA runtime (libcudart.so.13)";
        };
        String msg = String.valueOf(inner.getMessage());
        Matcher missing = MISSING.matcher(msg);
        if (missing.find()) return lib + " did not load: " + missing.group(1) + " not found";
        String first = msg.lines().findFirst().orElse("");
        if (first.length() > 160) first = first.substring(0, 157) + "...";
        return lib + " did not load: " + inner.getClass().getSimpleName() + ": " + first;
    }

    /** The dynamic linker's "libX.so.N: cannot open shared object file". */
    private static final Pattern MISSING = Pattern.compile("([\\w.+-]+\\.so[\\w.]*): cannot open shared object file");
}
