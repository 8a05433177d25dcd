package backprop.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which command lines open the window with a file, and which stay on the command line. */
class LauncherTest {
    @TempDir Path dir;

    @Test
    void oneExistingFileOpensTheWindow() throws Exception {
        Path net = Files.writeString(dir.resolve("xor.bpnet"), "{}");
        assertTrue(Launcher.opensAFile(new String[] {net.toString()}));
    }

    @Test
    void commandsOptionsMissingFilesAndFoldersStayOnTheCommandLine() {
        assertFalse(Launcher.opensAFile(new String[] {"train"}));
        assertFalse(Launcher.opensAFile(new String[] {"--version"}));
        assertFalse(Launcher.opensAFile(new String[] {dir.resolve("missing.json").toString()}));
        assertFalse(Launcher.opensAFile(new String[] {dir.toString()}));
        assertFalse(Launcher.opensAFile(new String[] {"train", "--model", "xor"}));
    }
}
