package backprop.app.text;

import backprop.app.draw.Metric;
import backprop.app.text.TextFrame.GateMaps;
import backprop.engine.data.CharCorpus;
import backprop.engine.data.SequenceData;
import backprop.engine.layers.recurrent.RecurrentLayer;
import backprop.engine.layers.recurrent.SequenceRun;
import backprop.engine.nn.Model;
import backprop.engine.recurrent.TextSampler;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecReader;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The engine side of the text view: a character-level LSTM on the shipped corpus (Pride and
 * Prejudice) with the settings the engine's own test shows learning (H = 64, T = 32, batch 32,
 * Adam η = 0.01, clipping at 5). Not thread-safe on purpose: the view-model confines it to its
 * worker thread and hands out {@link TextFrame}s.
 */
final class TextSession {
    static final int STEPS = 32, BATCH = 32, HELD_OUT = 32, SAMPLE_LENGTH = 360, MAX_PASSAGE = 64;
    static final int DEFAULT_UNITS = 64;
    static final float LEARNING_RATE = 0.01f, CLIP = 5f;
    static final String PROMPT = "Elizabeth ";
    /** Gate and state keys in display order, as the engine names them. */
    static final List<String> KEYS = List.of("i", "f", "o", "c_tilde", "c", "h");

    final long seed;
    final int units;
    final CharCorpus corpus = CharCorpus.builtin();
    private final Model model;
    private final Trainer trainer;
    private final Random windows;
    private final SequenceData heldOut;
    private final List<Metric> history = new ArrayList<>();

    TextSession(long seed, int units) {
        this.seed = seed;
        this.units = units;
        int v = corpus.vocabularySize();
        String json = """
                {"format": "backprop-studio.network", "version": 1, "input": {"shape": [%d, %d]}, "loss": "cross_entropy", "seed": %d,
                 "layers": [{"type": "lstm", "units": %d}, {"type": "dense", "units": %d, "activation": "softmax"}]}
                """.formatted(STEPS, v, seed, units, v);
        try {
            model = ModelFactory.build(SpecReader.parse(json, "char-lstm.json"));
        } catch (SpecException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        trainer = new Trainer(model, TrainConfig.defaults().withOptimizer("adam").withLearningRate(LEARNING_RATE).withSeed(seed).withClipping(CLIP, 0));
        windows = new Random(seed);
        heldOut = corpus.windows(HELD_OUT, STEPS, new Random(99));
        history.add(measured(0, Float.NaN));
    }

    long step() { return trainer.steps(); }

    Model model() { return model; }

    /** The loss chart's points so far, oldest first. */
    List<Metric> history() { return List.copyOf(history); }

    /** {@code count} updates on fresh windows, each followed by the held-out loss and accuracy. */
    void train(int count) {
        for (int k = 0; k < count; k++) {
            if (Thread.currentThread().isInterrupted()) return;
            SequenceData batch = corpus.windows(BATCH, STEPS, windows);
            // R sums the loss over the T steps of a window (averaged over the batch): per character is R / T.
            float perChar = trainer.step(batch.inputsTensor(), batch.targetsTensor()) / STEPS;
            history.add(measured(trainer.steps(), perChar));
        }
    }

    /**
     * A point of the loss chart: the batch's loss per character, and on the held-out windows the
     * loss per character and the share of next characters the model ranks first.
     */
    private Metric measured(long step, float trainPerChar) {
        float[] held = trainer.evaluate(heldOut);
        return new Metric(step, 0, trainPerChar, held[0] / STEPS, Float.NaN, held[1]);
    }

    /** The LSTM run over {@code passage} from zero state; every gate and state at every character. */
    GateMaps gates(String passage) {
        int[] ids = corpus.encode(passage);
        int v = corpus.vocabularySize();
        float[] x = new float[ids.length * v];
        for (int t = 0; t < ids.length; t++) x[t * v + ids[t]] = 1f;
        RecurrentLayer lstm = (RecurrentLayer) model.layers().get(0);
        SequenceRun run = lstm.run(x, 1, ids.length, null, null, Map.of());
        Map<String, float[]> values = new LinkedHashMap<>();
        for (String key : KEYS) values.put(key, run.quantity(key));
        List<String> chars = passage.codePoints().mapToObj(TextSession::shown).toList();
        return new GateMaps(passage, chars, lstm.units(), Map.copyOf(values));
    }

    /** A character as a column heading: a space and a newline get visible marks. */
    static String shown(int codePoint) {
        return switch (codePoint) {
            case ' ' -> "␣";
            case '\n' -> "⏎";
            default -> new String(Character.toChars(codePoint));
        };
    }

    String sample(double temperature, long sampleSeed) {
        return TextSampler.sample(model, corpus, PROMPT, SAMPLE_LENGTH, temperature, new Random(sampleSeed));
    }

    /** Everything the view shows, for the passage and sampling choices given. */
    TextFrame frame(String passage, double temperature, long sampleSeed) {
        return new TextFrame(step(), List.copyOf(history), gates(passage), PROMPT, sample(temperature, sampleSeed), temperature, sampleSeed,
                corpus.vocabularySize());
    }
}
