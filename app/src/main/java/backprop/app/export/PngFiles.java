package backprop.app.export;

import backprop.engine.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/**
 * Writes PNGs atomically: into a temporary file beside the target, then a move over it, so a
 * crash or a full disk never leaves a half-written image where a slide deck expects one.
 */
public final class PngFiles {
    private PngFiles() {}

    /** Converts the FX image (any thread) and writes it to {@code target}. */
    public static void write(Image image, Path target) throws IOException {
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        write(buffered, target);
    }

    public static void write(BufferedImage image, Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException(target + ": folder " + dir + " does not exist");
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", png)) {
            throw new IOException(target + ": no PNG writer available");
        }
        AtomicFiles.write(abs, png.toByteArray());
    }
}
