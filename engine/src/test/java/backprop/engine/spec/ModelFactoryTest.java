package backprop.engine.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.autodiff.Activation;
import backprop.engine.layers.dense.Dense;
import backprop.engine.nn.Model;
import backprop.engine.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** What a network file becomes: weights as written, omitted ones from the seed, every setting honoured. */
class ModelFactoryTest {

    /** The issue's example, verbatim: layer 1 gives its weights, layer 2 does not. */
    private static final String ISSUE_EXAMPLE = """
            { "format": "backprop-studio.network", "version": 1,
              "input": {"shape": [2]},
              "layers": [
                {"type": "dense", "units": 2, "activation": "sigmoid",
                 "weights": [[1.0, -1.0], [-1.0, 1.0]], "bias": [-0.5, -0.5]},
                {"type": "dense", "units": 1, "activation": "sigmoid"} ],
              "loss": "mse" }
            """;

    private static Dense dense(Model m, int i) { return (Dense) m.layers().get(i); }

    @Test
    void writtenWeightsAreUsedExactlyAndOmittedOnesComeFromTheSeed() throws Exception {
        NetworkSpec spec = SpecReader.parse(ISSUE_EXAMPLE, "example.json");
        Model a = ModelFactory.build(spec, 1L), again = ModelFactory.build(spec, 1L), other = ModelFactory.build(spec, 2L);
        for (Model m : new Model[] {a, other}) {
            assertEquals(Tensor.matrix(new float[][] {{1f, -1f}, {-1f, 1f}}), dense(m, 0).weights().value(), "w_ij as written");
            assertEquals(Tensor.vector(-0.5f, -0.5f), dense(m, 0).bias().value());
        }
        assertEquals(dense(a, 1).weights().value(), dense(again, 1).weights().value(), "same seed, same drawn weights");
        assertFalse(dense(a, 1).weights().value().equals(dense(other, 1).weights().value()), "the seed is not used");
        assertEquals(Tensor.zeros(1), dense(a, 1).bias().value(), "omitted biases are zero");
        // unit 1 of the hidden layer computes a_1 = 1.0·x1 − 1.0·x2 − 0.5
        float z = a.activations(Tensor.matrix(new float[][] {{0.3f, 0.1f}})).get(0).get(0, 0);
        assertEquals(1 / (1 + Math.exp(-(0.3 - 0.1 - 0.5))), z, 1e-6);
    }

    @Test
    void alphaAndInitializerFromTheFileReachTheModel() throws Exception {
        NetworkSpec spec = SpecReader.parse("""
                {"format": "backprop-studio.network", "version": 1, "input": {"shape": [50]},
                 "layers": [
                   {"type": "dense", "units": 40, "activation": "leaky_relu", "alpha": 0.2, "initializer": {"type": "uniform", "scale": 0.05}},
                   {"type": "dense", "units": 1, "activation": "elu", "alpha": 0.5}],
                 "loss": "mse", "seed": 4}
                """, "alpha.json");
        Model m = ModelFactory.build(spec);
        assertEquals(Activation.leakyRelu(0.2f), dense(m, 0).activation());
        assertEquals(-0.4f, dense(m, 0).activation().apply(-2f), 1e-7f, "max(αx, x) with α = 0.2");
        assertEquals(0.5 * Math.expm1(-1), dense(m, 1).activation().apply(-1f), 1e-7, "α(eˣ − 1) with α = 0.5");
        float max = 0;
        for (float w : dense(m, 0).weights().value().data()) max = Math.max(max, Math.abs(w));
        assertTrue(max <= 0.05f && max > 0.04f, "uniform(±0.05) weights, largest |w| " + max);
    }
}
