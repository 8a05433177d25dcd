package backprop.engine.spec;

/**
 * A network file that cannot be used, with where and why: the file, the JSON path
 * ({@code $.layers[1].activation}) and the problem, in words a student can act on.
 */
public final class SpecException extends Exception {
    private final String file;
    private final String path;
    private final String problem;

    public SpecException(String file, String path, String problem) {
        super(file + ": " + (path == null || path.isEmpty() ? "" : path + ": ") + problem);
        this.file = file;
        this.path = path;
        this.problem = problem;
    }

    public String file() { return file; }

    public String path() { return path; }

    public String problem() { return problem; }
}
