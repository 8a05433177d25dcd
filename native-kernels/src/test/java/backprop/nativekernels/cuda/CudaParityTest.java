package backprop.nativekernels.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.backend.Backend;
import backprop.engine.backend.BackendProvider.Availability;
import backprop.engine.backend.JavaBackend;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The cuda backend against the Java reference on {@link ParityCases}: random odd shapes,
 * strides, paddings, transposes and slices, then 100 training steps. Each case also runs twice
 * on the GPU and must repeat bit for bit. Skipped, with the probe's reason printed, where no
 * GPU is present.
 */
class CudaParityTest {
    private static Backend cuda;
    private static final Backend JAVA = new JavaBackend();

    /** Per test rather than per class, so the report counts each skipped test and gives its reason. */
    @BeforeEach
    void needsAGpu() {
        Availability a = new CudaBackendProvider().probe();
        if (!a.available()) System.out.println("CudaParityTest skipped: cuda backend unavailable: " + a.reason());
        Assumptions.assumeTrue(a.available(), () -> "cuda backend unavailable: " + a.reason());
        if (cuda == null) cuda = new CudaBackendProvider().create();
    }

    @TestFactory
    Stream<DynamicTest> everyKernelAgreesWithJavaAndRepeatsExactly() {
        return ParityCases.kernels(20240607L).stream().map(c -> DynamicTest.dynamicTest(c.kernel() + " " + c.shape(), () -> check(c)));
    }

    @Test
    void hundredTrainingStepsAgreeWithJava() {
        check(ParityCases.training(100));
    }

    @AfterAll
    static void nothingFellBackToJava() {
        if (cuda instanceof CudaBackend b) assertEquals(List.of(), b.fallbacks(), "device calls that failed and ran on java");
    }

    private static void check(ParityCases.Case c) {
        float[] ref = c.run().apply(JAVA), got = c.run().apply(cuda), again = c.run().apply(cuda);
        double err = ParityCases.relativeError(got, ref);
        assertTrue(err <= c.tolerance(), () -> c.kernel() + " " + c.shape() + ": relative error " + err + " over " + c.tolerance());
        assertArrayEquals(got, again, "the same inputs twice on the GPU must give bit-identical outputs");
    }
}
