package backprop.app.cli;

import backprop.engine.spec.UserFileException;
import backprop.engine.spec.UserText;
import backprop.engine.train.TrainingDivergedException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and an exit code. Students see what went wrong
 * and where, never a stack trace; {@code -Dbackprop.debug=true} adds the trace for developers.
 * Every line goes through {@link UserText#oneLine}: user text quoted in a message (an option's
 * value, a name from a file) is escaped and cut, so no message spans two lines or a megabyte.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler, IExecutionStrategy {
    static final String DEBUG_PROPERTY = "backprop.debug";

    // Released before an out-of-memory report is printed, so that printing has room to work.
    private byte[] reserve = new byte[256 << 10];

    /** Unknown options, missing values, unconvertible numbers: picocli's words plus a hint. */
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String who = cmd.getCommandSpec().qualifiedName();
        print(cmd.getErr(), who + ": " + ex.getMessage() + " (try '" + who + " --help' for usage)");
        debug(ex, cmd.getErr());
        return Cli.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        String who = cmd.getCommandSpec().qualifiedName();
        int code;
        if (ex instanceof UserFileException || ex instanceof UserError) {
            print(err, who + ": " + ex.getMessage());
            code = Cli.BAD_INPUT;
        } else if (ex instanceof TrainingDivergedException) {
            print(err, who + ": training diverged: " + ex.getMessage());
            code = Cli.FAILED;
        } else if (ex instanceof IllegalArgumentException) {
            // The engine uses IllegalArgumentException for names it does not know and shapes
            // that do not fit; its messages are written for users.
            print(err, who + ": " + ex.getMessage());
            code = Cli.BAD_INPUT;
        } else {
            print(err, who + ": internal error (" + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                    + "); run with -D" + DEBUG_PROPERTY + "=true to see where");
            code = Cli.FAILED;
        }
        debug(ex, err);
        return code;
    }

    /**
     * Runs the command as picocli would, and reports the errors picocli lets through (they are
     * not Exceptions): running out of memory or stack. By the time they arrive here the
     * command's frames, and with them its big arrays, are gone.
     */
    @Override
    public int execute(ParseResult parsed) {
        List<CommandLine> chain = parsed.asCommandLineList();
        CommandLine cmd = chain.get(chain.size() - 1);
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (OutOfMemoryError e) {
            return outOfMemory(cmd.getErr(), cmd.getCommandSpec().qualifiedName(), e);
        } catch (StackOverflowError e) {
            print(cmd.getErr(), cmd.getCommandSpec().qualifiedName() + ": the input is nested too deeply to process; flatten it");
            debug(e, cmd.getErr());
            return Cli.FAILED;
        } finally {
            Workload.clear();
        }
    }

    /** One line saying what did not fit and how to make it smaller; exit 1 (the run failed, the input may be fine). */
    int outOfMemory(PrintWriter err, String who, OutOfMemoryError e) {
        reserve = null;
        err.println(who + ": out of memory while " + Workload.describe()
                + ", or give Java more memory (java -Xmx4g -jar backprop-studio.jar ...)");
        debug(e, err);
        err.flush();
        try {
            reserve = new byte[256 << 10];
        } catch (OutOfMemoryError stillFull) {
            // Nothing to keep in reserve; the next report prints without it.
        }
        return Cli.FAILED;
    }

    private static void print(PrintWriter err, String line) {
        err.println(UserText.oneLine(line));
    }

    private static void debug(Throwable t, PrintWriter err) {
        if (Boolean.getBoolean(DEBUG_PROPERTY)) t.printStackTrace(err);
    }
}
