package backprop.engine.layers.recurrent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.data.SequenceData;
import backprop.engine.data.SequenceDatasets;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.SpecReader;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * The decks' claim, measured: on "remember the first bit" at T = 20 the answer depends on an
 * input 19 steps back. With the same data, seed, optimiser and budget, the LSTM's cell state
 * carries the gradient that far and it learns the task; the vanilla RNN's gradient fades on the
 * way and it stays at chance. Both accuracies are printed so the run records them.
 *
 * <p>Honest scope: this is one fixed seed and a fixed budget (14 epochs of 16 minibatches,
 * Adam η = 0.003). Over seeds 1–4 the LSTM reached ≥ 85 % in every run and the RNN stayed at
 * chance in three of four; with a larger rate (η = 0.01) the RNN, too, eventually finds a
 * latching solution. Vanishing gradients make long-range learning slow and unreliable, not
 * impossible, and the lesson should say so.
 */
class RememberFirstBitTest {
    static final int STEPS = 20, UNITS = 8, EPOCHS = 14;
    static final long SEED = 2;

    @Test
    void theLstmRemembersWhereTheVanillaRnnCannot() throws Exception {
        float lstm = accuracy("lstm"), rnn = accuracy("rnn");
        System.out.printf("remember-first-bit, T = %d, H = %d, %d epochs, seed %d: LSTM %.3f, vanilla RNN %.3f%n", STEPS, UNITS, EPOCHS, SEED, lstm, rnn);
        assertTrue(lstm >= 0.95f, "LSTM accuracy " + lstm);
        assertTrue(rnn <= 0.6f, "vanilla RNN accuracy " + rnn + " should stay near chance (0.5)");
    }

    static float accuracy(String cell) throws Exception {
        Model m = ModelFactory.build(SpecReader.parse("""
                {"format": "backprop-studio.network", "version": 1, "input": {"shape": [%d, 1]}, "loss": "binary_cross_entropy", "seed": %d,
                 "layers": [{"type": "%s", "units": %d}, {"type": "dense", "units": 1, "activation": "sigmoid"}]}
                """.formatted(STEPS, SEED, cell, UNITS), "remember.json"));
        SequenceData train = SequenceDatasets.rememberFirstBit(512, STEPS, SEED);
        SequenceData test = SequenceDatasets.rememberFirstBit(512, STEPS, SEED + 100);
        Trainer t = new Trainer(m, TrainConfig.defaults().withOptimizer("adam").withLearningRate(0.003f).withBatchSize(32).withSeed(SEED).withClipping(1f, 0));
        for (int e = 0; e < EPOCHS; e++) t.epoch(train);
        return t.evaluate(test)[1];
    }
}
