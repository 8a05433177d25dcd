package backprop.app.editor;

import backprop.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where unsaved editor work is kept between autosaves: {@code ~/.backprop-studio/editor-recovery.json},
 * or the file named by the system property {@code backprop.editor.recovery} (tests). Written
 * atomically, so a crash during an autosave leaves the previous one.
 */
final class RecoveryFile {
    private final Path path;

    RecoveryFile(Path path) { this.path = path; }

    static RecoveryFile standard() {
        String p = System.getProperty("backprop.editor.recovery");
        return new RecoveryFile(p != null ? Path.of(p) : Path.of(System.getProperty("user.home"), ".backprop-studio", "editor-recovery.json"));
    }

    Path path() { return path; }

    void write(String text) throws IOException {
        AtomicFiles.write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** What the last session left, if anything. */
    Optional<String> read() {
        try {
            return Files.isRegularFile(path) ? Optional.of(Files.readString(path, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Nothing unsaved any more (saved, discarded, restored into the editor and then saved). */
    void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a stale recovery file only means an offer to restore next time
        }
    }
}
