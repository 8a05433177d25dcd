package backprop.engine.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.autodiff.Ops;
import backprop.engine.autodiff.Var;
import backprop.engine.tensor.Tensor;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GradCheckTest {

    @Test
    void everyRowPassesAndTheTableIsPrinted() {
        List<GradCheck.Result> results = GradCheck.runAll(42L);
        System.out.print(GradCheck.table(results));
        for (GradCheck.Result r : results) {
            assertTrue(r.passed(), r.name() + ": worst relative error " + r.worstRelativeError() + " > " + r.tolerance());
            assertTrue(r.checked() > 0, r.name() + " compared no partials");
        }
        assertTrue(GradCheck.allPassed(results));
    }

    @Test
    void passesForManySeedsNotJustOne() {
        for (long seed = 0; seed < 20; seed++) {
            for (GradCheck.Result r : GradCheck.runAll(seed)) {
                assertTrue(r.passed(), "seed " + seed + ", " + r.name() + ": " + r.worstRelativeError());
            }
        }
    }

    @Test
    void coversEveryOpActivationLossAndLayer() {
        Set<String> names = GradCheck.runAll(1L).stream().map(GradCheck.Result::name).collect(Collectors.toSet());
        for (String n : List.of("add", "add (bias broadcast)", "sub", "sub (bias broadcast)", "mul", "scale", "addConst",
                "matmul", "sum", "mean", "exp", "log", "maximum", "softmax",
                "identity", "step", "sigmoid", "tanh", "relu", "leaky_relu(α=0.01)", "elu", "softplus",
                "leaky_relu(α=0.2)", "elu(α=0.5)",
                "mse", "cross_entropy (softmax)", "binary_cross_entropy (sigmoid)",
                "dense(identity)", "dense(step)", "dense(sigmoid)", "dense(tanh)", "dense(relu)",
                "dense(leaky_relu(α=0.01))", "dense(elu)", "dense(softplus)", "dense(softmax)", "maxout(3 pieces)",
                "conv2d 3×3 stride 2 padding 1, 2→3 channels, 5×5 (identity)", "conv2d 5×5 stride 1 padding 2, 2→2 channels, 4×4 (tanh)",
                "maxpool 3×3 stride 2, 2 channels of 5×5", "avgpool 2×2 stride 2, 2 channels of 4×6",
                "model conv-maxpool-flatten-dense cross_entropy + L2",
                "batchnorm(training)", "batchnorm(evaluation)", "activation(tanh)", "activation(relu)", "activation(softmax)")) {
            assertTrue(names.contains(n), "no gradient-check row for " + n + " in " + names);
        }
        assertTrue(names.stream().anyMatch(n -> n.startsWith("model") && n.contains("L2")), "no whole-model row with L2");
    }

    @Test
    void sameSeedSameReport() {
        assertEquals(GradCheck.runAll(7L), GradCheck.runAll(7L));
    }

    // ----------------------------------------------------------- the check can fail

    @Test
    void comparisonCoreCatchesAWrongDerivative() {
        // f(x) = Σ r_i sin(x_i); the true derivative is r_i cos(x_i)
        float[] x = {0.3f, -1.2f, 0.7f, 2.0f};
        float[] r = {1.0f, -0.6f, 0.9f, 1.3f};
        FiniteDifferences.Objective f = () -> {
            double s = 0;
            for (int i = 0; i < x.length; i++) s += r[i] * Math.sin(x[i]);
            return s;
        };
        float[] right = new float[4], wrongSign = new float[4], missingFactor = new float[4];
        for (int i = 0; i < 4; i++) {
            right[i] = (float) (r[i] * Math.cos(x[i]));
            wrongSign[i] = (float) (-r[i] * Math.sin(x[i])); // a classic slip: d/dx sin = −sin
            missingFactor[i] = (float) Math.cos(x[i]);       // forgot the incoming gradient r_i
        }
        double tol = GradCheck.TOL_ELEMENTWISE;
        assertTrue(compare(x, right, f).worstRelativeError() < tol);
        FiniteDifferences.Comparison bad = compare(x, wrongSign, f);
        assertTrue(bad.worstRelativeError() > 100 * tol, "wrong derivative not caught: " + bad);
        assertTrue(compare(x, missingFactor, f).worstRelativeError() > 100 * tol);
        assertEquals(0.3f, x[0], "leaves must be restored after the check");
    }

    private static FiniteDifferences.Comparison compare(float[] x, float[] g, FiniteDifferences.Objective f) {
        return FiniteDifferences.compare(List.of(x), List.of(g), f, GradCheck.EPS, GradCheck.FLOOR);
    }

    @Test
    void tapeCheckCatchesAnOpWhoseBackwardRuleIsWrong() {
        Tensor x = new Tensor(new float[] {0.5f, -1.5f, 1.0f, 2.0f, -0.7f, 0.9f}, 2, 3);
        // Correct: x·x through mul, both paths accumulate: gradient 2x.
        GradCheck.Result good = TapeCheck.check("square", "op", GradCheck.TOL_ELEMENTWISE,
                List.of(Var.param(x.copy(), "x")), v -> Ops.mul(v.get(0), v.get(0)), new Random(1));
        assertTrue(good.passed(), "correct op failed: " + good);
        // Fake op: forward x², but one factor is a constant copy, so backward sends only x
        // (the "assign instead of add" trap that loses one of two paths).
        GradCheck.Result lostPath = TapeCheck.check("square, one path lost", "op", GradCheck.TOL_ELEMENTWISE,
                List.of(Var.param(x.copy(), "x")), v -> Ops.mul(v.get(0), Var.constant(v.get(0).value().copy())), new Random(1));
        assertFalse(lostPath.passed(), "a backward rule missing half the gradient was not caught: " + lostPath);
        assertTrue(lostPath.worstRelativeError() > 0.3, "expected |x − 2x|/(|x| + |2x|) = 1/3, got " + lostPath.worstRelativeError());
        // Fake op: forward x², backward as if identity (straight-through): gradient 1 instead of 2x.
        GradCheck.Result straightThrough = TapeCheck.check("square, identity backward", "op", GradCheck.TOL_ELEMENTWISE,
                List.of(Var.param(x.copy(), "x")), v -> {
                    float[] d = v.get(0).value().data(), sq = new float[d.length];
                    for (int i = 0; i < d.length; i++) sq[i] = d[i] * d[i] - d[i];
                    return Ops.add(v.get(0), Var.constant(new Tensor(sq, 2, 3)));
                }, new Random(1));
        assertFalse(straightThrough.passed(), "a wrong derivative was not caught: " + straightThrough);
    }
}
