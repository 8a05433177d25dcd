package backprop.app.lesson;

import backprop.engine.spec.UserFileException;

/**
 * A lesson that cannot be used: the file, the JSON path ({@code $.steps[2].ask.tolerance}) and the
 * problem, as one line. Thrown for malformed files, paths that leave the lesson's folder and files
 * over the size limits (the command line exits 2 for these).
 */
public final class LessonException extends UserFileException {
    public LessonException(String file, String path, String problem) {
        super(file, path, problem);
    }
}
