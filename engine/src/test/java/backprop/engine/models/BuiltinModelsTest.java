package backprop.engine.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.data.Dataset;
import backprop.engine.data.Datasets;
import backprop.engine.data.MnistDigits;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.tensor.Tensor;
import backprop.engine.train.EpochStats;
import backprop.engine.train.Metrics;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The built-in models do what the lectures say they do, from their own fixed seeds. */
class BuiltinModelsTest {

    /** Trains a built-in network exactly as its file says: its seed, its hyper-parameters, its epochs. */
    private static Trainer train(String name, List<EpochStats> history) throws Exception {
        NetworkSpec spec = BuiltinModels.spec(name);
        Model model = ModelFactory.build(spec);
        Trainer trainer = new Trainer(model, TrainConfig.from(spec.training(), spec.seed()));
        history.addAll(trainer.fit(BuiltinModels.dataset(name), null));
        return trainer;
    }

    @Test
    void xorLearnsTheTruthTableFromItsSeed() throws Exception {
        List<EpochStats> history = new java.util.ArrayList<>();
        Trainer t = train("xor", history);
        int configured = BuiltinModels.spec("xor").training().epochs();
        assertEquals(configured, history.size());
        EpochStats first100 = history.stream().filter(s -> s.accuracy() == 1f).findFirst().orElseThrow(
                () -> new AssertionError("xor never reached 100% in " + configured + " epochs; last " + history.get(history.size() - 1)));
        assertTrue(first100.epoch() <= configured);
        Tensor out = t.model().predict(Datasets.xor().inputsTensor());
        assertEquals(1f, Metrics.accuracy(out, Datasets.xor().targetsTensor()));
        float[] p = out.data();
        assertTrue(p[0] < 0.5f && p[1] > 0.5f && p[2] > 0.5f && p[3] < 0.5f, java.util.Arrays.toString(p));
    }

    @Test
    void handBuiltXorGivesTheTruthTableExactly() throws Exception {
        NetworkSpec spec = BuiltinModels.spec("xor-handbuilt");
        assertTrue(spec.layers().stream().allMatch(l -> ((backprop.engine.layers.dense.DenseSpec) l).activation().equals("step")), "the decks' net uses step units");
        Model m = ModelFactory.build(spec);
        Dataset xor = Datasets.xor();
        assertArrayEquals(new float[] {0, 1, 1, 0}, m.predict(xor.inputsTensor()).data());
        // the hidden step units are the decks' v1 = x1 ∧ ¬x2 and v2 = x2 ∧ ¬x1
        Tensor hidden = m.activations(xor.inputsTensor()).get(0);
        assertArrayEquals(new float[] {0, 0, 0, 1, 1, 0, 0, 0}, hidden.data());
    }

    @Test
    void encoderReconstructsAllEightInputsWithDistinctBinaryCodes() throws Exception {
        Trainer t = train("encoder-838", new java.util.ArrayList<>());
        Dataset data = Datasets.encoder838();
        Tensor x = data.inputsTensor();
        Tensor out = t.model().predict(x);
        for (int i = 0; i < 8; i++) assertEquals(i, Metrics.argmax(out, i), "input " + i + " reconstructed as " + Metrics.argmax(out, i));
        Tensor hidden = t.model().activations(x).get(0);
        assertEquals(3, hidden.dim(1));
        Set<String> codes = new HashSet<>();
        StringBuilder table = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            StringBuilder code = new StringBuilder();
            for (int j = 0; j < 3; j++) code.append(hidden.get(i, j) >= 0.5f ? '1' : '0');
            codes.add(code.toString());
            table.append(code).append(' ');
        }
        assertEquals(8, codes.size(), "hidden codes not pairwise distinct: " + table);
    }

    /**
     * The explorer's small CNN reads digits after a short run on the Java reference backend (the
     * engine's tests see no other): two epochs over the first 2,000 training digits, then the
     * 2,000 held-out ones. (LeNet's 97% on all 8,000 is checked in src/test, on a fast backend.)
     */
    @Test
    void theSmallCnnLearnsToReadDigits() throws Exception {
        NetworkSpec spec = BuiltinModels.spec("cnn-small");
        Trainer t = new Trainer(ModelFactory.build(spec), TrainConfig.from(spec.training(), spec.seed()));
        int[] first = java.util.stream.IntStream.range(0, 2_000).toArray();
        Dataset part = MnistDigits.builtin().train().subset(first);
        t.epoch(part);
        t.epoch(part);
        float accuracy = t.evaluate(MnistDigits.builtin().test())[1];
        assertTrue(accuracy >= 0.85f, "accuracy on the held-out digits: " + accuracy);
    }

    @Test
    void everyNetworkModelHasAReadableSpecAndDataset() throws Exception {
        for (BuiltinModels.Builtin b : BuiltinModels.list()) {
            if (BuiltinModels.isSequence(b.name())) {
                // Sequence models: their file reads and builds, over [T, features]; the CLI's tests train them.
                Model m = ModelFactory.build(BuiltinModels.spec(b.name()));
                assertTrue(m.isSequence(), b.name());
                continue;
            }
            Dataset d = BuiltinModels.dataset(b.name());
            assertTrue(d.size() > 0, b.name());
            if (b.kind() == BuiltinModels.Kind.NETWORK) {
                Model m = ModelFactory.build(BuiltinModels.spec(b.name()));
                assertEquals(d.inputs(), m.inputSize(), b.name());
                assertEquals(d.outputs(), m.outputSize(), b.name());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> BuiltinModels.get("nope"));
        assertThrows(IllegalArgumentException.class, () -> BuiltinModels.spec("perceptron-and"));
    }
}
