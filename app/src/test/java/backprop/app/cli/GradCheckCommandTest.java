package backprop.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.gradcheck.GradCheck;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The exit code follows the rows: one row over its tolerance (or none at all) fails the command. */
class GradCheckCommandTest {

    private record Run(int code, String out, String err) {}

    private static Run run(List<GradCheck.Result> rows) {
        GradCheckCommand cmd = new GradCheckCommand();
        cmd.checks = seed -> rows;
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cli = new CommandLine(cmd);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute("--seed", "3"), out.toString(), err.toString());
    }

    private static final GradCheck.Result OK = new GradCheck.Result("add", "op", 1e-6, 1e-3, 24);
    private static final GradCheck.Result OVER = new GradCheck.Result("sigmoid", "activation", 0.25, 1e-3, 12);

    @Test
    void allRowsWithinToleranceExitZero() {
        Run r = run(List.of(OK));
        assertEquals(Cli.OK, r.code(), r.toString());
        assertTrue(r.out().contains("all 1 checks passed (seed 3)"), r.out());
    }

    @Test
    void oneRowOverItsToleranceExitsOneAndIsMarked() {
        Run r = run(List.of(OK, OVER));
        assertEquals(Cli.FAILED, r.code(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("sigmoid") && l.contains("2.50e-01") && l.endsWith("FAIL")), r.out());
        assertTrue(r.out().contains("1 of 2 checks exceeded their tolerance (seed 3)"), r.out());
    }

    @Test
    void noRowsAtAllIsAFailureNotASuccess() {
        Run r = run(List.of());
        assertEquals(Cli.FAILED, r.code(), r.toString());
        assertTrue(r.err().contains("no checks ran"), r.err());
    }
}
