package backprop.app.shell;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Ctrl+R: asks where to save a recording; the chosen filter decides GIF or MP4 when no extension is typed. */
final class RecordFileDialog {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static File lastFolder;

    private RecordFileDialog() {}

    static Optional<Path> ask(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Record the view");
        FileChooser.ExtensionFilter gif = new FileChooser.ExtensionFilter("Animated GIF (slides, web pages)", "*.gif");
        FileChooser.ExtensionFilter mp4 = new FileChooser.ExtensionFilter("MP4 video (H.264)", "*.mp4");
        chooser.getExtensionFilters().addAll(gif, mp4);
        chooser.setInitialFileName("recording-" + LocalDateTime.now().format(STAMP) + ".gif");
        if (lastFolder != null && lastFolder.isDirectory()) chooser.setInitialDirectory(lastFolder);
        File file = chooser.showSaveDialog(owner);
        if (file == null) return Optional.empty();
        lastFolder = file.getParentFile();
        String name = file.getName().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".gif") && !name.endsWith(".mp4")) {
            file = new File(file.getPath() + (chooser.getSelectedExtensionFilter() == mp4 ? ".mp4" : ".gif"));
        }
        return Optional.of(file.toPath());
    }
}
