package backprop.engine.train;

import backprop.engine.autodiff.Var;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** RMSProp: divide each step by a running root-mean-square of recent gradients. */
public final class RmsProp implements Optimizer {
    private float eta;
    private final float rho;
    private final float eps;
    private final Map<Var, float[]> meanSquare = new IdentityHashMap<>();

    public RmsProp(float eta, float rho, float eps) {
        this.eta = eta;
        this.rho = rho;
        this.eps = eps;
    }

    @Override
    public void step(List<Var> params) {
        for (Var p : params) {
            float[] w = p.value().data(), g = p.grad().data();
            float[] s = meanSquare.computeIfAbsent(p, k -> new float[w.length]);
            for (int i = 0; i < w.length; i++) {
                s[i] = rho * s[i] + (1f - rho) * g[i] * g[i];
                w[i] -= eta * g[i] / ((float) Math.sqrt(s[i]) + eps);
            }
        }
    }

    @Override public float learningRate() { return eta; }
    @Override public void setLearningRate(float e) { eta = e; }
    @Override public String describe() { return "rmsprop η=" + eta + " ρ=" + rho; }
}
