package backprop.engine.spec;

/**
 * A network file that cannot be used, with where and why: the file, the JSON path
 * ({@code $.layers[1].activation}) and the problem, in words a student can act on.
 *
 * <p>This is the one place the message is built, so every reader's message is one short line:
 * user text in it (a file name, a key in the path, a quoted value) is escaped and cut
 * ({@link UserText}). The accessors return the parts as given.
 */
public final class SpecException extends Exception {
    /** A file name is shown up to this length; longer ones keep their start. */
    private static final int FILE_LENGTH = 160;

    private final String file;
    private final String path;
    private final String problem;

    public SpecException(String file, String path, String problem) {
        super(UserText.cut(UserText.escape(file), FILE_LENGTH) + ": "
                + (path == null || path.isEmpty() ? "" : UserText.cut(UserText.escape(path), UserText.PATH_LENGTH) + ": ")
                + UserText.oneLine(problem));
        this.file = file;
        this.path = path;
        this.problem = problem;
    }

    public String file() { return file; }

    public String path() { return path; }

    public String problem() { return problem; }
}
