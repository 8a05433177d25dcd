package backprop.app.backprop;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javax.imageio.ImageIO;

/** Writes a node's snapshot to app/target/screens/NAME.png, for looking at what tests drove. */
final class BackpropScreenshots {
    private BackpropScreenshots() {}

    static Path save(Node node, String name) {
        try {
            Path dir = Path.of("target", "screens");
            Files.createDirectories(dir);
            Path out = dir.resolve(name + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(node.snapshot(new SnapshotParameters(), null), null), "png", out.toFile());
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static File file(String name) { return Path.of("target", "screens", name + ".png").toFile(); }
}
