package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, started the way the README says, without a display: it must carry
 * everything it needs and run a sub-command without ever touching JavaFX.
 */
class FatJarTest {

    @Test
    void backendsRunsHeadlessFromTheFatJar() throws Exception {
        Path jar = CliRun.root().resolve("app/target/backprop-studio.jar");
        if (!Files.isRegularFile(jar)) {
            String reason = "skipped: " + jar + " not built (run `mvn -B -q -DskipTests package` first)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "backends")).redirectErrorStream(true);
        pb.environment().remove("DISPLAY"); // a sub-command must not need one
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        p.getOutputStream().close();
        boolean finished = p.waitFor(60, TimeUnit.SECONDS);
        if (!finished) p.destroyForcibly();
        assertTrue(finished, "the jar answered within a minute");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\*\\s+java\\s+\\d+\\s+yes\\s+.+")), out);
    }
}
