package backprop.app.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** File → Open network…: asks for a network file, starting where the last one was found. */
final class NetworkFileDialog {
    private File lastFolder;

    Optional<Path> ask(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a network file or a session");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Network files and sessions", "*.json", "*.bpnet", "*.bpsession"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (lastFolder != null && lastFolder.isDirectory()) chooser.setInitialDirectory(lastFolder);
        File file = chooser.showOpenDialog(owner);
        if (file == null) return Optional.empty();
        lastFolder = file.getParentFile();
        return Optional.of(file.toPath());
    }
}
