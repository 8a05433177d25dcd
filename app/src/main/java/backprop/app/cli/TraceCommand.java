package backprop.app.cli;

import backprop.engine.data.Dataset;
import backprop.engine.data.table.TableException;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trace}: one forward and one backward pass on a batch, nothing updated, every number
 * written as JSON (docs/trace-format.md). A teacher checks a hand-worked backprop against it.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"One forward and backward pass on a batch (no update), written as JSON: a, z, delta, gradients.",
                "Format: docs/trace-format.md. --input/--target take JSON arrays, batch first, or @FILE;",
                "for a recurrent network [samples][steps][features], targets per step or after the last step.",
                "With a table (--data FILE, or a network file whose dataset is one) and no --input/--target: the first training batch."})
final class TraceCommand implements Callable<Integer> {
    @Option(names = "--spec", paramLabel = "FILE", required = true, description = "the network file")
    Path spec;

    @Option(names = "--input", paramLabel = "JSON", description = "inputs, one row per sample, e.g. '[[0,1],[1,1]]'; sequences [samples][steps][features] "
            + "(required unless the data are a table: then the first training batch of the table is traced)")
    String input;

    @Option(names = "--target", paramLabel = "JSON", description = "targets, one row per sample, e.g. '[[1],[0]]'; sequences [samples][steps or 1][outputs]")
    String target;

    @Mixin
    DataFlags dataFlags = new DataFlags();

    @Option(names = "--out", paramLabel = "FILE", description = "write the trace here (atomically) instead of to standard output")
    Path out;

    @Option(names = "--seed", paramLabel = "S", description = "seed for weights the file omits (default: the file's seed, else 42)")
    Long seed;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws SpecException, IOException, TableException {
        Workload.now("reading " + spec, "use a smaller network file");
        NetworkSpec network = dataFlags.apply(SpecReader.read(spec));
        boolean fromTable = input == null && target == null && DataFlags.isTable(network);
        if (!fromTable && (input == null || target == null)) {
            throw new UserError((input == null ? "--input" : "--target") + ": required, unless the network's data are a table "
                    + "(--data FILE, or a dataset with \"file\", \"table\" or a table's name) and neither is given");
        }
        if (dataFlags.given() && !fromTable) throw new UserError("--data: traces the table's first batch; leave out --input and --target");
        RunSettings run = RunSettings.resolve(network, seed, null, null);
        long s = run.seed();
        String shape = NetworkTraining.shape(network);
        Workload.now("building the network " + shape, "use fewer units or inputs");
        Model model = ModelFactory.build(network, s);
        Workload.now("reading --input and --target", "trace fewer samples");
        Tensor xs, ys;
        int samples, targetSteps = 0;
        if (fromTable) {
            Dataset batch = firstBatch(network, run, model);
            samples = batch.size();
            xs = batch.inputsTensor();
            ys = batch.targetsTensor();
        } else if (network.isSequence()) {
            int steps = network.steps();
            float[][][] x = BatchArgument.parseSequences("--input", input, new int[] {steps},
                    steps + " steps ($.input.shape[0] of " + spec + ")", model.inputSize(), "features per step, $.input.shape[1] of " + spec);
            // Targets at every step, or one after the last step (the engine reads which from T_y).
            float[][][] y = BatchArgument.parseSequences("--target", target, steps == 1 ? new int[] {1} : new int[] {steps, 1},
                    steps == 1 ? "1 step" : steps + " steps (a target per step) or 1 (a target after the last step)",
                    model.outputSize(), "the units of the last layer of " + spec);
            if (x.length != y.length) {
                throw new UserError("--target: " + y.length + " target sequences for " + x.length + " input sequences; give one target sequence per sample");
            }
            samples = x.length;
            targetSteps = y[0].length;
            xs = pack(x, steps, model.inputSize());
            ys = pack(y, targetSteps, model.outputSize());
        } else {
            float[][] x = BatchArgument.parse("--input", input, model.inputSize(), "the network's inputs, $.input.shape of " + spec);
            float[][] y = BatchArgument.parse("--target", target, model.outputSize(), "the units of the last layer of " + spec);
            if (x.length != y.length) {
                throw new UserError("--target: " + y.length + " target rows for " + x.length + " input rows; give one target per sample");
            }
            samples = x.length;
            xs = Tensor.matrix(x);
            ys = Tensor.matrix(y);
        }
        Workload.now("tracing " + samples + " sample(s) through " + shape, "trace fewer samples or use fewer units");
        Trainer trainer = new Trainer(model, run.training());
        trainer.setTraceStatistics(true); // the trace file carries each layer's statistics
        StepTrace trace = trainer.trace(xs, ys);
        String json = TraceJson.write(trace, network, s, targetSteps);
        if (out == null) {
            command.commandLine().getOut().print(json);
            command.commandLine().getOut().flush();
        } else {
            try {
                SpecWriter.writeAtomically(out, json);
            } catch (IOException e) {
                throw new UserError("--out " + out + ": cannot write (" + e.getMessage() + ")");
            }
            command.commandLine().getOut().printf(Locale.ROOT, "wrote the trace of %d sample(s) to %s (loss %s)%n", samples, out, trace.loss());
        }
        return Cli.OK;
    }

    /** The rows the first training step would see: the table's training rows, scaled, the first batchSize of them (all for full batch). */
    private Dataset firstBatch(NetworkSpec network, RunSettings run, Model model) throws TableException, SpecException {
        TrainingData data = TrainingData.of(network, spec.toString(), spec, run, model, null);
        int n = data.train().size(), b = run.training().batchSize();
        int[] rows = new int[b <= 0 ? n : Math.min(b, n)];
        for (int i = 0; i < rows.length; i++) rows[i] = i;
        return data.train().subset(rows);
    }

    /** [N][T][F] as one tensor, the layout the engine reads sequences in. */
    private static Tensor pack(float[][][] s, int steps, int width) {
        float[] d = new float[Math.multiplyExact(Math.multiplyExact(s.length, steps), width)];
        int k = 0;
        for (float[][] seq : s) {
            for (float[] step : seq) {
                System.arraycopy(step, 0, d, k, width);
                k += width;
            }
        }
        return new Tensor(d, s.length, steps, width);
    }
}
