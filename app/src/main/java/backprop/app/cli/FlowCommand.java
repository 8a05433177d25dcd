package backprop.app.cli;

import backprop.engine.models.BuiltinModels;
import backprop.engine.nn.Model;
import backprop.engine.spec.DepthLimits;
import backprop.engine.spec.Limits;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.data.table.TableException;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecReader;
import backprop.engine.spec.Wiring;
import backprop.engine.trace.Histogram;
import backprop.engine.trace.LayerStatistics;
import backprop.engine.trace.StepStatistics;
import backprop.engine.train.FlowRun;
import backprop.engine.train.RunSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flow}: trains a network file step by step and prints each layer's gradient and activation figures per step. */
@Command(name = "flow", mixinStandardHelpOptions = true,
        description = {"Train a network file or built-in network for N steps and print, per step, each layer's gradient norm, δ norm,",
                "saturated and dead fractions, update-to-weight ratio and activation histogram (docs/trace-format.md, \"Statistics\").",
                "The network must fit the Depth view's limits: at most " + Limits.DEPTH_HIDDEN_LAYERS + " hidden layers of at most "
                        + Limits.DEPTH_WIDTH + " units."})
final class FlowCommand implements Callable<Integer> {
    /** Exactly one of the two: what to train. */
    static final class Source {
        @Option(names = "--spec", paramLabel = "FILE", required = true, description = "a network file naming its dataset")
        Path spec;

        @Option(names = "--model", paramLabel = "NAME", required = true,
                description = "a built-in network, e.g. the presets deep-sigmoid-uniform, deep-tanh-xavier, deep-relu-he, "
                        + "deep-relu-he-batchnorm, deep-sigmoid-batchnorm, deep-sigmoid-residual")
        String model;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source what;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "100", description = "training steps (minibatches) to run (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--seed", paramLabel = "S", description = "seed for initial weights, shuffling and data (default: the file's seed, else 42)")
    Long seed;

    @Option(names = "--json", description = "one JSON object per step and line: {\"step\", \"loss\", \"layers\": [{\"id\", \"gradNorm\", …}]}")
    boolean json;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws SpecException, TableException {
        if (steps < 1) throw new UserError("--steps: expected at least 1, found " + steps);
        Limits.check("--steps", steps, Limits.EPOCHS);
        String source = what.spec != null ? what.spec.toString() : "built-in model " + what.model;
        Workload.now("reading " + source, "use a smaller network file");
        NetworkSpec network = what.spec != null ? SpecReader.read(what.spec) : builtin(what.model);
        if (network.isSequence() || network.isImage()) {
            throw new UserError(source + ": $.input.shape: flow trains networks over vectors (dense, batchnorm, activation, add layers); "
                    + "this one reads " + (network.isImage() ? "images" : "sequences"));
        }
        DepthLimits.check(network, source);
        RunSettings run = RunSettings.resolve(network, seed, null, null);
        Workload.now("building the network", "use fewer or narrower layers");
        Model model = ModelFactory.build(network, run.seed());
        TrainingData data = TrainingData.of(network, source, what.spec, run, model, null);
        FlowRun flow = new FlowRun(model, run.training(), data.train());
        // Layers are shown by the id `from` refers to (h1, sum1), which is the name where the file gives no id.
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < network.layers().size(); k++) ids.add(Wiring.id(network.layers().get(k), k));
        PrintWriter out = command.commandLine().getOut();
        if (!json) out.println("histogram bins: below " + Histogram.LOW + ", " + Histogram.INNER + " of width " + Histogram.WIDTH
                + " from " + Histogram.LOW + " to " + Histogram.HIGH + ", at or above " + Histogram.HIGH);
        Workload.now("training " + steps + " steps", "use fewer steps, samples or units");
        for (int i = 0; i < steps; i++) {
            StepStatistics s = flow.step();
            if (json) out.println(jsonLine(s, ids));
            else print(out, s, ids);
            out.flush(); // a run that stops later keeps every step before it on the screen
        }
        return Cli.OK;
    }

    private static NetworkSpec builtin(String name) throws SpecException {
        try {
            if (BuiltinModels.get(name).kind() != BuiltinModels.Kind.NETWORK) throw new UserError("--model: " + name + " is a perceptron, not a network");
            return BuiltinModels.spec(name);
        } catch (IllegalArgumentException e) {
            throw new UserError("--model: " + e.getMessage());
        }
    }

    static String jsonLine(StepStatistics s, List<String> ids) {
        var o = Json.object();
        o.put("step", s.step());
        o.put("loss", s.loss());
        var layers = o.putArray("layers");
        for (int k = 0; k < s.layers().size(); k++) {
            var row = layers.addObject();
            row.put("id", ids.get(k));
            StatisticsJson.put(row, s.layers().get(k));
        }
        return Json.line(o);
    }

    private static void print(PrintWriter out, StepStatistics s, List<String> ids) {
        out.printf(Locale.ROOT, "step %d  loss %.6f%n", s.step(), s.loss());
        TextTable t = new TextTable("  layer", "type", ">gradNorm", ">deltaNorm", ">saturated", ">dead", ">updateRatio", "histogram");
        for (int k = 0; k < s.layers().size(); k++) {
            LayerStatistics l = s.layers().get(k);
            t.row("  " + ids.get(k), l.type() + (l.activation() == null ? "" : " " + l.activation()), sci(l.gradNorm()), sci(l.deltaNorm()),
                    percent(l.saturated()), percent(l.dead()), sci(l.updateRatio()), bars(l.histogram()));
        }
        t.print(out);
    }

    private static String sci(float v) { return Float.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3e", v); }

    private static String percent(float v) { return Float.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v); }

    /** The histogram as one character per bin, from blank (empty) through 9 levels of the fullest bin (@); plain ASCII for any terminal. */
    static String bars(int[] counts) {
        String levels = " .:-=+*#%@";
        int max = 1;
        for (int c : counts) max = Math.max(max, c);
        StringBuilder b = new StringBuilder(counts.length);
        for (int c : counts) b.append(levels.charAt(c == 0 ? 0 : Math.max(1, Math.round(9f * c / max))));
        return b.toString();
    }
}
