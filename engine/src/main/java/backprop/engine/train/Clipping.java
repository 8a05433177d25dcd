package backprop.engine.train;

import backprop.engine.autodiff.Var;
import java.util.List;

/**
 * Gradient clipping by global norm (Pascanu et al. 2013): when the gradient of all parameters
 * together is longer than a threshold, every gradient is scaled by the same factor so the
 * whole has exactly that length. Its direction is kept; only the step is shortened, which is
 * what tames an exploding recurrent network without changing where it is heading.
 */
public final class Clipping {
    private Clipping() {}

    /** ‖g‖ = sqrt(Σ over every parameter element of g²), summed in double. */
    public static float globalNorm(List<Var> params) {
        double s = 0;
        for (Var p : params) for (float g : p.grad().data()) s += (double) g * g;
        return (float) Math.sqrt(s);
    }

    /**
     * Scales the gradients so their global norm is at most {@code max}; returns the norm before.
     * The factor is max/‖g‖ rounded down a hair so rounding cannot leave the result above max.
     */
    public static float clip(List<Var> params, float max) {
        float norm = globalNorm(params);
        if (!(norm > max)) return norm;
        float factor = (float) (max / (double) norm) * (1f - 1e-6f);
        for (Var p : params) {
            float[] g = p.grad().data();
            for (int i = 0; i < g.length; i++) g[i] *= factor;
        }
        return norm;
    }
}
