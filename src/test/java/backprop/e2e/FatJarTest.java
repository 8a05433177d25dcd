package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, started the way the README says, without a display: it must carry
 * everything it needs, run a sub-command without ever touching JavaFX, and exit with the
 * documented code (the in-JVM tests cannot see System.exit).
 */
class FatJarTest {

    @Test
    void backendsRunsHeadlessFromTheFatJar() throws Exception {
        JarRun r = JarRun.of("backends");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.matches("[* ]\\s+java\\s+\\d+\\s+yes\\s+.+")), r::toString);
        // The natives travel inside the jar: nothing installed on the machine.
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\*\\s+openblas\\s+10\\s+yes\\s+OpenBLAS .+")), r::toString);
    }

    @Test
    void trainPrintsTheHandBuiltTruthTableHeadless() throws Exception {
        JarRun r = JarRun.of("train", "--model", "xor-handbuilt");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), "nothing on stderr (no JavaFX warnings either)");
        assertTrue(r.out().contains("truth table"), r::toString);
    }

    @Test
    void aMalformedSpecExitsWithCodeTwoAndOneLineNamingFilePathAndProblem() throws Exception {
        JarRun r = JarRun.of("train", "--spec", "src/test/resources/specs/bad-activation.json");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals(List.of("backprop-studio train: src/test/resources/specs/bad-activation.json: $.layers[0].activation: unknown activation 'sigmoidd' "
                + "(known: identity, step, sigmoid, tanh, relu, leaky_relu, elu, softplus, softmax)"), r.err().lines().toList());
    }

    @Test
    void aFailedRunExitsWithCodeOne() throws Exception {
        // a linear unit with η = 1000: the loss overflows within a few epochs
        JarRun r = JarRun.of("train", "--spec", "src/test/resources/specs/diverges.json");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("backprop-studio train: training diverged: "), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
    }

    @Test
    void benchFramesMeasuresThePlaygroundHeadlessAndReportsPerFrameFigures() throws Exception {
        // A short run: the figures' sizes are the benchmark's business, their shape is this test's.
        JarRun r = JarRun.of("bench-frames", "--frames", "30", "--on-screen-only", "--json");
        assertEquals(0, r.exitCode(), r::toString);
        var o = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertEquals(30, o.get("frames").asInt());
        double median = o.get("medianMs").asDouble(), p95 = o.get("p95Ms").asDouble(), max = o.get("maxMs").asDouble();
        assertTrue(median > 0 && median <= p95 && p95 <= max, r::toString);
        assertTrue(o.get("fxCpuMsPerFrame").asDouble() > 0 && o.get("renderCpuMsPerFrame").asDouble() > 0
                && o.get("engineCpuMsPerFrame").asDouble() > 0, "every thread that makes a frame worked: " + r.out());
        assertFalse(o.has("fullRepaintMedianMs"), "skipped when asked");
    }
}
