package backprop.app.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Ctrl+Shift+S: asks where to save the session; ".bpsession" is added when no extension is typed. */
final class SessionFileDialog {
    private static File lastFolder;

    private SessionFileDialog() {}

    static Optional<Path> ask(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the session");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Backprop Studio session", "*.bpsession"));
        chooser.setInitialFileName("session.bpsession");
        if (lastFolder != null && lastFolder.isDirectory()) chooser.setInitialDirectory(lastFolder);
        File file = chooser.showSaveDialog(owner);
        if (file == null) return Optional.empty();
        lastFolder = file.getParentFile();
        if (!file.getName().toLowerCase(Locale.ROOT).contains(".")) file = new File(file.getPath() + ".bpsession");
        return Optional.of(file.toPath());
    }
}
