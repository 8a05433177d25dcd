package backprop.app.lessonview;

import backprop.app.lesson.Lesson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the folder of shipped lessons: the system property {@value #PROPERTY}, else
 * {@code lessons/} beside the repository the jar was built in ({@code backprop.root}, the jar's
 * {@code ../../lessons}), else {@code ./lessons}.
 */
final class LessonLibrary {
    static final String PROPERTY = "backprop.lessons";

    private LessonLibrary() {}

    static Path folder() {
        String p = System.getProperty(PROPERTY);
        if (p != null) return Path.of(p);
        String root = System.getProperty("backprop.root");
        if (root != null && Files.isDirectory(Path.of(root, "lessons"))) return Path.of(root, "lessons");
        try {
            Path jar = Path.of(LessonLibrary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path up = jar.getParent(); up != null; up = up.getParent()) {
                if (Files.isRegularFile(up.resolve("lessons/README.md"))) return up.resolve("lessons");
            }
        } catch (Exception e) {
            // No code source to start from (an unusual class loader): fall back to the working folder.
        }
        return Path.of("lessons");
    }

    /** The lesson folders in {@code dir}, in name order (the numbers in their names give the order). */
    static List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> Files.isRegularFile(p.resolve(Lesson.FILE))).sorted().forEach(out::add);
        } catch (IOException e) {
            // No lessons folder: the list stays empty and the view says where it looked.
        }
        return out;
    }
}
