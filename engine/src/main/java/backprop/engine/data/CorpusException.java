package backprop.engine.data;

import backprop.engine.spec.UserText;

/**
 * A text corpus that cannot be used, with where and why: the file, the place in it
 * ({@code byte offset 1234 (line 17)}, or none for the whole file) and the problem, in words a
 * student can act on. Built like {@code SpecException}: the message is one short line with the
 * user's text in it escaped and cut; the accessors return the parts as given.
 */
public final class CorpusException extends Exception {
    /** A file name is shown up to this length; longer ones keep their start. */
    private static final int FILE_LENGTH = 160;

    private final String file;
    private final String place;
    private final String problem;

    public CorpusException(String file, String place, String problem) {
        super(UserText.cut(UserText.escape(file), FILE_LENGTH) + ": "
                + (place == null || place.isEmpty() ? "" : place + ": ")
                + UserText.oneLine(problem));
        this.file = file;
        this.place = place;
        this.problem = problem;
    }

    public String file() { return file; }

    /** Where in the file, e.g. "byte offset 1234 (line 17)"; empty when the problem is the whole file. */
    public String place() { return place; }

    public String problem() { return problem; }
}
