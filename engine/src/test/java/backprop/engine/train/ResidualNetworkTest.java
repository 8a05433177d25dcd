package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.data.Dataset;
import backprop.engine.nn.Model;
import backprop.engine.nn.Pass;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecReader;
import backprop.engine.spec.SpecWriter;
import backprop.engine.tensor.Tensor;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.ParameterTrace;
import backprop.engine.trace.StepTrace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The residual block of issue 15: dense 4 tanh → dense 4 tanh → add of both → dense 1 sigmoid.
 * h1's output reaches the loss by two paths (through h2 and straight to the add), so its
 * gradient is right only if the tape sums both.
 */
class ResidualNetworkTest {
    private static final Path FILE = Path.of("src/test/resources/backprop/engine/spec/residual-xor.json");

    @Test
    void explicitWeightsGiveTheFiniteDifferenceGradientOfEveryParameter() throws Exception {
        NetworkSpec seeded = SpecReader.read(FILE);
        // Write the seeded weights into the file, so the network traced has every weight explicit.
        NetworkSpec explicit = SpecReader.parse(SpecWriter.toJson(SpecWriter.withWeights(seeded, ModelFactory.build(seeded))), "explicit.json");
        Model model = ModelFactory.build(explicit, 999L);
        Tensor x = Tensor.matrix(new float[][] {{-0.7f, 0.6f}, {0.5f, 0.8f}, {0.9f, -0.4f}, {-0.3f, -0.9f}});
        Tensor y = Tensor.matrix(new float[][] {{1f}, {0f}, {1f}, {0f}});
        StepTrace t = new Trainer(model, TrainConfig.defaults()).trace(x, y);
        int checked = 0;
        for (ParameterTrace p : t.parameters()) {
            float[] w = model.params().stream().filter(v -> v.label().equals(p.name())).findFirst().orElseThrow().value().data();
            for (int i = 0; i < w.length; i++) {
                float keep = w[i], eps = 1e-2f;
                w[i] = keep + eps;
                double up = loss(model, x, y);
                w[i] = keep - eps;
                double down = loss(model, x, y);
                w[i] = keep;
                double numeric = (up - down) / (2 * eps), analytic = p.gradient()[i];
                assertEquals(numeric, analytic, 1e-2 * Math.max(1e-2, Math.abs(numeric) + Math.abs(analytic)), p.name() + "[" + i + "]");
                checked++;
            }
        }
        assertEquals(12 + 20 + 5, checked, "every weight and bias of the three dense layers");

        LayerTrace add = t.layers().get(2);
        assertEquals("add", add.type());
        assertEquals(List.of("input1", "input2", "z", "delta"), List.copyOf(add.tensors().keySet()));
        float[][] h1 = t.layers().get(0).z(), h2 = t.layers().get(1).z(), sum = add.z();
        for (int n = 0; n < 4; n++) for (int j = 0; j < 4; j++) assertEquals(h1[n][j] + h2[n][j], sum[n][j], 0f);
    }

    private static double loss(Model m, Tensor x, Tensor y) {
        return m.loss().apply(m.forward(x, Pass.inference()), y).value().item();
    }

    @Test
    void trainsOnTheXorQuadrantsAsWellAsTheEquivalentStack() throws Exception {
        NetworkSpec residual = SpecReader.read(FILE);
        NetworkSpec stack = residual.withLayers(List.of(residual.layers().get(0), residual.layers().get(1), residual.layers().get(3)));
        float res = testAccuracy(residual), plain = testAccuracy(stack);
        assertTrue(res >= plain, "residual " + res + " vs stack " + plain);
        assertTrue(res >= 0.9f, "residual reaches " + res);
    }

    /** Same seed, data, optimiser and epochs for both: everything from the file, through RunSettings. */
    private static float testAccuracy(NetworkSpec spec) {
        RunSettings run = RunSettings.resolve(spec, null, null, null);
        Dataset.Split data = run.data().generate().split(run.data().testRatio(), run.data().seed());
        Trainer trainer = new Trainer(ModelFactory.build(spec, run.seed()), run.training());
        trainer.fit(data.train(), null);
        return trainer.evaluate(data.test())[1];
    }
}
