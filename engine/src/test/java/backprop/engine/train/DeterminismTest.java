package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import backprop.engine.data.Dataset;
import backprop.engine.data.Datasets;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecReader;
import backprop.engine.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same spec, same seed: the same losses and weights, bit for bit, even with shuffling and dropout. */
class DeterminismTest {

    private static final String SPEC = """
            {"format": "backprop-studio.network", "version": 1, "input": {"shape": [2]},
             "layers": [
               {"type": "dense", "units": 8, "activation": "tanh"},
               {"type": "dropout", "rate": 0.3},
               {"type": "dense", "units": 6, "activation": "relu", "initializer": "he"},
               {"type": "dense", "units": 1, "activation": "sigmoid"}],
             "loss": "binary_cross_entropy", "seed": 11,
             "training": {"optimizer": "adam", "learningRate": 0.02, "batchSize": 16, "epochs": 15, "l2": 0.001,
                          "validationSplit": 0.2, "patience": 100}}
            """;

    /** One full run: per-epoch loss bits, then the final weights' bits. */
    private record Run(List<Integer> lossBits, List<Integer> validationBits, List<int[]> weightBits) {}

    private static Run train(long seed) throws Exception {
        NetworkSpec spec = SpecReader.parse(SPEC, "determinism.json");
        Model model = ModelFactory.build(spec, seed);
        Trainer trainer = new Trainer(model, TrainConfig.from(spec.training(), seed));
        Dataset data = Datasets.xorQuadrants(120, 0.3, seed);
        List<Integer> loss = new ArrayList<>(), val = new ArrayList<>();
        for (EpochStats s : trainer.fit(data, null)) {
            loss.add(Float.floatToIntBits(s.loss()));
            val.add(Float.floatToIntBits(s.validationLoss()));
        }
        List<int[]> weights = new ArrayList<>();
        for (Tensor t : model.snapshot()) {
            int[] bits = new int[t.size()];
            for (int i = 0; i < bits.length; i++) bits[i] = Float.floatToIntBits(t.data()[i]);
            weights.add(bits);
        }
        return new Run(loss, val, weights);
    }

    @Test
    void sameSeedTwiceGivesBitIdenticalLossesAndWeights() throws Exception {
        Run a = train(5L), b = train(5L);
        assertEquals(15, a.lossBits().size());
        assertEquals(a.lossBits(), b.lossBits());
        assertEquals(a.validationBits(), b.validationBits());
        assertEquals(a.weightBits().size(), b.weightBits().size());
        for (int i = 0; i < a.weightBits().size(); i++) assertArrayEquals(a.weightBits().get(i), b.weightBits().get(i), "parameter " + i);
    }

    @Test
    void aDifferentSeedGivesADifferentRun() throws Exception {
        assertFalse(train(5L).lossBits().equals(train(6L).lossBits()), "the seed has no effect");
    }

    @Test
    void tracedStepsReplayExactly() throws Exception {
        NetworkSpec spec = SpecReader.parse(SPEC, "determinism.json");
        Dataset data = Datasets.circle(32, 0.1, 3L);
        float[][][] deltas = new float[2][][];
        for (int run = 0; run < 2; run++) {
            Trainer t = new Trainer(ModelFactory.build(spec), TrainConfig.from(spec.training(), 9L));
            t.tracedStep(data.inputsTensor(), data.targetsTensor());
            deltas[run] = t.tracedStep(data.inputsTensor(), data.targetsTensor()).layers().get(0).delta();
        }
        for (int n = 0; n < deltas[0].length; n++) assertArrayEquals(deltas[0][n], deltas[1][n]);
    }
}
