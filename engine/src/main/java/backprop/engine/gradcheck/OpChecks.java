package backprop.engine.gradcheck;

import static backprop.engine.gradcheck.GradCheck.TOL_COMPOSED;
import static backprop.engine.gradcheck.GradCheck.TOL_ELEMENTWISE;

import backprop.engine.autodiff.Activation;
import backprop.engine.autodiff.Ops;
import backprop.engine.autodiff.Var;
import backprop.engine.gradcheck.GradCheck.Result;
import backprop.engine.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Gradient-check rows for the primitive operations, the activations and the losses. */
final class OpChecks {
    private OpChecks() {}

    private static final int ROWS = 3, COLS = 4;

    static List<Result> ops(Random r) {
        List<Result> out = new ArrayList<>();
        out.add(op(r, "add", TOL_ELEMENTWISE, v -> Ops.add(v.get(0), v.get(1)), matrix(r), matrix(r)));
        out.add(op(r, "add (bias broadcast)", TOL_ELEMENTWISE, v -> Ops.add(v.get(0), v.get(1)), matrix(r), Inputs.uniform(r, -1, 1, COLS)));
        out.add(op(r, "sub", TOL_ELEMENTWISE, v -> Ops.sub(v.get(0), v.get(1)), matrix(r), matrix(r)));
        out.add(op(r, "sub (bias broadcast)", TOL_ELEMENTWISE, v -> Ops.sub(v.get(0), v.get(1)), matrix(r), Inputs.uniform(r, -1, 1, COLS)));
        out.add(op(r, "mul", TOL_ELEMENTWISE, v -> Ops.mul(v.get(0), v.get(1)), matrix(r), matrix(r)));
        // one value used on two paths: its gradient must be the sum of both (2x), not the last one
        out.add(op(r, "mul (x·x, shared input)", TOL_ELEMENTWISE, v -> Ops.mul(v.get(0), v.get(0)), matrix(r)));
        out.add(op(r, "scale", TOL_ELEMENTWISE, v -> Ops.scale(v.get(0), -1.7f), matrix(r)));
        out.add(op(r, "addConst", TOL_ELEMENTWISE, v -> Ops.addConst(v.get(0), 0.8f), matrix(r)));
        out.add(op(r, "matmul", TOL_COMPOSED, v -> Ops.matmul(v.get(0), v.get(1)), matrix(r), Inputs.uniform(r, -1, 1, COLS, 2)));
        out.add(op(r, "sum", TOL_COMPOSED, v -> Ops.sum(v.get(0)), matrix(r)));
        out.add(op(r, "mean", TOL_COMPOSED, v -> Ops.mean(v.get(0)), matrix(r)));
        out.add(op(r, "exp", TOL_ELEMENTWISE, v -> Ops.exp(v.get(0)), matrix(r)));
        out.add(op(r, "log", TOL_ELEMENTWISE, v -> Ops.log(v.get(0)), Inputs.uniform(r, 0.5f, 2f, ROWS, COLS)));
        out.add(op(r, "maximum", TOL_ELEMENTWISE, v -> Ops.maximum(v.toArray(new Var[0])), Inputs.distinct(r, 3, ROWS, COLS)));
        out.add(op(r, "softmax", TOL_COMPOSED, v -> Ops.softmax(v.get(0)), Inputs.uniform(r, -2, 2, ROWS, COLS)));
        return out;
    }

    /**
     * Every element-wise activation, on inputs that alternate in sign and stay 0.1 away from 0;
     * leaky_relu and elu also with a non-default α, since a file can set it and a derivative
     * that ignored α would still pass at the default.
     */
    static List<Result> activations(Random r) {
        List<Activation> all = new ArrayList<>();
        for (String name : Activation.NAMES) {
            if (!name.equals("softmax")) all.add(Activation.byName(name, Float.NaN)); // softmax is vector-valued: checked as an op
        }
        all.add(Activation.leakyRelu(0.2f));
        all.add(Activation.elu(0.5f));
        List<Result> out = new ArrayList<>();
        for (Activation act : all) {
            out.add(check(r, act.toString(), "activation", TOL_ELEMENTWISE, v -> Ops.activate(v.get(0), act),
                    Inputs.awayFromZero(r, 0.1f, 2f, ROWS, COLS)));
        }
        return out;
    }

    /** Losses, each behind the output activation it is meant for; gradients w.r.t. the logits (mse: the prediction). */
    static List<Result> losses(Random r) {
        List<Result> out = new ArrayList<>();
        Tensor y = Inputs.uniform(r, -1, 1, ROWS, 2);
        out.add(check(r, "mse", "loss", TOL_COMPOSED, v -> Ops.mse(v.get(0), y), Inputs.uniform(r, -1, 1, ROWS, 2)));
        Tensor classes = Inputs.oneHot(r, ROWS, COLS);
        out.add(check(r, "cross_entropy (softmax)", "loss", TOL_COMPOSED,
                v -> Ops.crossEntropy(Ops.softmax(v.get(0)), classes), Inputs.uniform(r, -2, 2, ROWS, COLS)));
        Tensor bits = Inputs.binary(ROWS, 2);
        out.add(check(r, "binary_cross_entropy (sigmoid)", "loss", TOL_COMPOSED,
                v -> Ops.binaryCrossEntropy(Ops.activate(v.get(0), Activation.SIGMOID), bits), Inputs.uniform(r, -2, 2, ROWS, 2)));
        return out;
    }

    private static Tensor matrix(Random r) { return Inputs.uniform(r, -1, 1, ROWS, COLS); }

    private static Result op(Random r, String name, double tol, TapeCheck.Graph g, Tensor... inputs) {
        return check(r, name, "op", tol, g, inputs);
    }

    private static Result check(Random r, String name, String kind, double tol, TapeCheck.Graph g, Tensor... inputs) {
        List<Var> leaves = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) leaves.add(Var.param(inputs[i], "x" + i));
        return TapeCheck.check(name, kind, tol, leaves, g, r);
    }
}
