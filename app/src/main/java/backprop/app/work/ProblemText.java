package backprop.app.work;

import backprop.engine.spec.UserText;
import backprop.engine.train.TrainingDivergedException;

/**
 * A problem as the one line the user sees (status bar, a view's message line): never two lines,
 * never a stack trace, never a million characters, and naming the file it came from. Every
 * "could not open / build / train" message of the app goes through here, so they read alike.
 */
public final class ProblemText {
    private ProblemText() {}

    /** The longest line shown, as in the command line's messages. */
    public static final int MAX_LENGTH = UserText.MESSAGE_LENGTH;

    /** What a failure on an engine thread means for the user, in words (no class names unless nothing else is known). */
    public static String of(Throwable t) {
        if (t instanceof OutOfMemoryError) return "the network did not fit in memory; use fewer units or samples";
        if (t instanceof TrainingDivergedException) return "training stopped: " + t.getMessage() + "; lower the learning rate";
        String m = t.getMessage();
        if (m == null || m.isBlank()) return "unexpected " + t.getClass().getSimpleName() + " (please report it)";
        return m;
    }

    /** {@code problem} about {@code source} (a file name, or null) as one escaped, cut line that names the source. */
    public static String line(String source, String problem) {
        String p = problem == null || problem.isBlank() ? "unknown problem" : problem;
        String named = source == null || p.contains(source) ? p : source + ": " + p;
        return UserText.cut(UserText.escape(named), MAX_LENGTH);
    }

    /** {@link #line} of what {@code t} means. */
    public static String line(String source, Throwable t) {
        return line(source, of(t));
    }
}
