package backprop.engine.train;

import backprop.engine.autodiff.Var;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Gradient descent with momentum: {@code v ← μv − η∂R/∂w, w ← w + v}; steady directions build speed. */
public final class Momentum implements Optimizer {
    private float eta;
    private final float mu;
    private final Map<Var, float[]> velocity = new IdentityHashMap<>();

    public Momentum(float eta, float mu) {
        this.eta = eta;
        this.mu = mu;
    }

    @Override
    public void step(List<Var> params) {
        for (Var p : params) {
            float[] w = p.value().data(), g = p.grad().data();
            float[] v = velocity.computeIfAbsent(p, k -> new float[w.length]);
            for (int i = 0; i < w.length; i++) {
                v[i] = mu * v[i] - eta * g[i];
                w[i] += v[i];
            }
        }
    }

    @Override public float learningRate() { return eta; }
    @Override public void setLearningRate(float e) { eta = e; }
    @Override public String describe() { return "momentum η=" + eta + " μ=" + mu; }
}
