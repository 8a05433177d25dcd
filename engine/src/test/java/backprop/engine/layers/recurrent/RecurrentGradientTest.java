package backprop.engine.layers.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.autodiff.Ops;
import backprop.engine.autodiff.Var;
import backprop.engine.gradcheck.GradCheck;
import backprop.engine.gradcheck.Inputs;
import backprop.engine.gradcheck.TapeCheck;
import backprop.engine.layers.LayerKinds;
import backprop.engine.nn.Model;
import backprop.engine.nn.Pass;
import backprop.engine.nn.SequencePass;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.SpecReader;
import backprop.engine.tensor.Tensor;
import backprop.engine.train.Clipping;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** BPTT against finite differences for every cell, whole networks over sequences, and clipping. */
class RecurrentGradientTest {

    @ParameterizedTest
    @EnumSource(CellType.class)
    void theKindsOwnCheckPassesThroughTime(CellType cell) {
        for (GradCheck.Result r : LayerKinds.byType(cell.type()).gradChecks(new Random(11))) {
            assertTrue(r.passed(), r.toString());
        }
    }

    /** A start state other than zero, a truncation window and a forced gate each change the rule; each is checked. */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void gradientsHoldWithForcedGatesAndTruncation(CellType cell) {
        Random r = new Random(5);
        int in = 2, hh = 3, steps = 6, n = 2;
        RecurrentLayer layer = randomLayer(cell, in, hh, r);
        Var x = Var.param(Inputs.uniform(r, -1, 1, n * steps, in), "x");
        Map<String, Float> forced = cell.gates().isEmpty() ? Map.of() : Map.of(cell.gates().get(0), 0.7f);
        Pass pass = new Pass(false, null, null).withSequence(new SequencePass(steps, 0, forced));
        GradCheck.Result res = TapeCheck.check(cell + " forced", "layer", GradCheck.TOL_COMPOSED,
                List.of(x, layer.u(), layer.w(), layer.b()), v -> layer.forward(v.get(0), pass), r);
        assertTrue(res.passed(), res.toString());
    }

    /** A layer with U, W in ±0.9 and b in ±0.5: gates away from saturation, so differences are informative. */
    private static RecurrentLayer randomLayer(CellType cell, int in, int hh, Random r) {
        int g = cell.blockCount();
        return new RecurrentLayer("l", cell, Inputs.uniform(r, -0.9f, 0.9f, in, g * hh),
                Inputs.uniform(r, -0.9f, 0.9f, hh, g * hh), Inputs.uniform(r, -0.5f, 0.5f, g * hh));
    }

    /** One-hot inputs wide enough to take the row-by-row input product (InputProduct) check like dense ones. */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void oneHotInputsTakeTheSparsePathAndCheck(CellType cell) {
        Random r = new Random(6);
        int in = 16, hh = 3, steps = 5, n = 2;
        RecurrentLayer layer = randomLayer(cell, in, hh, r);
        float[] oneHot = new float[n * steps * in];
        for (int row = 0; row < n * steps; row++) oneHot[row * in + r.nextInt(in)] = 1f;
        assertTrue(InputProduct.sparse(oneHot, in) != null);
        Var x = Var.constant(new backprop.engine.tensor.Tensor(oneHot, n * steps, in));
        Pass pass = new Pass(false, null, null).withSequence(new SequencePass(steps, 0, Map.of()));
        GradCheck.Result res = TapeCheck.check(cell + " one-hot", "layer", GradCheck.TOL_COMPOSED,
                List.of(layer.u(), layer.w(), layer.b()), v -> layer.forward(x, pass), r);
        assertTrue(res.passed(), res.toString());
    }

