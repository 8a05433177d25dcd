package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import backprop.engine.data.Dataset;
import backprop.engine.data.Datasets;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A new η reaches the running optimiser and keeps its state: no restart of Adam's moments. */
class LearningRateChangeTest {
    private static Model model() {
        return ModelFactory.build(new NetworkSpec("n", null, new int[] {2}, List.of(LayerSpec.dense(3, "tanh"), LayerSpec.dense(1, "sigmoid")),
                "mse", 5L, null, null));
    }

    @Test
    void adamKeepsItsMomentsAndStepCountAcrossARateChange() {
        Dataset xor = Datasets.xor();
        Trainer kept = new Trainer(model(), TrainConfig.defaults().withOptimizer("adam").withLearningRate(0.1f));
        for (int i = 0; i < 3; i++) kept.step(xor.inputsTensor(), xor.targetsTensor());
        Adam adam = (Adam) kept.optimizer();
        kept.setLearningRate(0.02f);
        assertSame(adam, kept.optimizer(), "the same optimiser runs on");
        assertEquals(3, adam.steps(), "its step count (and moments) survive");
        assertEquals(0.02f, adam.learningRate());
        assertEquals(0.02f, kept.config().learningRate());
        kept.step(xor.inputsTensor(), xor.targetsTensor());

        // A fresh Adam at 0.02 from the same weights forgets the moments, and lands elsewhere.
        Trainer fresh = new Trainer(model(), TrainConfig.defaults().withOptimizer("adam").withLearningRate(0.1f));
        for (int i = 0; i < 3; i++) fresh.step(xor.inputsTensor(), xor.targetsTensor());
        fresh = new Trainer(fresh.model(), TrainConfig.defaults().withOptimizer("adam").withLearningRate(0.02f));
        fresh.step(xor.inputsTensor(), xor.targetsTensor());
        float[] a = kept.model().params().get(0).value().data(), b = fresh.model().params().get(0).value().data();
        assertEquals(false, java.util.Arrays.equals(a, b), "keeping the moments is not the same as restarting");

        // And the kept run equals one where the same optimiser object simply had its rate set.
        Trainer direct = new Trainer(model(), TrainConfig.defaults().withOptimizer("adam").withLearningRate(0.1f));
        for (int i = 0; i < 3; i++) direct.step(xor.inputsTensor(), xor.targetsTensor());
        direct.optimizer().setLearningRate(0.02f);
        direct.step(xor.inputsTensor(), xor.targetsTensor());
        assertArrayEquals(direct.model().params().get(0).value().data(), a);
    }
}
