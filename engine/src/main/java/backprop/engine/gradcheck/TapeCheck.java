package backprop.engine.gradcheck;

import backprop.engine.autodiff.Ops;
import backprop.engine.autodiff.Var;
import backprop.engine.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Checks the tape's gradient of one graph against finite differences. A graph may output a
 * tensor of any shape; it is reduced to the scalar {@code Σ out ∘ r} with a fixed random
 * {@code r}, so every output element's backward rule contributes with its own weight (a
 * plain sum would hide, say, two swapped rows of a gradient).
 */
public final class TapeCheck {
    private TapeCheck() {}

    /** Builds the graph under test from its leaves; called once for the tape, then twice per partial. */
    @FunctionalInterface
    public interface Graph {
        Var build(List<Var> leaves);
    }

    /**
     * The analytic side runs one backward pass from {@code Σ out ∘ r}; the numeric side
     * re-runs the forward pass with each leaf element nudged and sums {@code out ∘ r} in
     * double, so the reduction adds no float32 rounding of its own.
     */
    public static GradCheck.Result check(String name, String kind, double tolerance, List<Var> leaves, Graph graph, Random random) {
        Var out = graph.build(leaves);
        float[] r = projection(random, out.value().size());
        Var root = Ops.sum(Ops.mul(out, Var.constant(new Tensor(r, out.shape()))));
        for (Var leaf : leaves) leaf.zeroGrad(); // parameters keep gradients between passes
        root.backward();
        List<float[]> values = new ArrayList<>(), analytic = new ArrayList<>();
        for (Var leaf : leaves) {
            values.add(leaf.value().data());
            analytic.add(leaf.grad().data().clone());
        }
        FiniteDifferences.Comparison c = FiniteDifferences.compare(values, analytic, () -> {
            float[] o = graph.build(leaves).value().data();
            double s = 0;
            for (int i = 0; i < o.length; i++) s += (double) o[i] * r[i];
            return s;
        }, GradCheck.EPS, GradCheck.FLOOR);
        return new GradCheck.Result(name, kind, c.worstRelativeError(), tolerance, c.checked());
    }

    /** Weights of magnitude 0.5 to 1.5 with random signs: no output element is (nearly) ignored. */
    static float[] projection(Random random, int n) {
        float[] r = new float[n];
        for (int i = 0; i < n; i++) r[i] = (random.nextBoolean() ? 1f : -1f) * (0.5f + random.nextFloat());
        return r;
    }
}
