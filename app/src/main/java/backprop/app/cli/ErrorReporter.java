package backprop.app.cli;

import backprop.engine.spec.SpecException;
import backprop.engine.train.TrainingDivergedException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and an exit code. Students see what went wrong
 * and where, never a stack trace; {@code -Dbackprop.debug=true} adds the trace for developers.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {
    static final String DEBUG_PROPERTY = "backprop.debug";

    /** Unknown options, missing values, unconvertible numbers: picocli's words plus a hint. */
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        debug(ex, err);
        return Cli.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        String who = cmd.getCommandSpec().qualifiedName();
        int code;
        if (ex instanceof SpecException || ex instanceof UserError) {
            err.println(who + ": " + ex.getMessage());
            code = Cli.BAD_INPUT;
        } else if (ex instanceof TrainingDivergedException) {
            err.println(who + ": training diverged: " + ex.getMessage());
            code = Cli.FAILED;
        } else if (ex instanceof IllegalArgumentException) {
            // The engine uses IllegalArgumentException for names it does not know and shapes
            // that do not fit; its messages are written for users.
            err.println(who + ": " + ex.getMessage());
            code = Cli.BAD_INPUT;
        } else {
            err.println(who + ": internal error (" + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                    + "); run with -D" + DEBUG_PROPERTY + "=true to see where");
            code = Cli.FAILED;
        }
        debug(ex, err);
        return code;
    }

    private static void debug(Throwable t, PrintWriter err) {
        if (Boolean.getBoolean(DEBUG_PROPERTY)) t.printStackTrace(err);
    }
}
