package backprop.e2e;

import backprop.engine.backend.Backend;
import backprop.engine.backend.BackendProvider;

/**
 * Backends that cannot run, registered for the end-to-end tests only (META-INF/services under
 * src/test/resources), so that {@code backends} has a "no, because …" row to show: one that
 * says why, as a GPU backend on a machine without the GPU would, and one whose probe throws
 * the way a missing native library does.
 */
final class StandInBackends {
    private StandInBackends() {}

    /** Ranked above java: an unavailable backend must not be chosen however high it ranks. */
    public static final class NoDevice implements BackendProvider {
        @Override public String name() { return "test-gpu"; }
        @Override public int rank() { return 100; }
        @Override public Availability probe() { return Availability.no("no CUDA device found (stand-in for tests)"); }
        @Override public Backend create() { throw new IllegalStateException("test-gpu cannot run"); }
    }

    /** A probe that fails with a linkage error must be reported, not break discovery. */
    public static final class BrokenProbe implements BackendProvider {
        @Override public String name() { return "test-native"; }
        @Override public int rank() { return 50; }
        @Override public Availability probe() { throw new UnsatisfiedLinkError("no test-native in java.library.path"); }
        @Override public Backend create() { throw new IllegalStateException("test-native cannot run"); }
    }
}
