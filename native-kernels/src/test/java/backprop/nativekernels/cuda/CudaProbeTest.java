package backprop.nativekernels.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.backend.BackendProvider.Availability;
import backprop.engine.backend.Backends;
import org.junit.jupiter.api.Test;

/** Runs on every machine: the probe answers once, with a reason, and discovery finds the provider. */
class CudaProbeTest {

    @Test
    void probeAnswersOnceWithAReasonAndNeverThrows() {
        CudaBackendProvider p = new CudaBackendProvider();
        Availability first = p.probe();
        System.out.println("cuda probe: " + (first.available() ? "available: " : "unavailable: ") + first.reason());
        assertFalse(first.reason().isBlank());
        assertSame(first, p.probe(), "probed once, cached");
        assertSame(first, new CudaBackendProvider().probe(), "cached per process, not per provider");
        if (!first.available()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, p::create);
            assertTrue(e.getMessage().contains(first.reason()));
        }
    }

    @Test
    void serviceLoaderFindsCudaRankedAboveJava() {
        Backends.Info cuda = Backends.list().stream().filter(i -> i.name().equals("cuda")).findFirst().orElseThrow();
        Backends.Info java = Backends.list().stream().filter(i -> i.name().equals("java")).findFirst().orElseThrow();
        assertTrue(cuda.rank() > java.rank());
        assertTrue(cuda.available() || !Backends.current().name().equals("cuda"), "an unavailable backend is never chosen");
    }

    @Test
    void aMissingDriverReadsAsOneShortLine() {
        // JavaCPP's shape: the outer error names the JNI wrapper, its cause the missing library.
        UnsatisfiedLinkError outer = new UnsatisfiedLinkError("no jnicudart in java.library.path: /usr/lib");
        outer.initCause(new UnsatisfiedLinkError("/tmp/libjnicudart.so: libcuda.so.1: cannot open shared object file: No such file or directory"));
        assertEquals("no CUDA driver (libcuda.so.1 not found)", CudaProbe.reason("cudart", outer));
        UnsatisfiedLinkError noDnn = new UnsatisfiedLinkError("no jnicudnn in java.library.path");
        noDnn.initCause(new UnsatisfiedLinkError("/tmp/libjnicudnn.so: libcudnn.so.9: cannot open shared object file: No such file or directory"));
        assertEquals("cuDNN (libcudnn.so.9) did not load: libcudnn.so.9 not found", CudaProbe.reason("cudnn", noDnn));
        String other = CudaProbe.reason("cudnn", new UnsatisfiedLinkError("x".repeat(500)));
        assertTrue(other.startsWith("cuDNN (libcudnn.so.9) did not load: UnsatisfiedLinkError: ") && other.length() < 260, other);
    }
}
