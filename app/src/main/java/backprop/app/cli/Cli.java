package backprop.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Builds the picocli command line with the project's error policy, so that the launcher and
 * the end-to-end tests run exactly the same thing.
 *
 * <p>Exit codes: {@link #OK} on success, {@link #FAILED} when the run itself reports a failure
 * (a gradient check over tolerance, training that diverged), {@link #BAD_INPUT} for anything the
 * user can fix (unknown option, malformed network file, bad --input JSON, shapes that do not fit).
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private Cli() {}

    /** A ready command line writing to the given streams. */
    public static CommandLine create(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new RootCommand());
        ErrorReporter errors = new ErrorReporter();
        cli.setParameterExceptionHandler(errors);
        cli.setExecutionExceptionHandler(errors);
        cli.setExecutionStrategy(errors);
        // setOut/setErr propagate to sub-commands registered so far, so they come last.
        cli.setOut(out);
        cli.setErr(err);
        return cli;
    }

    /** Whether {@code word} names a sub-command (so a file of that name is not opened in the window). */
    public static boolean isCommand(String word) {
        return new CommandLine(new RootCommand()).getSubcommands().containsKey(word);
    }

    /**
     * Runs one command line on the process's standard streams and returns its exit code. The
     * last safety net: anything that escapes picocli and the reporter (an error while starting
     * up or while reporting) is still one line, never a stack trace.
     */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            return create(out, err).execute(args);
        } catch (OutOfMemoryError e) {
            err.println("backprop-studio: out of memory; give Java more memory (java -Xmx4g -jar backprop-studio.jar ...)");
            return FAILED;
        } catch (Throwable t) {
            err.println("backprop-studio: internal error (" + t.getClass().getSimpleName() + "); run with -D"
                    + ErrorReporter.DEBUG_PROPERTY + "=true to see where");
            if (Boolean.getBoolean(ErrorReporter.DEBUG_PROPERTY)) t.printStackTrace(err);
            return FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
