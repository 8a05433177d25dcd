package backprop.app.recurrent;

import backprop.app.draw.Metric;
import backprop.engine.data.Dataset;
import backprop.engine.data.SequenceData;
import backprop.engine.data.SequenceDatasets;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecReader;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The engine side of the recurrent view: the network, its trainer and the data of "remember the
 * first bit". Not thread-safe on purpose: the view-model confines it to its engine thread.
 *
 * <p>Training runs in seeded minibatches over the training set. After every update the session
 * asks the engine for a trace of the same few sequences (a forward and backward pass without an
 * update), so stepping through the history shows one sequence changing as the network learns.
 */
final class RecurrentSession {
    static final int TRAIN_SAMPLES = 512, TEST_SAMPLES = 256, SHOWN = 8, BATCH = 32;
    /** Loss and accuracy on the training set are measured on its first this many sequences (every step, so kept small). */
    static final int MEASURED = 128;
    static final float LEARNING_RATE = 0.003f, CLIP = 1f;

    final RecurrentSetup setup;
    private final Trainer trainer;
    private final SequenceData train, measured, test, shown;
    private final Random order;
    private int[] permutation;
    private int cursor, epoch;

    private RecurrentSession(RecurrentSetup setup, Trainer trainer, SequenceData train, SequenceData test) {
        this.setup = setup;
        this.trainer = trainer;
        this.train = train;
        this.test = test;
        this.measured = train.subset(range(0, MEASURED));
        // Shown: sequences of the test set, half starting with 1 and half with 0 (the set alternates its first bits in a seeded order).
        this.shown = test.subset(firstBitsAlternating(test, SHOWN));
        this.order = new Random(setup.seed() ^ 0x5DEECE66DL);
        this.permutation = Dataset.permutation(train.size(), order);
    }

    /** Builds the network of {@code setup} and its data; nothing trained yet. */
    static RecurrentSession open(RecurrentSetup setup) {
        String json = """
                {"format": "backprop-studio.network", "version": 1, "name": "remember-first-bit-%s",
                 "input": {"shape": [%d, 1]}, "loss": "binary_cross_entropy", "seed": %d,
                 "layers": [{"type": "%s", "units": %d}, {"type": "dense", "units": 1, "activation": "sigmoid"}]}
                """.formatted(setup.cell().type(), setup.steps(), setup.seed(), setup.cell().type(), setup.units());
        Model model;
        try {
            model = ModelFactory.build(SpecReader.parse(json, "recurrent view"), setup.seed());
        } catch (SpecException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        TrainConfig config = TrainConfig.defaults().withOptimizer("adam").withLearningRate(LEARNING_RATE)
                .withBatchSize(BATCH).withSeed(setup.seed()).withClipping(CLIP, 0);
        SequenceData train = SequenceDatasets.rememberFirstBit(TRAIN_SAMPLES, setup.steps(), setup.seed());
        SequenceData test = SequenceDatasets.rememberFirstBit(TEST_SAMPLES, setup.steps(), setup.seed() + 100);
        return new RecurrentSession(setup, new Trainer(model, config), train, test);
    }

    /** The current network traced on the shown sequences, with its measurements. */
    RecurrentFrame frame() {
        var trace = trainer.trace(shown.inputsTensor(), shown.targetsTensor());
        float[] tr = trainer.evaluate(measured), te = trainer.evaluate(test);
        Metric m = new Metric(trainer.steps(), epoch, tr[0], te[0], tr[1], te[1]);
        return new RecurrentFrame(trainer.steps(), epoch, trace, m);
    }

    /** {@code count} minibatch updates, each followed by its frame. */
    List<RecurrentFrame> train(int count) {
        List<RecurrentFrame> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            if (cursor >= train.size()) {
                permutation = Dataset.permutation(train.size(), order);
                cursor = 0;
                epoch++;
            }
            SequenceData batch = train.subset(Arrays.copyOfRange(permutation, cursor, Math.min(train.size(), cursor + BATCH)));
            cursor += BATCH;
            trainer.step(batch.inputsTensor(), batch.targetsTensor());
            out.add(frame());
        }
        return out;
    }

    /** Pins gates for every unit (empty: none) from now on, in training and traces alike; returns the frame as it now is. */
    RecurrentFrame force(Map<String, Float> gates) {
        trainer.setForcedGates(gates);
        return frame();
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) r[i] = from + i;
        return r;
    }

    /** The first {@code count} sequences whose first bits go 1, 0, 1, 0, … (so both answers are on show). */
    private static int[] firstBitsAlternating(SequenceData data, int count) {
        int[] out = new int[count];
        int found = 0;
        boolean[] used = new boolean[data.size()];
        for (int k = 0; k < count; k++) {
            float want = k % 2 == 0 ? 1f : 0f;
            for (int n = 0; n < data.size(); n++) {
                if (!used[n] && data.x()[n][0][0] == want) {
                    used[n] = true;
                    out[found++] = n;
                    break;
                }
            }
        }
        return Arrays.copyOf(out, found);
    }
}
