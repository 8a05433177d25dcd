package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.backend.Backends;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Through the packaged jar, on every backend that can run here ({@code -Dbackprop.backend=NAME}):
 * training the classroom models twice gives the same bytes. Unavailable backends are listed
 * with their reason and skipped.
 */
class BackendDeterminismTest {

    @TestFactory
    List<DynamicTest> trainingPrintsTheSameBytesTwiceOnEachBackend() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Backends.Info b : Backends.list()) {
            if (!b.available()) {
                System.out.println("skipping " + b.name() + ": " + b.reason());
                continue;
            }
            tests.add(DynamicTest.dynamicTest("the jar runs " + b.name() + " when asked", () -> {
                JarRun r = JarRun.of(List.of("-Dbackprop.backend=" + b.name()), "backends");
                assertTrue(r.out().contains("* in use: " + b.name() + " (requested: " + b.name() + ")"), r::toString);
            }));
            for (String model : List.of("xor", "encoder-838")) {
                tests.add(DynamicTest.dynamicTest(model + " on " + b.name(), () -> {
                    List<String> jvm = List.of("-Dbackprop.backend=" + b.name());
                    JarRun first = JarRun.of(jvm, "train", "--model", model), second = JarRun.of(jvm, "train", "--model", model);
                    assertEquals(0, first.exitCode(), first::toString);
                    assertFalse(first.err().contains("Exception"), first::toString); // stderr may carry progress lines on a slow machine
                    assertEquals(first.out(), second.out(), "bit-identical run to run on " + b.name());
                }));
            }
        }
        return tests;
    }

    /** A fresh clone on the usual machine exercises openblas, not a skip: its natives come inside the jar. */
    @Test
    void openblasLoadsOnLinuxX8664() {
        boolean usual = System.getProperty("os.name").toLowerCase().contains("linux") && System.getProperty("os.arch").equals("amd64");
        Backends.Info openblas = Backends.list().stream().filter(i -> i.name().equals("openblas")).findFirst().orElseThrow();
        if (usual) assertTrue(openblas.available(), openblas::reason);
    }
}
