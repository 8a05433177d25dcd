package backprop.app.work;

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
public final class RecentFiles {
    public static final int KEEP = 8;
    private final Path store;

    public RecentFiles(Path store) { this.store = store; }

    /** In the app's folder ({@code ~/.backprop-studio}, or {@code -Dbackprop.studio.home}): {@code name}. */
    public static RecentFiles named(String name) {
        String home = System.getProperty("backprop.studio.home");
        return new RecentFiles((home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".backprop-studio")).resolve(name));
    }

    /** Beside {@code file} (e.g. the editor's recovery file): {@code name}. */
    public static RecentFiles beside(Path file, String name) {
        return new RecentFiles(file.toAbsolutePath().getParent().resolve(name));
    }

    public List<Path> list() {
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
    public void add(Path p) {
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
