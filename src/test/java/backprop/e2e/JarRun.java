package backprop.e2e;

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

/** One run of the packaged jar in its own JVM, with what it printed and its exit code. */
record JarRun(int exitCode, String out, String err) {

    /**
     * Runs {@code java jvmOptions -jar app/target/backprop-studio.jar args} with no display. Under
     * Maven the reactor packages the jar before these tests (the pom sets backprop.requireJar), so
     * a missing jar is a failure there; from an IDE the test is skipped instead.
     */
    static JarRun of(List<String> jvmOptions, String... args) throws Exception {
        Path jar = CliRun.root().resolve("app/target/backprop-studio.jar");
        if (!Files.isRegularFile(jar)) {
            String reason = jar + " not built (run `mvn -B -q -DskipTests package` first)";
            assertFalse(Boolean.getBoolean("backprop.requireJar"), reason);
            Assumptions.abort("skipped: " + reason);
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar.toString()));
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
        return new JarRun(p.exitValue(), new String(out.get(), StandardCharsets.UTF_8), new String(err.get(), StandardCharsets.UTF_8));
    }

    static JarRun of(String... args) throws Exception { return of(List.of(), args); }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override public String toString() { return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err; }
}
