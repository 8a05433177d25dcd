package backprop.engine.gradcheck;

import static backprop.engine.gradcheck.GradCheck.TOL_COMPOSED;

import backprop.engine.autodiff.Activation;
import backprop.engine.autodiff.Var;
import backprop.engine.gradcheck.GradCheck.Result;
import backprop.engine.layers.LayerKind;
import backprop.engine.layers.LayerKinds;
import backprop.engine.layers.dense.Dense;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Loss;
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
public final class LayerChecks {
    private LayerChecks() {}

    /** Every registered layer kind's own rows, in registration order. */
    static List<Result> layers(Random r) {
        List<Result> out = new ArrayList<>();
        for (LayerKind<?> kind : LayerKinds.all()) out.addAll(kind.gradChecks(r));
        return out;
    }

    /**
     * Whole models through the {@link Trainer} itself: its gradient of R + (λ/2)·Σ‖W‖² (what
     * it hands the optimiser) against finite differences of that objective written out here.
     */
    static List<Result> models(Random r) {
        List<Result> out = new ArrayList<>();
        out.add(model(r, "model 3-4-2 sigmoid/sigmoid mse + L2", Activation.SIGMOID, Activation.SIGMOID, Loss.MSE,
                Inputs.uniform(r, 0, 1, Inputs.BATCH, 2)));
        out.add(model(r, "model 3-4-3 tanh/softmax cross_entropy + L2", Activation.TANH, Activation.SOFTMAX, Loss.CROSS_ENTROPY,
                Inputs.oneHot(r, Inputs.BATCH, 3)));
        return out;
    }

    private static Result model(Random r, String name, Activation hidden, Activation output, Loss loss, Tensor y) {
        int outputs = y.dim(1);
        List<Layer> layers = List.of(
                new Dense("hidden", Inputs.uniform(r, -1, 1, 3, 4), Inputs.uniform(r, -0.5f, 0.5f, 4), hidden),
                new Dense("output", Inputs.uniform(r, -1, 1, 4, outputs), Inputs.uniform(r, -0.5f, 0.5f, outputs), output));
        Model model = new Model(3, layers, loss);
        return model(name, model, Inputs.uniform(r, -1, 1, Inputs.BATCH, 3), y);
    }

    /**
     * One whole model through the {@link Trainer}: its gradient of R + (λ/2)·Σ‖W‖² with λ = 0.1
     * against finite differences of that objective written out here. Layer kinds use it for
     * models of their own (a small CNN).
     */
    public static Result model(String name, Model model, Tensor x, Tensor y) {
        float lambda = 0.1f;
        Trainer trainer = new Trainer(model, TrainConfig.defaults().withL2(lambda));
        trainer.trace(x, y); // forward + backward, no update: the parameters now hold ∂objective/∂θ
        List<float[]> values = new ArrayList<>(), analytic = new ArrayList<>();
        for (Var p : model.params()) {
            values.add(p.value().data());
            analytic.add(p.grad().data().clone());
        }
        FiniteDifferences.Comparison c = FiniteDifferences.compare(values, analytic, () -> {
            double objective = model.loss().apply(model.forward(x, Pass.inference()), y).value().item();
            for (Layer l : model.layers()) {
                for (Var w : l.penalised()) for (float v : w.value().data()) objective += 0.5 * lambda * v * v; // biases are not penalised
            }
            return objective;
        }, GradCheck.EPS, GradCheck.FLOOR);
        return new Result(name, "model", c.worstRelativeError(), TOL_COMPOSED, c.checked());
    }
}
