package backprop.app.cli;

import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecReader;
import backprop.engine.spec.SpecWriter;
import backprop.engine.tensor.Tensor;
import backprop.engine.trace.StepTrace;
import backprop.engine.train.RunSettings;
import backprop.engine.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trace}: one forward and one backward pass on a batch, nothing updated, every number
 * written as JSON (docs/trace-format.md). A teacher checks a hand-worked backprop against it.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"One forward and backward pass on a batch (no update), written as JSON: a, z, delta, gradients.",
                "Format: docs/trace-format.md. --input/--target take JSON arrays, batch first, or @FILE."})
final class TraceCommand implements Callable<Integer> {
    @Option(names = "--spec", paramLabel = "FILE", required = true, description = "the network file")
    Path spec;

    @Option(names = "--input", paramLabel = "JSON", required = true, description = "inputs, one row per sample, e.g. '[[0,1],[1,1]]'")
    String input;

    @Option(names = "--target", paramLabel = "JSON", required = true, description = "targets, one row per sample, e.g. '[[1],[0]]'")
    String target;

    @Option(names = "--out", paramLabel = "FILE", description = "write the trace here (atomically) instead of to standard output")
    Path out;

    @Option(names = "--seed", paramLabel = "S", description = "seed for weights the file omits (default: the file's seed, else 42)")
    Long seed;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws SpecException, IOException {
        Workload.now("reading " + spec, "use a smaller network file");
        NetworkSpec network = SpecReader.read(spec);
        RunSettings run = RunSettings.resolve(network, seed, null, null);
        long s = run.seed();
        String shape = NetworkTraining.shape(network);
        Workload.now("building the network " + shape, "use fewer units or inputs");
        Model model = ModelFactory.build(network, s);
        Workload.now("reading --input and --target", "trace fewer samples");
        float[][] x = BatchArgument.parse("--input", input, model.inputSize(), "the network's inputs, $.input.shape of " + spec);
        float[][] y = BatchArgument.parse("--target", target, model.outputSize(), "the units of the last layer of " + spec);
        if (x.length != y.length) {
            throw new UserError("--target: " + y.length + " target rows for " + x.length + " input rows; give one target per sample");
        }
        Workload.now("tracing " + x.length + " sample(s) through " + shape, "trace fewer samples or use fewer units");
        StepTrace trace = new Trainer(model, run.training()).trace(Tensor.matrix(x), Tensor.matrix(y));
        String json = TraceJson.write(trace, network, s);
        if (out == null) {
            command.commandLine().getOut().print(json);
            command.commandLine().getOut().flush();
        } else {
            try {
                SpecWriter.writeAtomically(out, json);
            } catch (IOException e) {
                throw new UserError("--out " + out + ": cannot write (" + e.getMessage() + ")");
            }
            command.commandLine().getOut().printf(Locale.ROOT, "wrote the trace of %d sample(s) to %s (loss %s)%n", x.length, out, trace.loss());
        }
        return Cli.OK;
    }
}
