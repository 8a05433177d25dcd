package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.engine.data.Dataset;
import backprop.engine.data.Datasets;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import backprop.engine.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SGD as full batch (batchSize 0), online (1) and minibatches (m): how many updates an epoch makes, on what. */
class BatchingTest {

    private static Model net() {
        return ModelFactory.build(new NetworkSpec(null, null, new int[] {2},
                List.of(LayerSpec.dense(3, "tanh"), LayerSpec.dense(1, "sigmoid")), "mse", 6L, null, null));
    }

    private static long stepsInOneEpoch(int batchSize, Dataset d) {
        Trainer t = new Trainer(net(), TrainConfig.defaults().withBatchSize(batchSize));
        t.epoch(d);
        return t.steps();
    }

    @Test
    void anEpochMakesOneUpdatePerBatch() {
        Dataset d = Datasets.circle(10, 0.1, 1L);
        assertEquals(1, stepsInOneEpoch(0, d), "full batch: one update per epoch");
        assertEquals(10, stepsInOneEpoch(1, d), "online: one update per sample");
        assertEquals(3, stepsInOneEpoch(4, d), "minibatches of 4: 4 + 4 + 2");
        assertEquals(1, stepsInOneEpoch(50, d), "a batch larger than the data is the full batch");
    }

    @Test
    void fullBatchEpochIsOneGradientStepOnAllSamples() {
        Dataset d = Datasets.circle(10, 0.1, 1L);
        Model byEpoch = net(), byStep = net();
        new Trainer(byEpoch, TrainConfig.defaults()).epoch(d);
        new Trainer(byStep, TrainConfig.defaults()).step(d.inputsTensor(), d.targetsTensor());
        List<Tensor> a = byEpoch.snapshot(), b = byStep.snapshot();
        for (int i = 0; i < a.size(); i++) assertEquals(b.get(i), a.get(i));
    }

    @Test
    void onlineLearningVisitsEverySampleOnceInASeededOrder() {
        Dataset d = Datasets.circle(6, 0.1, 1L);
        Trainer t = new Trainer(net(), TrainConfig.defaults().withBatchSize(1).withSeed(3L));
        Model replay = net();
        Trainer manual = new Trainer(replay, TrainConfig.defaults());
        t.epoch(d);
        // the same permutation the trainer drew from its seed, applied one sample at a time
        int[] order = Dataset.permutation(6, new java.util.Random(3L));
        for (int i : order) {
            Dataset one = d.subset(new int[] {i});
            manual.step(one.inputsTensor(), one.targetsTensor());
        }
        List<Tensor> a = t.model().snapshot(), b = replay.snapshot();
        for (int i = 0; i < a.size(); i++) assertArrayEquals(b.get(i).data(), a.get(i).data());
    }
}
