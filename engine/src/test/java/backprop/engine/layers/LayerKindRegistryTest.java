package backprop.engine.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.data.Datasets;
import backprop.engine.gradcheck.GradCheck;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecReader;
import backprop.engine.spec.SpecWriter;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.StepTrace;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A layer kind defined only in test sources ({@link ScaleKind}) goes through reading, writing,
 * building, training, tracing and the gradient check after one registry line: nothing else in
 * the engine had to change for it.
 */
class LayerKindRegistryTest {
    private static final String JSON = """
            { "format": "backprop-studio.network", "version": 1, "input": {"shape": [2]},
              "layers": [ {"type": "dense", "units": 3, "activation": "tanh"},
                          {"type": "scale", "init": 0.5},
                          {"type": "dense", "units": 1, "activation": "sigmoid"} ],
              "loss": "mse", "seed": 4 }""";

    @BeforeAll
    static void register() { LayerKinds.register(new ScaleKind()); }

    @AfterAll
    static void unregister() { LayerKinds.unregister(ScaleKind.TYPE); }

    @Test
    void readsAndWritesItsOwnFields() throws Exception {
        NetworkSpec spec = SpecReader.parse(JSON, "scale.json");
        ScaleKind.ScaleSpec s = assertInstanceOf(ScaleKind.ScaleSpec.class, spec.layers().get(1));
        assertEquals(0.5f, s.init());
        String written = SpecWriter.toJson(spec);
        assertTrue(written.contains("\"type\" : \"scale\",\n    \"init\" : 0.5"), written);
        assertEquals(written, SpecWriter.toJson(SpecReader.parse(written, "again.json")));
        var e = org.junit.jupiter.api.Assertions.assertThrows(backprop.engine.spec.SpecException.class,
                () -> SpecReader.parse(JSON.replace("\"init\": 0.5", "\"init\": 11"), "bad.json"));
        assertEquals("bad.json: $.layers[1].init: expected a number from 0.0 to 10.0, found 11.0", e.getMessage());
        assertTrue(LayerKinds.all().stream().anyMatch(k -> k.displayName().equals("Scale (test only)")), "a palette lists it");
    }

    @Test
    void buildsTrainsAndTraces() throws Exception {
        Model model = ModelFactory.build(SpecReader.parse(JSON, "scale.json"));
        assertEquals("scale", model.layers().get(1).type());
        var xor = Datasets.xor();
        Trainer trainer = new Trainer(model, TrainConfig.defaults().withL2(0.01f).withEpochs(50));
        float before = trainer.evaluate(xor)[0];
        trainer.fit(xor, null);
        assertTrue(trainer.evaluate(xor)[0] < before, "it learns");
        float[] s = model.layers().get(1).params().get(0).value().data();
        assertNotEquals(0.5f, s[0], "its parameter was trained");
        StepTrace t = trainer.tracedStep(xor.inputsTensor(), xor.targetsTensor());
        LayerTrace lt = t.layers().get(1);
        assertEquals("scale", lt.type());
        assertEquals(List.of("input", "z", "delta", "scale", "gradScale"), List.copyOf(lt.tensors().keySet()));
        assertEquals(List.of(1, 3), List.of(lt.tensor("scale").dim(0), lt.tensor("scale").dim(1)));
        assertEquals(4, lt.delta().length);
        assertTrue(t.parameters().stream().anyMatch(p -> p.name().equals("scale2.s")));
    }

    @Test
    void theGradientCheckCoversIt() {
        List<GradCheck.Result> rows = GradCheck.runAll(7L);
        GradCheck.Result row = rows.stream().filter(r -> r.name().equals("scale")).findFirst().orElseThrow();
        assertTrue(row.passed(), row.toString());
    }

    @Test
    void theTrainerNamesNoLayerKind() throws Exception {
        String trainer = Files.readString(Path.of("src/main/java/backprop/engine/train/Trainer.java"));
        assertFalse(trainer.contains("instanceof"), "Trainer asks layers through the Layer interface only");
        for (String kind : List.of("Dense", "Maxout", "Dropout")) assertFalse(trainer.contains(kind), kind);
    }
}
