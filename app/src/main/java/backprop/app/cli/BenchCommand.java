package backprop.app.cli;

import backprop.engine.bench.StepBenchmark;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: training steps per second for the standard models, with traces off and on. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training steps per second (forward + backward + update) with recording off and on.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--seconds", paramLabel = "S", defaultValue = "2", description = "time per measurement in seconds (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--json", description = "one JSON object per measurement and line")
    boolean json;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        if (!(seconds > 0 && seconds <= 600)) throw new UserError("--seconds: expected a number above 0 and at most 600, found " + seconds);
        PrintWriter out = command.commandLine().getOut();
        List<StepBenchmark.Result> results = StepBenchmark.standardSuite(seconds);
        if (results.isEmpty()) {
            command.commandLine().getErr().println("bench: no measurements (this build's engine has no benchmark suite)");
            return Cli.FAILED;
        }
        if (json) {
            for (StepBenchmark.Result r : results) {
                var o = Json.object();
                o.put("name", r.name());
                o.put("batch", r.batch());
                o.put("recording", r.recording());
                o.put("steps", r.steps());
                o.put("seconds", r.seconds());
                o.put("stepsPerSecond", r.stepsPerSecond());
                out.println(Json.line(o));
            }
            return Cli.OK;
        }
        TextTable table = new TextTable("model", ">batch", "recording", ">steps", ">seconds", ">steps/s");
        for (StepBenchmark.Result r : results) {
            table.row(r.name(), r.batch(), r.recording() ? "on" : "off", r.steps(),
                    String.format(Locale.ROOT, "%.2f", r.seconds()), String.format(Locale.ROOT, "%.1f", r.stepsPerSecond()));
        }
        table.print(out);
        return Cli.OK;
    }
}
