package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.backend.Backends;
import backprop.engine.data.Dataset;
import backprop.engine.data.MnistDigits;
import backprop.engine.models.BuiltinModels;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The LeNet preset learns to read digits: trained on the 8,000 training digits as its file says
 * (seed 1998, Adam, batches of 32, 6 epochs from η = 0.002), with η multiplied by
 * {@link #DECAY} after each epoch, it classifies at least 97% of the 2,000 held-out digits. The
 * lectures quote 96.59% for a plain network on all 60,000 MNIST digits.
 *
 * <p>It lives here rather than in the engine because here the fastest backend is on the class
 * path (openblas; the engine's own tests see only the Java reference, about six times slower on
 * this network). It prints the backend, the accuracy and the time it took.
 */
class LenetMnistTest {
    /** A constant η leaves Adam jumping around the minimum (test accuracy 96.7 to 97.5% from epoch to epoch); a decaying one settles. */
    private static final float DECAY = 0.6f;

    @Test
    void lenetClassifiesAtLeast97PercentOfTheHeldOutDigits() throws Exception {
        NetworkSpec spec = BuiltinModels.spec("lenet");
        Model model = ModelFactory.build(spec);
        TrainConfig config = TrainConfig.from(spec.training(), spec.seed());
        Trainer trainer = new Trainer(model, config);
        Dataset train = MnistDigits.builtin().train(), test = MnistDigits.builtin().test();
        long start = System.nanoTime();
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            if (epoch > 0) trainer.setLearningRate(trainer.config().learningRate() * DECAY);
            trainer.epoch(train);
        }
        float[] result = trainer.evaluate(test);
        double seconds = (System.nanoTime() - start) / 1e9;
        String report = String.format(Locale.ROOT, "LeNet on MNIST: %d epochs, %d steps on %s: test loss %.4f, accuracy %.2f%% of %d digits, %.1f s",
                config.epochs(), trainer.steps(), Backends.current().name(), result[0], 100 * result[1], test.size(), seconds);
        System.out.println(report);
        assertTrue(result[1] >= 0.97f, report);
    }
}
