package backprop.engine.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.trace.LayerStatistics;
import backprop.engine.trace.StepStatistics;
import backprop.engine.train.FlowRun;
import backprop.engine.train.RunSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The textbook ordering of gradient flow through ten hidden layers, measured by the engine's own
 * statistics on the shipped presets at their first step, for three seeds: the first layer's
 * gradient norm relative to the last (output) layer's is at least 50 times smaller for sigmoid
 * with U(−1, 1) than for ReLU with He; batch norm lifts the sigmoid network's by at least 10
 * times, residual paths by at least 2.
 */
class GradientFlowOrderingTest {
    private static final long[] SEEDS = {1, 2, 3};

    /** ‖∂R/∂W‖ of the first dense layer over that of the last, at step 0 (before any update). */
    static double firstOverLast(String preset, long seed) throws Exception {
        NetworkSpec spec = BuiltinModels.spec(preset);
        RunSettings run = RunSettings.resolve(spec, seed, null, null);
        Model model = ModelFactory.build(spec, run.seed());
        StepStatistics s = new FlowRun(model, run.training(), run.data().generate()).step();
        List<LayerStatistics> dense = s.layers().stream().filter(l -> l.type().equals("dense")).toList();
        return dense.get(0).gradNorm() / (double) dense.get(dense.size() - 1).gradNorm();
    }

    @Test
    void sigmoidVanishesReluHeKeepsBatchNormAndResidualPathsLiftIt() throws Exception {
        for (long seed : SEEDS) {
            double sigmoid = firstOverLast("deep-sigmoid-uniform", seed), relu = firstOverLast("deep-relu-he", seed);
            double bn = firstOverLast("deep-sigmoid-batchnorm", seed), residual = firstOverLast("deep-sigmoid-residual", seed);
            double tanh = firstOverLast("deep-tanh-xavier", seed), reluBn = firstOverLast("deep-relu-he-batchnorm", seed);
            String figures = String.format(java.util.Locale.ROOT, "seed %d: first/last sigmoid %.3g, relu-he %.3g, tanh-xavier %.3g, "
                    + "sigmoid+bn %.3g, sigmoid+residual %.3g, relu-he+bn %.3g; relu/sigmoid %.0f×, bn lift %.0f×, residual lift %.1f×",
                    seed, sigmoid, relu, tanh, bn, residual, reluBn, relu / sigmoid, bn / sigmoid, residual / sigmoid);
            System.out.println(figures);
            assertTrue(relu / sigmoid >= 50, figures);
            assertTrue(bn / sigmoid >= 10, figures);
            assertTrue(residual / sigmoid >= 2, figures);
            assertTrue(reluBn / sigmoid >= 10, figures + " (batch norm on the ReLU He preset too)");
        }
    }
}
