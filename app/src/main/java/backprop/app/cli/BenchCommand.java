package backprop.app.cli;

import backprop.engine.backend.Backends;
import backprop.engine.bench.GemmBenchmark;
import backprop.engine.bench.StepBenchmark;
import backprop.engine.spec.UserText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: gemm GFLOP/s and training steps per second for the standard models, with traces off and on, per backend. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure gemm GFLOP/s (n×n×n) and training steps per second (forward + backward + update) with recording off and on.",
                "Runs on the backend in use, the one named by --backend, or each available one in turn (--all)."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--seconds", paramLabel = "S", defaultValue = "2", description = "time per measurement in seconds (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--json", description = "one JSON object per measurement and line")
    boolean json;

    @Option(names = "--backend", paramLabel = "NAME", description = "measure this backend (default: the one in use)")
    String backend;

    @Option(names = "--all", description = "measure every available backend in turn")
    boolean all;

    @Option(names = "--gemm-size", paramLabel = "N", defaultValue = "1024", description = "size of the gemm measured, N×N×N (default: ${DEFAULT-VALUE})")
    int gemmSize;

    @Option(names = "--model", paramLabel = "NAME", split = ",",
            description = "measure only these workloads, comma-separated (default: all of xor, mlp-784-128-10, char-lstm, lenet)")
    List<String> models;

    @Spec
    CommandSpec command;

    /** One backend's figures. */
    private record Run(String backend, double gflops, List<StepBenchmark.Result> steps) {}

    @Override
    public Integer call() {
        if (!(seconds > 0 && seconds <= 600)) throw new UserError("--seconds: expected a number above 0 and at most 600, found " + seconds);
        if (gemmSize < 1 || gemmSize > 8192) throw new UserError("--gemm-size: expected 1 to 8192, found " + gemmSize);
        if (all && backend != null) throw new UserError("--all and --backend: choose one");
        List<String> workloads = models == null ? StepBenchmark.WORKLOADS : List.copyOf(models);
        for (String m : workloads) {
            if (!StepBenchmark.WORKLOADS.contains(m)) {
                throw new UserError("--model: unknown workload " + UserText.quote(m) + " (known: " + String.join(", ", StepBenchmark.WORKLOADS) + ")");
            }
        }
        PrintWriter out = command.commandLine().getOut();
        List<String> names = new ArrayList<>();
        if (all) {
            for (Backends.Info i : Backends.list()) if (i.available()) names.add(i.name());
        } else {
            names.add(backend != null ? backend : Backends.current().name());
        }
        String before = Backends.current().name();
        List<Run> runs = new ArrayList<>();
        try {
            for (String name : names) {
                if (!Backends.switchTo(name)) throw new UserError("--backend: " + Backends.whyCurrent());
                double gflops = GemmBenchmark.gflops(Backends.current(), gemmSize, gemmSize, gemmSize, seconds);
                runs.add(new Run(name, gflops, StepBenchmark.suite(seconds, workloads)));
            }
        } finally {
            Backends.use(before); // in-process callers (tests, the app) keep their backend
        }
        if (json) {
            for (Run run : runs) {
                var g = Json.object();
                g.put("backend", run.backend());
                g.put("name", "gemm-" + gemmSize);
                g.put("gflops", run.gflops());
                out.println(Json.line(g));
                for (StepBenchmark.Result r : run.steps()) {
                    var o = Json.object();
                    o.put("backend", run.backend());
                    o.put("name", r.name());
                    o.put("batch", r.batch());
                    o.put("recording", r.recording());
                    o.put("records", r.records());
                    o.put("steps", r.steps());
                    o.put("seconds", r.seconds());
                    o.put("stepsPerSecond", r.stepsPerSecond());
                    out.println(Json.line(o));
                }
            }
            return Cli.OK;
        }
        TextTable table = new TextTable("backend", "model", ">batch", "recording", ">steps", ">seconds", ">steps/s", ">GFLOP/s");
        for (Run run : runs) {
            table.row(run.backend(), "gemm " + gemmSize + "³", "", "", "", "", "", String.format(Locale.ROOT, "%.1f", run.gflops()));
            for (StepBenchmark.Result r : run.steps()) {
                table.row(run.backend(), r.name(), r.batch(), r.recording() ? "on (" + r.records() + ")" : "off", r.steps(),
                        String.format(Locale.ROOT, "%.2f", r.seconds()), String.format(Locale.ROOT, "%.1f", r.stepsPerSecond()), "");
            }
        }
        table.print(out);
        return Cli.OK;
    }
}
