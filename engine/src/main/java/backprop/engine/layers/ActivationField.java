package backprop.engine.layers;

import backprop.engine.autodiff.Activation;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code activation} field with its {@code alpha}, as the dense and activation kinds read and
 * write it, so both accept exactly the same names and refuse them with the same words.
 *
 * @param name  the activation's name ("tanh")
 * @param alpha leaky_relu / elu parameter, NaN for the default
 */
public record ActivationField(String name, float alpha) {

    public static final Field ACTIVATION = new Field("activation", "string", false, "g: " + String.join(", ", Activation.NAMES) + " (default sigmoid)");
    public static final Field ALPHA = new Field("alpha", "number 0–100", false, "α of leaky_relu and elu");

    /** Reads both fields of {@code n} at path {@code p}; {@code fallback} when the file names none (null: required). */
    public static ActivationField read(JsonNode n, String p, SpecFields f, String fallback) throws SpecException {
        String act = f.text(n, p, "activation", fallback == null);
        if (act == null) act = fallback;
        if (!Activation.NAMES.contains(act)) throw f.fail(p + ".activation", "unknown activation '" + act + "' (known: " + String.join(", ", Activation.NAMES) + ")");
        float alpha = Float.NaN;
        if (n.has("alpha")) {
            if (!act.equals("leaky_relu") && !act.equals("elu")) throw f.fail(p + ".alpha", "alpha applies to leaky_relu and elu only, not " + act);
            alpha = (float) f.number(n, p, "alpha", false, 0, 100);
        }
        return new ActivationField(act, alpha);
    }

    public static void write(ObjectNode o, String name, float alpha) {
        o.put("activation", name);
        if (!Float.isNaN(alpha)) o.put("alpha", alpha);
    }
}
