package backprop.app.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecReader;
import backprop.engine.train.Adam;
import backprop.engine.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * The rate box and the optimiser agree (issue 15's defect): a file with explicit weights and
 * {@code "learningRate": 0.5} shows 0.5, and choosing 3.0 trains at 3.0, on the same optimiser.
 */
class PlaygroundRateTest {
    private static final String TWO_TWO_ONE = """
            { "format": "backprop-studio.network", "version": 1, "name": "two-two-one", "input": {"shape": [2]},
              "layers": [
                {"type": "dense", "name": "h", "units": 2, "activation": "sigmoid", "weights": [[0.15, -0.25], [0.2, 0.3]], "bias": [0.35, -0.1]},
                {"type": "dense", "name": "out", "units": 1, "activation": "sigmoid", "weights": [[0.4], [-0.5]], "bias": [0.6]} ],
              "loss": "mse", "training": {"optimizer": "adam", "learningRate": 0.5} }""";

    @Test
    void theRateShownIsTheRateTrainedAtAndAChangeKeepsAdamsMoments() throws Exception {
        NetworkSpec spec = SpecReader.parse(TWO_TWO_ONE, "two-two-one.json");
        PlaygroundSetup setup = PlaygroundSetup.fromSpec(spec, "two-two-one.json");
        assertEquals(0.5, setup.learningRate(), "the rate box shows the file's rate");
        PlaygroundSession session = new PlaygroundSession();
        session.apply(setup);
        Trainer trainer = session.trainer();
        assertEquals(0.5f, trainer.optimizer().learningRate(), "and the optimiser runs at it");
        for (int i = 0; i < 3; i++) session.epoch();
        Adam adam = (Adam) trainer.optimizer();
        int steps = adam.steps();

        session.apply(session.setup().withLearningRate(3.0));
        assertSame(trainer, session.trainer(), "a rate change does not rebuild the trainer");
        assertSame(adam, session.trainer().optimizer());
        assertEquals(3.0f, adam.learningRate(), "choosing 3.0 trains at 3.0");
        assertEquals(steps, adam.steps(), "Adam's step count and moments survive the change");
        session.epoch();
        assertEquals(3.0f, session.trainer().optimizer().learningRate());
    }
}
