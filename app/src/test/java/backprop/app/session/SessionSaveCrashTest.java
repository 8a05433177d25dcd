package backprop.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM saving sessions in a loop is killed (SIGKILL) at random moments, many times: the
 * file always reads as one whole session, the old one or a new one, whose every entry belongs to
 * its own generation.
 */
class SessionSaveCrashTest {
    private static final int KILLS = 20;

    @TempDir Path dir;

    @Test
    void aKilledSaveLeavesAWholeSession() throws Exception {
        Path target = dir.resolve("class.bpsession");
        SessionFiles.write(target, SessionWriteChild.session(0));
        Random random = new Random(7);
        int replaced = 0;
        for (int k = 0; k < KILLS; k++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SessionWriteChild.class.getName(), target.toString())
                    .redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
                assertEquals("ready", out.readLine(), "child started");
                Thread.sleep(random.nextInt(300)); // somewhere in a later save
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child ended");
            }
            Session s = SessionFiles.read(target); // throws if torn
            long g = s.state().get("generation").asLong();
            var log = s.state().get("log");
            assertEquals(20_000, log.size(), "kill " + k + ": the whole list");
            assertEquals(g + 19_999, log.get(19_999).get("epochs").asLong(), "kill " + k + ": one generation throughout");
            if (g > 0) replaced++;
        }
        assertTrue(replaced == KILLS, "every child got its first save through");
    }
}
