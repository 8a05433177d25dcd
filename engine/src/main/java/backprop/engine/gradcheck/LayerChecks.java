package backprop.engine.gradcheck;

import static backprop.engine.gradcheck.GradCheck.TOL_COMPOSED;

import backprop.engine.autodiff.Activation;
import backprop.engine.autodiff.Ops;
import backprop.engine.autodiff.Var;
import backprop.engine.gradcheck.GradCheck.Result;
import backprop.engine.nn.Dense;
import backprop.engine.nn.Dropout;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Loss;
import backprop.engine.nn.Maxout;
import backprop.engine.nn.Model;
import backprop.engine.nn.Pass;
import backprop.engine.tensor.Tensor;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Gradient-check rows for whole layers (w.r.t. their parameters AND their input, which is
 * what the layer below receives as its δ) and for a whole model trained with an L2 penalty.
 */
final class LayerChecks {
    private LayerChecks() {}

    private static final int BATCH = 3, IN = 4, OUT = 3;
    /** Nudges are 0.01 times inputs and weights of size ≤ 2: a margin of 0.1 keeps every a on its side of a kink. */
    private static final float KINK_MARGIN = 0.1f;
    private static final int MAX_DRAWS = 1000;

    static List<Result> layers(Random r) {
        List<Result> out = new ArrayList<>();
        for (String name : Activation.NAMES) out.add(dense(r, Activation.byName(name, Float.NaN)));
        out.add(maxout(r));
        out.add(dropout(r));
        return out;
    }

    /** Dense layer a = xW + b, z = g(a); weights and inputs redrawn until no a sits near 0. */
    private static Result dense(Random r, Activation act) {
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            Tensor x = Inputs.uniform(r, -1, 1, BATCH, IN);
            Dense d = new Dense("dense", Inputs.uniform(r, -1, 1, IN, OUT), Inputs.uniform(r, -0.5f, 0.5f, OUT), act);
            Var xv = Var.param(x, "x");
            if (Inputs.minAbs(preActivation(d, xv)) < KINK_MARGIN) continue;
            return TapeCheck.check("dense(" + act + ")", "layer", TOL_COMPOSED, List.of(xv, d.weights(), d.bias()),
                    v -> d.forward(v.get(0), Pass.inference()), r);
        }
        throw new IllegalStateException("no kink-free draw for dense(" + act + ")");
    }

    private static Tensor preActivation(Dense d, Var x) {
        return Ops.add(Ops.matmul(x, d.weights()), d.bias()).value();
    }

    /** Maxout with 3 pieces; redrawn until every unit's winner leads the runner-up by the margin. */
    private static Result maxout(Random r) {
        int pieces = 3;
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            List<Tensor> w = new ArrayList<>(), b = new ArrayList<>();
            for (int p = 0; p < pieces; p++) {
                w.add(Inputs.uniform(r, -1, 1, IN, OUT));
                b.add(Inputs.uniform(r, -0.5f, 0.5f, OUT));
            }
            Maxout m = new Maxout("maxout", w, b);
            Var xv = Var.param(Inputs.uniform(r, -1, 1, BATCH, IN), "x");
            if (winnerLead(m, xv) < KINK_MARGIN) continue;
            List<Var> leaves = new ArrayList<>();
            leaves.add(xv);
            leaves.addAll(m.params());
            return TapeCheck.check("maxout(" + pieces + " pieces)", "layer", TOL_COMPOSED, leaves, v -> m.forward(v.get(0), Pass.inference()), r);
        }
        throw new IllegalStateException("no tie-free draw for maxout");
    }

    /** Smallest gap between the largest and second-largest piece over all samples and units. */
    private static float winnerLead(Maxout m, Var x) {
        int n = x.value().dim(0), units = m.outputSize();
        float[][] lin = new float[m.pieces()][];
        for (int p = 0; p < m.pieces(); p++) lin[p] = Ops.add(Ops.matmul(x, m.pieceWeights().get(p)), m.pieceBiases().get(p)).value().data();
        float lead = Float.POSITIVE_INFINITY;
        for (int i = 0; i < n * units; i++) {
            float best = Float.NEGATIVE_INFINITY, second = Float.NEGATIVE_INFINITY;
            for (float[] piece : lin) {
                if (piece[i] > best) { second = best; best = piece[i]; } else if (piece[i] > second) second = piece[i];
            }
            lead = Math.min(lead, best - second);
        }
        return lead;
    }

    /** Dropout in training mode; each evaluation draws the same mask from a freshly seeded source. */
    private static Result dropout(Random r) {
        Dropout d = new Dropout("dropout", IN, 0.5f);
        long maskSeed = r.nextLong();
        Var xv = Var.param(Inputs.uniform(r, -1, 1, BATCH, IN), "x");
        return TapeCheck.check("dropout(rate 0.5)", "layer", TOL_COMPOSED, List.of(xv),
                v -> d.forward(v.get(0), new Pass(true, new Random(maskSeed), null)), r);
    }

    /**
     * Whole models through the {@link Trainer} itself: its gradient of R + (λ/2)·Σ‖W‖² (what
     * it hands the optimiser) against finite differences of that objective written out here.
     */
    static List<Result> models(Random r) {
        List<Result> out = new ArrayList<>();
        out.add(model(r, "model 3-4-2 sigmoid/sigmoid mse + L2", Activation.SIGMOID, Activation.SIGMOID, Loss.MSE,
                Inputs.uniform(r, 0, 1, BATCH, 2)));
        out.add(model(r, "model 3-4-3 tanh/softmax cross_entropy + L2", Activation.TANH, Activation.SOFTMAX, Loss.CROSS_ENTROPY,
                Inputs.oneHot(r, BATCH, 3)));
        return out;
    }

    private static Result model(Random r, String name, Activation hidden, Activation output, Loss loss, Tensor y) {
        float lambda = 0.1f;
        int outputs = y.dim(1);
        List<Layer> layers = List.of(
                new Dense("hidden", Inputs.uniform(r, -1, 1, 3, 4), Inputs.uniform(r, -0.5f, 0.5f, 4), hidden),
                new Dense("output", Inputs.uniform(r, -1, 1, 4, outputs), Inputs.uniform(r, -0.5f, 0.5f, outputs), output));
        Model model = new Model(3, layers, loss);
        Tensor x = Inputs.uniform(r, -1, 1, BATCH, 3);
        Trainer trainer = new Trainer(model, TrainConfig.defaults().withL2(lambda));
        trainer.trace(x, y); // forward + backward, no update: the parameters now hold ∂objective/∂θ
        List<float[]> values = new ArrayList<>(), analytic = new ArrayList<>();
        for (Var p : model.params()) {
            values.add(p.value().data());
            analytic.add(p.grad().data().clone());
        }
        FiniteDifferences.Comparison c = FiniteDifferences.compare(values, analytic, () -> {
            double objective = loss.apply(model.forward(x, Pass.inference()), y).value().item();
            for (Layer l : layers) {
                for (float w : ((Dense) l).weights().value().data()) objective += 0.5 * lambda * w * w; // biases are not penalised
            }
            return objective;
        }, GradCheck.EPS, GradCheck.FLOOR);
        return new Result(name, "model", c.worstRelativeError(), TOL_COMPOSED, c.checked());
    }
}
