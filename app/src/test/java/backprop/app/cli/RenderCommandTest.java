package backprop.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.work.Workers;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The {@code render} command as a user runs it. Bad input is refused before JavaFX starts; the
 * one real render runs last because it shuts JavaFX down, as the command must.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RenderCommandTest {
    @TempDir Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new RenderCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test @Order(1)
    void badSpecIsOneLineAndExitCode2() throws Exception {
        Path spec = dir.resolve("broken.json");
        Files.writeString(spec, "{\"name\": \"x\", \"layers\": 5}");
        int rc = run("--view", "backprop", "--spec", spec.toString(), "--out", dir.resolve("x.png").toString());
        assertEquals(2, rc);
        String msg = err.toString().strip();
        assertTrue(msg.startsWith("render: ") && msg.contains("broken.json"), msg);
        assertFalse(msg.contains("\n"), "one line: " + msg);
        assertFalse(msg.contains("at backprop."), "no stack trace");
        assertFalse(Files.exists(dir.resolve("x.png")));
    }

    @Test @Order(2)
    void badAnimationRequestsAreOneLineAndExitCode2() {
        assertEquals(2, run("--view", "playground", "--animate", "--out", dir.resolve("walk.avi").toString()));
        assertTrue(err.toString().contains("walk.avi: an animation is written as .gif or .mp4"), err.toString());
        assertEquals(2, run("--view", "playground", "--animate", "--steps", "0", "--out", dir.resolve("walk.gif").toString()));
        assertTrue(err.toString().contains("--steps must be 1 to"), err.toString());
        assertEquals(2, run("--view", "playground", "--animate", "--fps", "500", "--out", dir.resolve("walk.gif").toString()));
        assertTrue(err.toString().contains("--fps must be 1 to 60"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(dir.resolve("walk.gif")));
    }

    @Test @Order(2)
    void unknownViewThemeOrFolderAreRefused() {
        assertEquals(2, run("--view", "nope", "--out", dir.resolve("x.png").toString()));
        String views = String.join(", ", backprop.app.views.StudioViews.registry().availableIds());
        assertTrue(views.startsWith("playground, backprop"), views);
        assertTrue(err.toString().contains("unknown view 'nope' (available: " + views + ")"), err.toString());
        assertEquals(2, run("--view", "backprop", "--theme", "sepia", "--out", dir.resolve("x.png").toString()));
        assertTrue(err.toString().contains("unknown theme 'sepia'"), err.toString());
        assertEquals(2, run("--view", "backprop", "--out", dir.resolve("missing/x.png").toString()));
        assertEquals(2, run("--view", "backprop", "--width", "0", "--out", dir.resolve("x.png").toString()));
    }

    @Test @Order(3)
    void rendersThePngAndShutsJavaFxDown() throws Exception {
        Path png = dir.resolve("backprop.png");
        int rc = run("--view", "backprop", "--out", png.toString(), "--width", "1920", "--height", "1080",
                "--theme", "dark", "--presenter");
        assertEquals(0, rc, err.toString());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1920, img.getWidth());
        assertEquals(1080, img.getHeight());
        assertTrue(out.toString().contains("wrote"), out.toString());
        // Exits cleanly: the FX thread and every worker end, nothing keeps the JVM alive.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (fxThreadAlive() && System.nanoTime() < deadline) Thread.sleep(20);
        assertFalse(fxThreadAlive(), "JavaFX Application Thread still running after render");
        assertEquals(0, Workers.liveThreads());
    }

    private static boolean fxThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals("JavaFX Application Thread"));
    }
}
