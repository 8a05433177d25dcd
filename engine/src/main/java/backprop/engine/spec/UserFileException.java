package backprop.engine.spec;

/**
 * A file a user gave that cannot be used, with where and why: the file, the place in it (a
 * JSON path, a byte offset; empty for the whole file) and the problem, in words a student can
 * act on. Network files ({@link SpecException}) and text corpora ({@code CorpusException})
 * build their messages here, so every such message is the same one short line,
 * "file: place: problem", with the user's text in it escaped and cut ({@link UserText}).
 * The accessors return the parts as given.
 */
public abstract class UserFileException extends Exception {
    /** A file name is shown up to this length; longer ones keep their start. */
    private static final int FILE_LENGTH = 160;

    private final String file;
    private final String place;
    private final String problem;

    protected UserFileException(String file, String place, String problem) {
        super(UserText.cut(UserText.escape(file), FILE_LENGTH) + ": "
                + (place == null || place.isEmpty() ? "" : UserText.cut(UserText.escape(place), UserText.PATH_LENGTH) + ": ")
                + UserText.oneLine(problem));
        this.file = file;
        this.place = place;
        this.problem = problem;
    }

    public String file() { return file; }

    /** Where in the file; empty (or null) when the problem is the whole file. */
    public String place() { return place; }

    public String problem() { return problem; }
}
