package backprop.app.cli;

import backprop.app.math.Num;
import backprop.engine.data.CharCorpus;
import backprop.engine.data.CorpusException;
import backprop.engine.data.MnistDigits;
import backprop.engine.data.MnistException;
import backprop.engine.data.table.TableException;
import backprop.engine.models.BuiltinModels;
import backprop.engine.models.BuiltinModels.Builtin;
import backprop.engine.spec.Limits;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecReader;
import backprop.engine.train.TrainingDivergedException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: trains a built-in model or a network file and prints one line per epoch. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a built-in model or a network file, printing one line per epoch.",
                "Built-in models: perceptron-and, perceptron-or, perceptron-xor, xor-handbuilt, xor, encoder-838, lenet, cnn-small,",
                "remember-first-bit-lstm, remember-first-bit-rnn, char-lstm (--corpus FILE: on your own UTF-8 text),",
                "deep-sigmoid-uniform, deep-tanh-xavier, deep-relu-he, deep-relu-he-batchnorm, deep-sigmoid-batchnorm, deep-sigmoid-residual.",
                "lenet and cnn-small read --digits FILE: your own digit file in the format of assets/mnist/.",
                "--spec FILE --data TABLE.csv trains the network on a CSV/TSV table (or a shipped one: iris, cars)."})
final class TrainCommand implements Callable<Integer> {

    /** Exactly one of the two: what to train. */
    static final class ModelSource {
        @Option(names = "--model", paramLabel = "NAME", required = true, description = "a built-in model")
        String model;

        @Option(names = "--spec", paramLabel = "FILE", required = true, description = "a network file (docs/network-format.md) naming its dataset")
        Path spec;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    ModelSource what;

    @Option(names = "--seed", paramLabel = "S", description = "seed for initial weights, shuffling and data (default: the file's seed, else 42)")
    Long seed;

    @Option(names = "--epochs", paramLabel = "N", description = "number of epochs (default: the file's, else 1000; perceptron: 100)")
    Integer epochs;

    @Option(names = "--lr", paramLabel = "X", description = "learning rate η (default: the file's; perceptron: 1)")
    Double learningRate;

    @Option(names = "--corpus", paramLabel = "FILE", description = "a UTF-8 text file to train a character model on (dataset 'corpus'; default: the built-in novel)")
    Path corpus;

    @Option(names = "--digits", paramLabel = "FILE", description = "a digit file (the format of assets/mnist/mnist-10k.bin) to train an MNIST model on "
            + "(dataset 'mnist'; default: the built-in digits)")
    Path digits;

    @Mixin
    DataFlags dataFlags = new DataFlags();

