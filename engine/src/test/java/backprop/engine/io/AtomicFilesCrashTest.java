package backprop.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every save goes through {@link AtomicFiles}: a child JVM saves a 1 MB file in a loop and is
 * killed (SIGKILL: no shutdown hooks, no finally blocks) at random moments, many times. After each
 * kill the file is one whole save, the old one or a new one, never a torn mix.
 */
class AtomicFilesCrashTest {
    private static final int KILLS = 25;

    @TempDir Path dir;

    @Test
    void aKilledSaveLeavesTheOldFileOrTheNewOneWhole() throws Exception {
        Path target = dir.resolve("work.bin");
        Files.write(target, AtomicWriteChild.content(0));
        Random random = new Random(20261207L);
        int replaced = 0;
        for (int k = 0; k < KILLS; k++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), AtomicWriteChild.class.getName(), target.toString())
                    .redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
                assertEquals("ready", out.readLine(), "child started");
                // Every other child first completes a save, so on a loaded machine too some kills
                // land after a replacement (in a later save), and the rest anywhere in the first.
                if (k % 2 == 1) assertEquals("saved", out.readLine(), "child saved once");
                Thread.sleep(random.nextInt(120)); // somewhere in the middle of some save
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child ended");
            }
            long generation = AtomicWriteChild.generationOf(Files.readAllBytes(target));
            assertTrue(generation >= 0, "kill " + k + ": the file is torn");
            if (generation > 0) replaced++;
        }
        assertTrue(replaced > 0, "the children never got a save through: the test did not test anything");
    }
}
