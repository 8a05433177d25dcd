package backprop.app.lessonview;

import backprop.app.lesson.Lesson;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the folder of shipped lessons: the system property {@value #PROPERTY}, else
 * {@code lessons/} beside the repository the jar was built in ({@code backprop.root}), else
 * {@code ./lessons} beside the working folder, else a checkout above the jar, else the lessons
 * built into the jar ({@link #builtin()}: the app pom packs {@code lessons/} as resources, so an
 * installed app has them).
 */
public final class LessonLibrary {
    static final String PROPERTY = "backprop.lessons";
    /** Where the app pom puts the shipped lessons on the class path. */
    static final String RESOURCE = "/lessons/README.md";

    private LessonLibrary() {}

    static Path folder() {
        String p = System.getProperty(PROPERTY);
        if (p != null) return Path.of(p);
        String root = System.getProperty("backprop.root");
        if (root != null && Files.isDirectory(Path.of(root, "lessons"))) return Path.of(root, "lessons");
        if (!list(Path.of("lessons")).isEmpty()) return Path.of("lessons");
        try {
            Path jar = Path.of(LessonLibrary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path up = jar.getParent(); up != null; up = up.getParent()) {
                if (Files.isRegularFile(up.resolve("lessons/README.md"))) return up.resolve("lessons");
            }
        } catch (Exception e) {
            // No code source to start from (an unusual class loader): the built-in lessons follow.
        }
        Path inside = builtin();
        return inside != null ? inside : Path.of("lessons");
    }

    /**
     * The lessons packed into the app: a folder of the jar's own file system (read only, through
     * the JDK's zip file system), or of the class-path folder when running from classes; null when
     * the class path has none.
     */
    public static Path builtin() {
        URL url = LessonLibrary.class.getResource(RESOURCE);
        if (url == null) return null;
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) return Path.of(uri).getParent();
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            return fs.getPath(RESOURCE).getParent();
        } catch (Exception e) {
            return null; // a class path that is neither a folder nor a jar: no built-in lessons
        }
    }

    /** The lesson folders in {@code dir}, in name order (the numbers in their names give the order). */
    public static List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> Files.isRegularFile(p.resolve(Lesson.FILE))).sorted().forEach(out::add);
        } catch (IOException e) {
            // No lessons folder: the list stays empty and the view says where it looked.
        }
        return out;
    }
}
