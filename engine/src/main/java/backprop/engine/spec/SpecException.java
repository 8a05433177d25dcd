package backprop.engine.spec;

/**
 * A network file that cannot be used, with where and why: the file, the JSON path
 * ({@code $.layers[1].activation}) and the problem, in words a student can act on. The message
 * is built by {@link UserFileException}: one short line, user text escaped and cut.
 */
public final class SpecException extends UserFileException {
    public SpecException(String file, String path, String problem) {
        super(file, path, problem);
    }

    /** The JSON path, as given. */
    public String path() { return place(); }
}
