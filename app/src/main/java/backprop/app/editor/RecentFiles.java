package backprop.app.editor;

import backprop.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The network files opened or saved last, newest first, kept in a text file (one path a line)
 * beside the recovery file so that they survive the session.
 */
final class RecentFiles {
    static final int KEEP = 8;
    private final Path store;

    RecentFiles(Path store) { this.store = store; }

    /** Beside the recovery file: {@code editor-recent.txt}. */
    static RecentFiles besides(RecoveryFile recovery) {
        Path dir = recovery.path().toAbsolutePath().getParent();
        return new RecentFiles(dir.resolve("editor-recent.txt"));
    }

    List<Path> list() {
        List<Path> out = new ArrayList<>();
        try {
            if (!Files.isRegularFile(store)) return out;
            for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && out.size() < KEEP) out.add(Path.of(line));
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable list is an empty one
        }
        return out;
    }

    /** Puts {@code p} first. */
    void add(Path p) {
        List<Path> all = list();
        Path abs = p.toAbsolutePath();
        all.remove(abs);
        all.add(0, abs);
        StringBuilder b = new StringBuilder();
        for (Path q : all.subList(0, Math.min(KEEP, all.size()))) b.append(q).append('\n');
        try {
            AtomicFiles.write(store, b.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the list is a convenience; the file itself was opened or saved
        }
    }
}
