package backprop.nativekernels.openblas;

import backprop.engine.backend.BackendProvider.Availability;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Loads OpenBLAS (JavaCPP's preset, natives from the jar) once per process and fixes its
 * thread count. Nothing here runs until {@link #probe()} is called: discovery stays free of
 * native code.
 */
final class OpenBlasLibrary {
    private OpenBlasLibrary() {}

    /** Threads OpenBLAS may use: {@code -Dbackprop.openblas.threads=N}, default 1. */
    static final String THREADS_PROPERTY = "backprop.openblas.threads";

    private static Availability cached;
    private static int threads;

    /** Loads the library the first time, catching anything (a missing .so is a linkage error), and caches the answer. */
    static synchronized Availability probe() {
        if (cached == null) {
            try {
                Loader.load(openblas_nolapack.class);
                // OPENBLAS_NUM_THREADS cannot be set from inside the JVM, but the preset reaches
                // openblas_set_num_threads through blas_set_num_threads once the library is loaded.
                // One fixed count makes every product's work split, hence its sums, the same each run.
                int wanted = Math.max(1, Integer.getInteger(THREADS_PROPERTY, 1));
                org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(wanted);
                threads = org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads();
                cached = Availability.yes(openblas_nolapack.OPENBLAS_VERSION.trim() + " via JavaCPP, " + threads
                        + (threads == 1 ? " thread" : " threads") + "; products under " + OpenBlasBackend.JAVA_BELOW + " multiply-adds run in Java");
            } catch (Throwable t) { // UnsatisfiedLinkError first, NoClassDefFoundError after: never let it escape
                cached = Availability.no(t.getClass().getSimpleName() + ": " + t.getMessage());
            }
        }
        return cached;
    }

    static synchronized int threads() { return threads; }
}