    /** Truncated BPTT is the exact gradient of the network whose state is held constant at each window's start. */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void truncationStopsTheGradientAtWindowStarts(CellType cell) {
        Random r = new Random(9);
        int g = cell.blockCount(), hh = 2, steps = 6;
        RecurrentLayer layer = new RecurrentLayer("l", cell, Inputs.uniform(r, -0.9f, 0.9f, 1, g * hh),
                Inputs.uniform(r, -0.9f, 0.9f, hh, g * hh), Inputs.uniform(r, -0.5f, 0.5f, g * hh));
        Var x = Var.param(Inputs.uniform(r, -1, 1, steps, 1), "x");
        Pass pass = new Pass(false, null, null).withSequence(new SequencePass(steps, 3, Map.of()));
        Var out = layer.forward(x, pass);
        // only h at the last step counts: with windows of 3, inputs at steps 1–3 cannot reach it
        float[] pick = new float[steps * hh];
        pick[(steps - 1) * hh] = 1f;
        Ops.sum(Ops.mul(out, Var.constant(new Tensor(pick, steps, hh)))).backward();
        float[] dx = x.grad().data();
        for (int t = 0; t < 3; t++) assertEquals(0f, dx[t], "step " + (t + 1) + " lies in an earlier window");
        assertTrue(dx[3] != 0f && dx[5] != 0f, "steps in the last window still get a gradient");
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void aWholeSequenceNetworkChecksAgainstFiniteDifferences(CellType cell) throws Exception {
        Model m = ModelFactory.build(SpecReader.parse("""
                {"format": "backprop-studio.network", "version": 1, "input": {"shape": [4, 3]}, "loss": "cross_entropy", "seed": 3,
                 "layers": [{"type": "%s", "units": 3}, {"type": "%s", "units": 2}, {"type": "dense", "units": 3, "activation": "softmax"}]}
                """.formatted(cell.type(), cell.type()), "net.json"));
        Random r = new Random(4);
        Tensor x = Inputs.uniform(r, -1, 1, 2, 4, 3);
        Tensor y = oneHotSteps(r, 2, 4, 3);
        List<Var> params = m.params();
        GradCheck.Result res = TapeCheck.check(cell + " net", "model", GradCheck.TOL_COMPOSED, params,
                v -> m.objective(m.forward(x, Pass.inference()), y), r);
        assertTrue(res.passed(), res.toString());
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void clippingBoundsTheGlobalNorm(CellType cell) {
        Random r = new Random(2);
        int g = cell.blockCount(), hh = 4, steps = 30;
        // recurrent weights far above 1: the RNN's gradient explodes through time
        RecurrentLayer layer = new RecurrentLayer("l", cell, Inputs.uniform(r, -3f, 3f, 2, g * hh),
                Inputs.uniform(r, -4f, 4f, hh, g * hh), Inputs.uniform(r, -0.5f, 0.5f, g * hh));
        Var x = Var.constant(Inputs.uniform(r, -1, 1, 2 * steps, 2));
        Var out = layer.forward(x, new Pass(false, null, null).withSequence(SequencePass.of(steps)));
        Ops.sum(Ops.mul(out, out)).backward();
        float before = Clipping.globalNorm(layer.params());
        for (float max : new float[] {1e-3f, 0.5f, 5f}) {
            float[][] saved = new float[3][];
            for (int i = 0; i < 3; i++) saved[i] = layer.params().get(i).grad().data().clone();
            float reported = Clipping.clip(layer.params(), max);
            assertEquals(before, reported, 0f, "clip reports the norm before clipping");
            float after = Clipping.globalNorm(layer.params());
            assertTrue(after <= max, "norm " + after + " after clipping to " + max);
            if (before > max) assertEquals(max, after, max * 1e-4f, "a long gradient is scaled to exactly the threshold");
            for (int i = 0; i < 3; i++) System.arraycopy(saved[i], 0, layer.params().get(i).grad().data(), 0, saved[i].length);
        }
    }

    static Tensor oneHotSteps(Random r, int n, int steps, int classes) {
        float[] d = new float[n * steps * classes];
        for (int i = 0; i < n * steps; i++) d[i * classes + r.nextInt(classes)] = 1f;
        return new Tensor(d, n, steps, classes);
    }
}