    @Option(names = "--json", description = "print each epoch as a JSON line {\"epoch\":…,\"loss\":…,\"accuracy\":…}")
    boolean json;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws SpecException, CorpusException, MnistException, TableException {
        if (epochs != null && epochs < 1) throw new UserError("--epochs: expected at least 1, found " + epochs);
        if (epochs != null) Limits.check("--epochs", epochs, Limits.EPOCHS);
        if (learningRate != null && !(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new UserError("--lr: expected a positive number, found " + learningRate);
        }
        PrintWriter out = command.commandLine().getOut(), err = command.commandLine().getErr();
        if (what.model != null) {
            dataFlags.refuse("built-in models; give a network file (--spec FILE) whose input and output fit the table");
            Builtin builtin = builtin(what.model);
            if (builtin.kind() == BuiltinModels.Kind.PERCEPTRON) {
                noCorpus("built-in model " + builtin.name());
                noDigits("built-in model " + builtin.name());
                return new PerceptronTraining(out, json).run(builtin, epochs, learningRate);
            }
            String source = "built-in model " + builtin.name();
            NetworkSpec spec = BuiltinModels.spec(builtin.name());
            if (SequenceTraining.isSequenceDataset(spec)) {
                noDigits(source);
                CharCorpus text = corpusFor(spec, source);
                // A built-in character model takes the shape of whatever text it is given.
                if (text != null) spec = SequenceTraining.forVocabulary(spec, text, source);
                return new SequenceTraining(out, err, json).run(spec, source, seed, epochs, learningRate, text);
            }
            noCorpus(source);
            MnistDigits own = digitsFor(spec, source);
            return new NetworkTraining(out, err, json).run(spec, source, null, seed, epochs, learningRate, own);
        }
        Workload.now("reading " + what.spec, "use a smaller network file");
        NetworkSpec spec = dataFlags.apply(SpecReader.read(what.spec));
        if (spec.isSequence()) {
            if (dataFlags.given()) throw new UserError("--data: " + what.spec + " is a network over sequences; --data gives a table of vectors");
            noDigits(what.spec.toString());
            return new SequenceTraining(out, err, json).run(spec, what.spec.toString(), seed, epochs, learningRate, corpusFor(spec, what.spec.toString()));
        }
        noCorpus(what.spec.toString());
        MnistDigits own = digitsFor(spec, what.spec.toString());
        return new NetworkTraining(out, err, json).run(spec, what.spec.toString(), what.spec, seed, epochs, learningRate, own);
    }

    /** The text of a character model (--corpus, else the built-in one); null for other data sets, which take no --corpus. */
    private CharCorpus corpusFor(NetworkSpec spec, String source) throws CorpusException {
        boolean text = spec.dataset() != null && SequenceTraining.CORPUS.equals(spec.dataset().name());
        if (!text) {
            noCorpus(source);
            return null;
        }
        return SequenceTraining.corpus(corpus);
    }

    /** --corpus given to a model that does not read text: refused rather than silently ignored. */
    private void noCorpus(String source) {
        if (corpus != null) {
            throw new UserError("--corpus: " + source + " does not train on a text corpus; --corpus applies to character models "
                    + "(char-lstm, or a network file whose dataset is \"corpus\")");
        }
    }

    /**
     * The user's digits (--digits) for a network trained on dataset "mnist"; null for the built-in
     * ones. The file is read and checked here, before anything is printed, so a bad file leaves
     * stdout empty and its one line on stderr says where in the file the problem is.
     */
    private MnistDigits digitsFor(NetworkSpec spec, String source) throws MnistException {
        boolean mnist = spec.dataset() != null && TrainingData.MNIST.equals(spec.dataset().name());
        if (!mnist) {
            noDigits(source);
            return null;
        }
        if (digits == null) return null;
        Workload.now("reading the digit file " + digits, "use a smaller digit file");
        return MnistDigits.read(digits);
    }

    /** --digits given to a model that does not read digits: refused rather than silently ignored. */
    private void noDigits(String source) {
        if (digits != null) {
            throw new UserError("--digits: " + source + " does not train on digits; --digits applies to models whose dataset is \"mnist\" "
                    + "(lenet, cnn-small, or a network file naming that dataset)");
        }
    }

    private static Builtin builtin(String name) {
        try {
            return BuiltinModels.get(name);
        } catch (IllegalArgumentException e) {
            throw new UserError("--model: " + e.getMessage());
        }
    }

    /** The epoch line shared by both trainers: human-readable or one JSON object. */
    static String epochLine(int epoch, float loss, float accuracy, boolean json) {
        // floats, as the engine computes them: a double would print float noise digits
        if (json) {
            var o = Json.object();
            o.put("epoch", epoch);
            o.put("loss", loss);
            o.put("accuracy", accuracy);
            return Json.line(o);
        }
        return String.format(java.util.Locale.ROOT, "epoch %4d  loss %s  accuracy %.1f%%", epoch, Num.sixDecimals(loss), 100 * accuracy);
    }

    /**
     * Training stops at the first measurement that is not a number: the engine stops a step whose
     * loss is not finite, but an update can still leave weights whose loss, measured after the
     * epoch, is infinite. Named by quantity, epoch and step, it goes to the user as one line (exit 1).
     */
    static void stopIfNotFinite(String quantity, float value, int epoch, long steps, float learningRate) {
        if (Float.isFinite(value)) return;
        throw new TrainingDivergedException("the " + quantity + " became " + value + " after epoch " + epoch + " (step " + steps
                + "; learning rate " + learningRate + " is probably too large for this network)");
    }

    /** "1 epoch", "3 epochs". */
    static String plural(long n, String noun) { return n + " " + noun + (n == 1 ? "" : "s"); }
}
