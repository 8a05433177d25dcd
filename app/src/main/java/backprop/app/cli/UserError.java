package backprop.app.cli;

/**
 * A problem the user can fix (a missing file, malformed --input JSON, a batch that does not fit
 * the network). Its message is complete on its own: it is printed as one line, without a
 * stack trace, and the command exits with {@link Cli#BAD_INPUT}.
 */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message, null, false, false);
    }
}
