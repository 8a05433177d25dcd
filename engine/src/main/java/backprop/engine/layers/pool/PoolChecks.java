package backprop.engine.layers.pool;

import backprop.engine.autodiff.Var;
import backprop.engine.data.Dataset;
import backprop.engine.gradcheck.GradCheck;
import backprop.engine.gradcheck.Inputs;
import backprop.engine.gradcheck.TapeCheck;
import backprop.engine.nn.Pass;
import backprop.engine.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Gradient checks of pooling, w.r.t. the input: windows side by side and overlapping, on a
 * square and a non-square image, two channels, a batch of two. For max pooling every input
 * value differs from every other by at least 0.1, so the ±0.01 nudges of the check never
 * change a window's winner (at a tie the slope has no single right value).
 */
final class PoolChecks {
    private PoolChecks() {}

    /** c×h×w images pooled by size × size windows moved by stride. */
    private record Case(int c, int h, int w, int size, int stride) {}

    private static final List<Case> CASES = List.of(new Case(2, 4, 6, 2, 2), new Case(2, 5, 5, 3, 2), new Case(1, 4, 4, 2, 1));

    static List<GradCheck.Result> checks(PoolType pool, Random r) {
        List<GradCheck.Result> out = new ArrayList<>();
        for (Case c : CASES) {
            Pool2d layer = new Pool2d(pool.type(), pool, new int[] {c.c(), c.h(), c.w()}, c.size(), c.stride());
            int values = 2 * c.c() * c.h() * c.w();
            Tensor x = pool == PoolType.MAX ? spread(r, values) : Inputs.uniform(r, -1, 1, values);
            Var xv = Var.param(x.reshape(2, values / 2), "x");
            String name = pool.type() + " " + c.size() + "×" + c.size() + " stride " + c.stride() + ", " + c.c() + " channels of " + c.h() + "×" + c.w();
            out.add(TapeCheck.check(name, "layer", GradCheck.TOL_COMPOSED, List.of(xv), v -> layer.forward(v.get(0), Pass.inference()), r));
        }
        return out;
    }

    /** The values 0.1·(i − n/2) for i = 0 … n − 1 in a random order: all distinct, 0.1 apart. */
    private static Tensor spread(Random r, int n) {
        int[] order = Dataset.permutation(n, r);
        float[] d = new float[n];
        for (int i = 0; i < n; i++) d[i] = 0.1f * (order[i] - n / 2f);
        return new Tensor(d, n);
    }
}
