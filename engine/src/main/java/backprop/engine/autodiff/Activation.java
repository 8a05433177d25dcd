package backprop.engine.autodiff;

import java.util.List;
import java.util.Objects;

/**
 * An activation g and its derivative g', as scalar functions. The same two functions are
 * used by the autodiff op, by traces (which record g'(a) so the UI never recomputes it) and
 * by the activation plots: one definition of each curve, in one place.
 *
 * <p>Each activation is one {@link Definition} below, g and g' side by side, like the ops of
 * micrograd: to add one, add a block to {@link #DEFINITIONS} and its name to {@link #NAMES}.
 * Softmax is listed for naming and specs but is vector-valued; {@link Ops#softmax} does it.
 */
public final class Activation {
    /** Names accepted in network files, in the order the UI lists them. */
    public static final List<String> NAMES = List.of(
            "identity", "step", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "softmax");

    public static final float DEFAULT_LEAKY_ALPHA = 0.01f;
    public static final float DEFAULT_ELU_ALPHA = 1f;

    /** g(x); alpha is the parameter of leaky_relu and elu (ignored by the others). */
    @FunctionalInterface
    public interface G { float apply(float x, float alpha); }

    /**
     * g'(x), given x and z = g(x): several derivatives are cheapest in terms of z (the decks'
     * sigmoid rule g' = g(1 − g)).
     */
    @FunctionalInterface
    public interface GPrime { float apply(float x, float z, float alpha); }

    /** One element-wise activation: its name, g and g'. */
    public record Definition(String name, G g, GPrime gPrime) {}

    /**
     * Every element-wise activation, g and g' next to each other. At kinks the sub-gradient of
     * the right-hand piece is used, except for ReLU, where an inactive unit (x ≤ 0) passes zero
     * gradient back.
     */
    public static final List<Definition> DEFINITIONS = List.of(
            new Definition("identity",
                    (x, al) -> x,
                    (x, z, al) -> 1f),
            // The perceptron's threshold unit: its gradient is zero (almost everywhere).
            new Definition("step",
                    (x, al) -> x > 0f ? 1f : 0f,
                    (x, z, al) -> 0f),
            new Definition("sigmoid",
                    (x, al) -> (float) (1.0 / (1.0 + StrictMath.exp(-x))),
                    (x, z, al) -> z * (1f - z)),
            new Definition("tanh",
                    (x, al) -> (float) StrictMath.tanh(x),
                    (x, z, al) -> 1f - z * z),
            new Definition("relu",
                    (x, al) -> x > 0f ? x : 0f,
                    (x, z, al) -> x > 0f ? 1f : 0f),
            // max(αx, x)
            new Definition("leaky_relu",
                    (x, al) -> x > 0f ? x : al * x,
                    (x, z, al) -> x > 0f ? 1f : al),
            // x for x > 0, α(eˣ − 1) otherwise; below 0, g' = αeˣ = z + α
            new Definition("elu",
                    (x, al) -> x > 0f ? x : (float) (al * StrictMath.expm1(x)),
                    (x, z, al) -> x > 0f ? 1f : z + al),
            // log(1 + eˣ), written so large x neither overflows nor loses precision; g' = sigmoid(x)
            new Definition("softplus",
                    (x, al) -> (float) (Math.max(x, 0f) + StrictMath.log1p(StrictMath.exp(-Math.abs(x)))),
                    (x, z, al) -> (float) (1.0 / (1.0 + StrictMath.exp(-x)))));

    public static final Activation IDENTITY = new Activation("identity", 0f);
    /** The perceptron's threshold unit: 1 if a > 0 else 0. Its gradient is zero (almost everywhere). */
    public static final Activation STEP = new Activation("step", 0f);
    public static final Activation SIGMOID = new Activation("sigmoid", 0f);
    public static final Activation TANH = new Activation("tanh", 0f);
    public static final Activation RELU = new Activation("relu", 0f);
    public static final Activation ELU = new Activation("elu", DEFAULT_ELU_ALPHA);
    public static final Activation SOFTPLUS = new Activation("softplus", 0f);
    public static final Activation SOFTMAX = new Activation("softmax", 0f);

    private final String id;
    private final float alpha;
    /** Null for softmax, which is not element-wise. */
    private final Definition definition;

    private Activation(String id, float alpha) {
        this.id = id;
        this.alpha = alpha;
        this.definition = DEFINITIONS.stream().filter(d -> d.name().equals(id)).findFirst().orElse(null);
    }

    /** leaky_relu(x) = max(αx, x). */
    public static Activation leakyRelu(float alpha) { return new Activation("leaky_relu", alpha); }

    /** elu(x) = x for x > 0, α(eˣ − 1) otherwise. */
    public static Activation elu(float alpha) { return new Activation("elu", alpha); }

    /** Looks up a name from {@link #NAMES}; alpha is used by leaky_relu and elu (NaN: default). */
    public static Activation byName(String name, float alpha) {
        switch (name) {
            case "identity": return IDENTITY;
            case "step": return STEP;
            case "sigmoid": return SIGMOID;
            case "tanh": return TANH;
            case "relu": return RELU;
            case "leaky_relu": return leakyRelu(Float.isNaN(alpha) ? DEFAULT_LEAKY_ALPHA : alpha);
            case "elu": return elu(Float.isNaN(alpha) ? DEFAULT_ELU_ALPHA : alpha);
            case "softplus": return SOFTPLUS;
            case "softmax": return SOFTMAX;
            default: throw new IllegalArgumentException("unknown activation '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        }
    }

    public String id() { return id; }

    public float alpha() { return alpha; }

    /** Whether gradient descent can learn through it (step cannot: g' = 0). */
    public boolean differentiable() { return !id.equals("step"); }

    /** g(x). */
    public float apply(float x) {
        return elementWise().g().apply(x, alpha);
    }

    /** g'(x), given x and z = g(x). */
    public float derivative(float x, float z) {
        return elementWise().gPrime().apply(x, z, alpha);
    }

    /** g'(x) on its own. */
    public float derivative(float x) {
        return derivative(x, apply(x));
    }

    private Definition elementWise() {
        if (definition == null) throw new IllegalStateException(id + " is not element-wise");
        return definition;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Activation a && a.id.equals(id) && Float.compare(a.alpha, alpha) == 0;
    }

    @Override
    public int hashCode() { return Objects.hash(id, alpha); }

    @Override
    public String toString() { return id.equals("leaky_relu") || (id.equals("elu") && alpha != 1f) ? id + "(α=" + alpha + ")" : id; }
}
