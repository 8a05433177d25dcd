package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, started the way the README says, without a display: it must carry
 * everything it needs, run a sub-command without ever touching JavaFX, and exit with the
 * documented code (the in-JVM tests cannot see System.exit).
 */
class FatJarTest {

    private record Run(int exitCode, String out, String err) {
        @Override public String toString() { return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err; }
    }

    /**
     * Runs {@code java -jar app/target/backprop-studio.jar args} with no display. Under Maven the
     * reactor packages the jar before these tests (the pom sets backprop.requireJar), so a
     * missing jar is a failure there; from an IDE the test is skipped instead.
     */
    private static Run jar(String... args) throws Exception {
        Path jar = CliRun.root().resolve("app/target/backprop-studio.jar");
        if (!Files.isRegularFile(jar)) {
            String reason = jar + " not built (run `mvn -B -q -DskipTests package` first)";
            assertFalse(Boolean.getBoolean("backprop.requireJar"), reason);
            Assumptions.abort("skipped: " + reason);
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(CliRun.root().toFile());
        pb.environment().remove("DISPLAY"); // a sub-command must not need one
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        boolean finished = p.waitFor(60, TimeUnit.SECONDS);
        if (!finished) p.destroyForcibly();
        assertTrue(finished, "the jar answered within a minute");
        return new Run(p.exitValue(), new String(out.get(), StandardCharsets.UTF_8), new String(err.get(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void backendsRunsHeadlessFromTheFatJar() throws Exception {
        Run r = jar("backends");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\*\\s+java\\s+\\d+\\s+yes\\s+.+")), r::toString);
    }

    @Test
    void trainPrintsTheHandBuiltTruthTableHeadless() throws Exception {
        Run r = jar("train", "--model", "xor-handbuilt");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), "nothing on stderr (no JavaFX warnings either)");
        assertTrue(r.out().contains("truth table"), r::toString);
    }

    @Test
    void aMalformedSpecExitsWithCodeTwoAndOneLineNamingFilePathAndProblem() throws Exception {
        Run r = jar("train", "--spec", "src/test/resources/specs/bad-activation.json");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals(List.of("backprop-studio train: src/test/resources/specs/bad-activation.json: $.layers[0].activation: unknown activation 'sigmoidd' "
                + "(known: identity, step, sigmoid, tanh, relu, leaky_relu, elu, softplus, softmax)"), r.err().lines().toList());
    }

    @Test
    void aFailedRunExitsWithCodeOne() throws Exception {
        // a linear unit with η = 1000: the loss overflows within a few epochs
        Run r = jar("train", "--spec", "src/test/resources/specs/diverges.json");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("backprop-studio train: training diverged: "), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
    }

    @Test
    void benchFramesMeasuresThePlaygroundHeadlessAndReportsPerFrameFigures() throws Exception {
        // A short run: the figures' sizes are the benchmark's business, their shape is this test's.
        Run r = jar("bench-frames", "--frames", "30", "--on-screen-only", "--json");
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
