package backprop.engine.train;

import backprop.engine.autodiff.Var;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma & Ba 2015): momentum on the gradient (first moment) and RMSProp-style scaling
 * (second moment), both bias-corrected for their zero start.
 */
public final class Adam implements Optimizer {
    private float eta;
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final Map<Var, float[][]> moments = new IdentityHashMap<>();
    private int t;

    public Adam(float eta, float beta1, float beta2, float eps) {
        this.eta = eta;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    @Override
    public void step(List<Var> params) {
        t++;
        float c1 = 1f - (float) StrictMath.pow(beta1, t);
        float c2 = 1f - (float) StrictMath.pow(beta2, t);
        for (Var p : params) {
            float[] w = p.value().data(), g = p.grad().data();
            float[][] mv = moments.computeIfAbsent(p, k -> new float[2][w.length]);
            float[] m = mv[0], v = mv[1];
            for (int i = 0; i < w.length; i++) {
                m[i] = beta1 * m[i] + (1f - beta1) * g[i];
                v[i] = beta2 * v[i] + (1f - beta2) * g[i] * g[i];
                float mHat = m[i] / c1, vHat = v[i] / c2;
                w[i] -= eta * mHat / ((float) Math.sqrt(vHat) + eps);
            }
        }
    }

    /** Updates made so far (t of the bias correction). */
    public int steps() { return t; }

    @Override public float learningRate() { return eta; }
    @Override public void setLearningRate(float e) { eta = e; }
    @Override public String describe() { return "adam η=" + eta + " β1=" + beta1 + " β2=" + beta2; }
}
