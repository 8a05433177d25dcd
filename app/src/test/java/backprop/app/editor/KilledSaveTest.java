package backprop.app.editor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.models.BuiltinModels;
import backprop.engine.spec.SpecWriter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor's Save is killed at random moments, in a separate JVM saving in a loop: the file on
 * disk is always one of the two networks, complete, never a mix or a stub.
 */
class KilledSaveTest {
    @TempDir Path dir;

    @Test
    void aSaveKilledAtAnyMomentLeavesTheOldFileOrTheNewOneWhole() throws Exception {
        Set<String> whole = Set.of(SpecWriter.toJson(BuiltinModels.spec("xor")), SpecWriter.toJson(BuiltinModels.spec("lenet")));
        Path file = dir.resolve("net.json");
        Random random = new Random(18);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int round = 0; round < 6; round++) {
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SaveLoop.class.getName(), file.toString())
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine(); // the loop has begun
            assertTrue("saving".equals(first), "child said: " + first);
            Thread.sleep(20 + random.nextInt(200));
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(whole.contains(text), "round " + round + ": the file is neither network whole (" + text.length() + " characters)");
        }
    }
}
