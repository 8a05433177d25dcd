package backprop.app.cli;

import backprop.app.math.Num;
import backprop.engine.data.CharCorpus;
import backprop.engine.data.CorpusException;
import backprop.engine.data.Datasets;
import backprop.engine.data.SequenceData;
import backprop.engine.data.SequenceDatasets;
import backprop.engine.layers.dense.DenseSpec;
import backprop.engine.layers.recurrent.RecurrentLayer;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Model;
import backprop.engine.spec.Limits;
import backprop.engine.recurrent.TextSampler;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecReader;
import backprop.engine.spec.SpecWriter;
import backprop.engine.train.RunSettings;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code train} for networks over sequences (input [T, features]): the data set is generated
 * with T from the file ({@code remember-first-bit}, {@code bracket-depth}) or cut from a text
 * ({@code corpus}: the built-in novel, or the user's file given with {@code --corpus}) as
 * windows of T characters, each followed by the next character at every step.
 */
final class SequenceTraining {
    /** The data set name of a character model: windows of the built-in corpus or of {@code --corpus FILE}. */
    static final String CORPUS = "corpus";
    /** Every sequence data set a network file may name. */
    static final List<String> NAMES = List.of("remember-first-bit", "bracket-depth", CORPUS);

    // A sample of generated text after training shows what the loss means; short enough for one line.
    private static final int SAMPLE_LENGTH = 120;
    private static final double SAMPLE_TEMPERATURE = 0.7;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    SequenceTraining(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    /** Whether a network file's data set is one of the sequence sets. */
    static boolean isSequenceDataset(NetworkSpec spec) {
        return spec.dataset() != null && NAMES.contains(spec.dataset().name());
    }

    /**
     * Reads {@code --corpus}, or the built-in corpus when none is given. A file that is not
     * UTF-8 text is refused by {@link CharCorpus} with the byte offset and line of the problem.
     */
    static CharCorpus corpus(Path file) throws CorpusException {
        if (file == null) return CharCorpus.builtin();
        Workload.now("reading the corpus " + file, "use a smaller text file");
        return CharCorpus.read(file);
    }

    /**
     * A built-in character model resized to a corpus: one input and one output per distinct
     * character. The result is read back through {@link SpecReader}, so a corpus with so many
     * characters that the layers pass a limit is refused like a file would be.
     */
    static NetworkSpec forVocabulary(NetworkSpec spec, CharCorpus corpus, String source) throws SpecException {
        int v = corpus.vocabularySize();
        if (spec.inputShape()[1] == v && spec.layers().get(spec.layers().size() - 1) instanceof DenseSpec d && d.units() == v) return spec;
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        int last = layers.size() - 1;
        if (!(layers.get(last) instanceof DenseSpec out)) throw new IllegalStateException(source + ": a character model ends in a dense layer");
        layers.set(last, out.withUnits(v));
        NetworkSpec resized = new NetworkSpec(spec.name(), spec.description(), new int[] {spec.steps(), v}, layers,
                spec.loss(), spec.seed(), spec.training(), spec.dataset());
        return SpecReader.parse(SpecWriter.toJson(resized), source + " for the " + v + " characters of " + corpus.name());
    }

    int run(NetworkSpec spec, String source, Long seedFlag, Integer epochs, Double lr, CharCorpus corpus) {
        RunSettings run = RunSettings.resolve(spec, seedFlag, epochs, lr);
        String shape = NetworkTraining.shape(spec);
        Workload.now("building the network " + shape, "use fewer units or inputs");
        Model model = ModelFactory.build(spec, run.seed());
        TrainConfig config = run.training();
        if (config.validationSplit() > 0f) {
            // Early stopping lives in Trainer.fit, which takes vector data sets only.
            throw new UserError(source + ": $.training.validationSplit: early stopping is not available for sequence data sets; "
                    + "remove it (a testRatio in $.dataset holds sequences out instead)");
        }
        RunSettings.DataSettings d = run.data();
        SequenceData all = data(spec, source, d, corpus, model);
        SequenceData train = all, test = null;
        if (d.testRatio() > 0) {
            SequenceData.Split s = all.split(d.testRatio(), d.seed());
            if (s.train().size() == 0) throw new UserError(source + ": $.dataset.testRatio: leaves no sequences to train on (" + all.size() + " in total)");
            train = s.train();
            test = s.test().size() == 0 ? null : s.test();
        }
        Trainer trainer = new Trainer(model, config);
        if (!json) out.println(header(spec, shape, source, config, train));
        Workload.now("training " + shape + " on " + TrainCommand.plural(train.size(), "sequence"),
                "use fewer samples, fewer steps, a smaller batchSize or fewer units");
        Progress progress = Progress.onStderr(err, config.epochs());
        for (int e = 1; e <= config.epochs(); e++) {
            trainer.epoch(train);
            float[] s = trainer.evaluate(train);
            if (progress != null) progress.epoch(e);
            TrainCommand.stopIfNotFinite("training loss", s[0], e, trainer.steps(), config.learningRate());
            out.println(TrainCommand.epochLine(e, s[0], s[1], json));
        }
        if (json) return Cli.OK;
        float[] last = trainer.evaluate(train);
        int perSample = train.lastStepOnly() ? 1 : train.steps();
        out.printf(Locale.ROOT, "done: %s, %s; training loss %s (%s per target step), accuracy %.1f%%%n",
                TrainCommand.plural(config.epochs(), "epoch"), TrainCommand.plural(trainer.steps(), "step"), Num.sixDecimals(last[0]),
                Num.sixDecimals(last[0] / perSample), 100 * last[1]);
        if (test != null) {
            float[] t = trainer.evaluate(test);
            out.printf(Locale.ROOT, "test set (%d sequences): loss %s, accuracy %.1f%%%n", test.size(), Num.sixDecimals(t[0]), 100 * t[1]);
        }
        if (corpus != null && CORPUS.equals(d.name())) {
            // Start from the corpus's first character, which is in its vocabulary whatever the text.
            String prompt = corpus.text().substring(0, corpus.text().offsetByCodePoints(0, 1));
            String text = TextSampler.sample(model, corpus, prompt, SAMPLE_LENGTH, SAMPLE_TEMPERATURE, new Random(run.seed()));
            out.println("sample (temperature " + SAMPLE_TEMPERATURE + "): " + backprop.engine.spec.UserText.escape(prompt + text));
        }
        return Cli.OK;
    }

    /** The file's data set, with T from its input shape, checked against the network's inputs and outputs. */
    private static SequenceData data(NetworkSpec spec, String source, RunSettings.DataSettings d, CharCorpus corpus, Model model) {
        if (d == null) {
            throw new UserError(source + ": $.dataset: this network file names no dataset to train on; add e.g. "
                    + "\"dataset\": {\"name\": \"remember-first-bit\"} (sequence datasets: " + String.join(", ", NAMES) + ")");
        }
        if (!NAMES.contains(d.name())) {
            String kind = Datasets.NAMES.contains(d.name()) ? "dataset '" + d.name() + "' holds vectors, and this network reads sequences [T, features]"
                    : "unknown dataset '" + d.name() + "'";
            throw new UserError(source + ": $.dataset.name: " + kind + " (sequence datasets: " + String.join(", ", NAMES) + ")");
        }
        int steps = spec.steps();
        // Checked before anything is generated: the whole set goes through the network as one batch.
        long pass = (long) d.samples() * steps * widest(model);
        if (pass > Limits.PASS_VALUES) {
            throw new UserError(source + ": $.dataset.samples: " + d.samples() + " sequences × " + steps + " steps × " + widest(model)
                    + " values in the widest layer = " + pass + " numbers in one pass over the data, over the limit of " + Limits.PASS_VALUES
                    + "; use fewer samples, steps or units");
        }
        Workload.now("generating the data set '" + d.name() + "' (" + d.samples() + " sequences of " + steps + " steps)", "use fewer samples or steps");
        SequenceData data;
        try {
            data = d.name().equals(CORPUS) ? corpus.windows(d.samples(), steps, new Random(d.seed()))
                    : SequenceDatasets.byName(d.name(), d.samples(), steps, d.seed());
        } catch (IllegalArgumentException e) {
            // A text too short for one window: the message names the corpus file; say where T came from.
            if (d.name().equals(CORPUS)) throw new UserError(e.getMessage() + " (" + source + " reads " + steps + " steps, $.input.shape[0])");
            // The generators check T and the sizes against Limits; T is the file's input shape.
            throw new UserError(source + ": $.input.shape: " + e.getMessage());
        }
        if (data.features() != model.inputSize()) {
            String fix = d.name().equals(CORPUS) ? "; a character model has one input per distinct character" : "";
            throw new UserError(source + ": $.input.shape[1]: " + dataName(d, corpus) + " has " + data.features()
                    + " features per step but the network reads " + model.inputSize() + fix + " (give [" + steps + ", " + data.features() + "])");
        }
        if (data.outputs() != model.outputSize()) {
            throw new UserError(source + ": $.dataset.name: " + dataName(d, corpus) + " has " + data.outputs()
                    + " targets per step but the last layer has " + model.outputSize() + " units");
        }
        return data;
    }

    /**
     * The most numbers one step of one sample makes in a layer: the input, a layer's units, and
     * for a recurrent layer all its blocks (an LSTM keeps four gates of H per step for backprop).
     */
    private static int widest(Model model) {
        int w = model.inputSize();
        for (Layer l : model.layers()) {
            int width = l instanceof RecurrentLayer r ? r.cell().blockCount() * r.units() : l.outputSize();
            w = Math.max(w, width);
        }
        return w;
    }

    private static String dataName(RunSettings.DataSettings d, CharCorpus corpus) {
        return "dataset '" + d.name() + "'" + (d.name().equals(CORPUS) ? " (" + corpus.name() + ")" : "");
    }

    private static String header(NetworkSpec spec, String shape, String source, TrainConfig c, SequenceData data) {
        String batch = c.batchSize() <= 0 ? "full batch" : c.batchSize() == 1 ? "online" : "batch " + c.batchSize();
        String targets = data.lastStepOnly() ? "a target after the last step" : "a target at every step";
        return String.format(Locale.ROOT, "training %s (%s, loss %s, %s η=%s, %s, %s, seed %d) on %s (%d sequences of %d steps, %s)",
                source, shape, spec.loss(), c.optimizer(), c.learningRate(), batch, TrainCommand.plural(c.epochs(), "epoch"), c.seed(),
                data.name(), data.size(), data.steps(), targets);
    }
}
