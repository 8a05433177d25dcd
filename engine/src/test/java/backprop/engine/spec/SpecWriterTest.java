package backprop.engine.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.engine.data.Datasets;
import backprop.engine.nn.Model;
import backprop.engine.tensor.Tensor;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecWriterTest {

    private static final String SPEC = """
            {"format": "backprop-studio.network", "version": 1, "name": "round trip", "description": "all layer kinds",
             "input": {"shape": [2]},
             "layers": [
               {"type": "dense", "name": "h1", "units": 4, "activation": "leaky_relu", "alpha": 0.2, "initializer": {"type": "uniform", "scale": 0.7}},
               {"type": "maxout", "units": 3, "pieces": 2, "initializer": "he"},
               {"type": "dropout", "rate": 0.25},
               {"type": "dense", "units": 1, "activation": "sigmoid", "weights": [[0.5], [-0.25], [0.125]], "bias": [0.1]}],
             "loss": "binary_cross_entropy", "seed": 17,
             "training": {"optimizer": "momentum", "learningRate": 0.3, "batchSize": 8, "epochs": 5, "momentum": 0.8},
             "dataset": {"name": "circle", "samples": 40, "noise": 0.1, "testRatio": 0.25, "seed": 3}}
            """;

    @Test
    void writtenSpecReadsBackAsTheSameNetwork() throws Exception {
        NetworkSpec spec = SpecReader.parse(SPEC, "rt.json");
        Model trained = ModelFactory.build(spec);
        new Trainer(trained, TrainConfig.from(spec.training(), 1L)).fit(Datasets.circle(40, 0.1, 3L), null);

        String json = SpecWriter.toJson(SpecWriter.withWeights(spec, trained));
        NetworkSpec back = SpecReader.parse(json, "written.json");
        Model rebuilt = ModelFactory.build(back, 999L); // the seed must not matter: every weight is in the file

        Tensor x = Datasets.circle(40, 0.1, 3L).inputsTensor();
        assertArrayEquals(trained.predict(x).data(), rebuilt.predict(x).data(), "predictions differ after a round trip");
        List<Tensor> a = trained.snapshot(), b = rebuilt.snapshot();
        for (int i = 0; i < a.size(); i++) assertEquals(a.get(i), b.get(i), "parameter " + i);
        assertEquals(json, SpecWriter.toJson(back), "writing is stable");
        assertEquals(spec.name(), back.name());
        assertEquals(spec.training(), back.training());
        assertEquals(spec.dataset(), back.dataset());
        assertEquals(0.2f, ((backprop.engine.layers.dense.DenseSpec) back.layers().get(0)).alpha());
        assertEquals(0.25f, ((backprop.engine.layers.dropout.DropoutSpec) back.layers().get(2)).rate());
        assertEquals(spec.seed(), back.seed());
    }

    @Test
    void specWithoutWeightsRoundTripsToTheSameInitialNetwork() throws Exception {
        NetworkSpec spec = SpecReader.parse(SPEC, "rt.json");
        NetworkSpec back = SpecReader.parse(SpecWriter.toJson(spec), "written.json");
        Tensor x = Datasets.circle(10, 0.0, 1L).inputsTensor();
        assertArrayEquals(ModelFactory.build(spec).predict(x).data(), ModelFactory.build(back).predict(x).data());
    }

    @Test
    void atomicSaveLeavesOnlyTheTargetFile(@TempDir Path dir) throws Exception {
        NetworkSpec spec = SpecReader.parse(SPEC, "rt.json");
        Path target = dir.resolve("sub").resolve("net.json");
        SpecWriter.save(spec, target);
        SpecWriter.save(SpecWriter.withWeights(spec, ModelFactory.build(spec)), target); // overwrite
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList(), "temporary files left behind");
        }
        NetworkSpec read = SpecReader.read(target);
        assertEquals(4, read.layers().size());
        assertArrayEquals(new float[] {0.5f}, ((backprop.engine.layers.dense.DenseSpec) read.layers().get(3)).weights()[0]);
    }
}
