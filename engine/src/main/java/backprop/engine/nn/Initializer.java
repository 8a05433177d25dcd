package backprop.engine.nn;

import java.util.List;
import java.util.Random;

/**
 * Weight initialisers. Scale matters: too large and sigmoid units saturate, too small and
 * signals (and gradients) fade; Xavier/Glorot and He pick the scale from the fan-in/out.
 *
 * @param type  "uniform" (U(−a, a)), "normal" (N(0, σ)), "xavier", "he" or "zeros" (every weight 0:
 *              every unit of a layer then computes the same thing and gets the same update, so
 *              they stay identical for ever, the symmetry that random initial weights break)
 * @param scale a for uniform, σ for normal; ignored by xavier and he
 */
public record Initializer(String type, double scale) {
    public static final List<String> NAMES = List.of("xavier", "he", "uniform", "normal", "zeros");
    public static final Initializer XAVIER = new Initializer("xavier", 0);
    public static final Initializer HE = new Initializer("he", 0);

    public Initializer {
        if (!NAMES.contains(type)) throw new IllegalArgumentException("unknown initializer '" + type + "' (known: " + String.join(", ", NAMES) + ")");
    }

    public static Initializer uniform(double a) { return new Initializer("uniform", a); }

    public static Initializer normal(double sigma) { return new Initializer("normal", sigma); }

    /** The initialiser a network file names; xavier when it names none. */
    public static Initializer of(backprop.engine.spec.NetworkSpec.InitSpec spec) {
        return spec == null ? XAVIER : new Initializer(spec.type(), spec.scale());
    }

    /** A fresh in×out weight matrix, drawn row by row (the order that makes seeds reproducible). */
    public backprop.engine.tensor.Tensor matrix(Random r, int in, int out) {
        float[] w = new float[backprop.engine.tensor.Shapes.arraySize(in, out)]; // in·out as an int may wrap
        for (int i = 0; i < w.length; i++) w[i] = sample(r, in, out);
        return new backprop.engine.tensor.Tensor(w, in, out);
    }

    /** One weight for a layer with the given fan-in and fan-out. */
    public float sample(Random r, int fanIn, int fanOut) {
        switch (type) {
            case "uniform": return (float) ((2 * r.nextDouble() - 1) * scale);
            case "normal": return (float) (r.nextGaussian() * scale);
            case "zeros": return 0f; // draws nothing from the seed
            case "xavier": {
                double a = Math.sqrt(6.0 / (fanIn + fanOut)); // Glorot & Bengio 2010, uniform form
                return (float) ((2 * r.nextDouble() - 1) * a);
            }
            default: return (float) (r.nextGaussian() * Math.sqrt(2.0 / fanIn)); // He et al. 2015
        }
    }

    @Override
    public String toString() {
        return switch (type) {
            case "uniform" -> "uniform(±" + scale + ")";
            case "normal" -> "normal(σ=" + scale + ")";
            default -> type;
        };
    }
}
