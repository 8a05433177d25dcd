package backprop.app.export;

import backprop.app.work.Workers;
import java.io.File;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Toolbar/Ctrl+E export: snapshot the view area on the FX thread (it must be), then convert and
 * write the file on a worker so a large picture never stalls the UI. Reports via {@code status}.
 */
public final class PngExportAction {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private ExecutorService writer;
    private File lastFolder;

    public void run(Window owner, Node area, String viewId, Consumer<String> status) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export view as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName(viewId + "-" + LocalDateTime.now().format(STAMP) + ".png");
        if (lastFolder != null && lastFolder.isDirectory()) chooser.setInitialDirectory(lastFolder);
        File file = chooser.showSaveDialog(owner);
        if (file == null) return;
        File target = file.getName().toLowerCase().endsWith(".png") ? file : new File(file.getPath() + ".png");
        lastFolder = target.getParentFile();
        save(area, target, status);
    }

    /** Snapshots {@code area} now and writes it to {@code target} on the export worker. */
    public Future<?> save(Node area, File target, Consumer<String> status) {
        WritableImage image = area.snapshot(new SnapshotParameters(), null);
        if (writer == null) writer = Workers.newExecutor("png-export");
        return writer.submit(() -> {
            String result;
            try {
                PngFiles.write(image, target.toPath());
                result = "saved " + target.getName() + " (" + (int) image.getWidth() + "×" + (int) image.getHeight() + ")";
            } catch (Exception e) {
                result = "export failed: " + e.getMessage();
            }
            String text = result;
            Platform.runLater(() -> status.accept(text));
        });
    }
}
