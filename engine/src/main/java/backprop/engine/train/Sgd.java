package backprop.engine.train;

import backprop.engine.autodiff.Var;
import java.util.List;

/** Plain gradient descent: {@code w ← w − η ∂R/∂w}. Full-batch, minibatch or online is the trainer's choice. */
public final class Sgd implements Optimizer {
    private float eta;

    public Sgd(float eta) { this.eta = eta; }

    @Override
    public void step(List<Var> params) {
        for (Var p : params) {
            float[] w = p.value().data(), g = p.grad().data();
            for (int i = 0; i < w.length; i++) w[i] -= eta * g[i];
        }
    }

    @Override public float learningRate() { return eta; }
    @Override public void setLearningRate(float e) { eta = e; }
    @Override public String describe() { return "sgd η=" + eta; }
}
