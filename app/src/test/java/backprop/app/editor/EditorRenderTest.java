package backprop.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.cli.RenderCommand;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code render --view editor --spec FILE} draws the network headlessly, like every other view. */
class EditorRenderTest {
    @TempDir Path dir;

    @Test
    void rendersLeNetFromItsFile() throws Exception {
        System.setProperty("backprop.editor.recovery", dir.resolve("recovery.json").toString());
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new RenderCommand());
        cmd.setErr(new PrintWriter(err, true));
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        Path png = dir.resolve("lenet.png");
        Path spec = Path.of(System.getProperty("backprop.root", "..")).resolve("engine/src/main/resources/backprop/engine/models/lenet.json");
        int rc = cmd.execute("--view", "editor", "--spec", spec.toString(), "--out", png.toString(), "--width", "1920", "--height", "1080", "--theme", "dark");
        assertEquals(0, rc, err.toString());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1920, img.getWidth());
        // Five layers with parameters: five parameter badges in the dark theme's accent (#d6a8ec).
        int accent = 0;
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xffffff) == 0xd6a8ec) accent++;
        assertTrue(accent > 5 * 150, "badge pixels: " + accent);
    }
}
