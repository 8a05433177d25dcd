package backprop.app.lesson;

import java.nio.file.Path;
import java.util.List;

/** A lesson read from its folder: {@code folder/lesson.json} and the network files it names. */
public record Lesson(Path folder, String title, String summary, List<LessonStep> steps) {
    public static final String FILE = "lesson.json";

    public Lesson {
        steps = List.copyOf(steps);
    }

    /** The folder's name: the lesson's id in progress files and the command line's output. */
    public String id() { return folder.getFileName().toString(); }

    /** The lesson file, named as the user gave the folder (for messages). */
    public String file() { return folder.resolve(FILE).toString(); }
}
