package backprop.app.cli;

import backprop.engine.gradcheck.GradCheck;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gradcheck}: analytic gradients against central finite differences, one row per op or layer. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true,
        description = {"Compare every op's and layer's backprop gradient with central finite differences.",
                "Exits 1 if any row exceeds its tolerance (or if nothing was checked)."})
final class GradCheckCommand implements Callable<Integer> {
    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "seed for the random test inputs (default: ${DEFAULT-VALUE})")
    long seed;

    @Spec
    CommandSpec command;

    /** Where the rows come from: the engine's checks; a test swaps in a failing row to see the exit code. */
    LongFunction<List<GradCheck.Result>> checks = GradCheck::runAll;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        List<GradCheck.Result> results = checks.apply(seed);
        if (results.isEmpty()) {
            command.commandLine().getErr().println("gradcheck: no checks ran (this build's engine has no gradient checks)");
            return Cli.FAILED;
        }
        TextTable table = new TextTable("name", "kind", ">checked", ">worst rel. error", ">tolerance", "result");
        int failed = 0;
        for (GradCheck.Result r : results) {
            if (!r.passed()) failed++;
            table.row(r.name(), r.kind(), r.checked(), sci(r.worstRelativeError()), sci(r.tolerance()), r.passed() ? "ok" : "FAIL");
        }
        table.print(out);
        out.println(failed == 0
                ? "all " + results.size() + " checks passed (seed " + seed + ")"
                : failed + " of " + results.size() + " checks exceeded their tolerance (seed " + seed + ")");
        return failed == 0 ? Cli.OK : Cli.FAILED;
    }

    private static String sci(double v) { return String.format(Locale.ROOT, "%.2e", v); }
}
