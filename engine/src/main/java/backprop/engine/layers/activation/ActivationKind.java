package backprop.engine.layers.activation;

import backprop.engine.autodiff.Activation;
import backprop.engine.autodiff.Var;
import backprop.engine.gradcheck.GradCheck;
import backprop.engine.gradcheck.Inputs;
import backprop.engine.gradcheck.TapeCheck;
import backprop.engine.layers.ActivationField;
import backprop.engine.layers.Field;
import backprop.engine.layers.LayerKind;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Pass;
import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The activation kind: one g applied element by element; no weights, the input's size. */
public final class ActivationKind implements LayerKind<ActivationSpec> {
    public static final String TYPE = "activation";

    @Override public String type() { return TYPE; }
    @Override public String displayName() { return "Activation"; }
    @Override public Class<ActivationSpec> specClass() { return ActivationSpec.class; }

    @Override
    public List<Field> fields() {
        Field required = new Field("activation", "string", true, "g: " + String.join(", ", Activation.NAMES));
        return List.of(required, ActivationField.ALPHA);
    }

    @Override
    public ActivationSpec read(JsonNode n, String p, Common common, int[] inputSizes, SpecFields f) throws SpecException {
        ActivationField a = ActivationField.read(n, p, f, null);
        return new ActivationSpec(common, a.name(), a.alpha());
    }

    @Override public int outputSize(ActivationSpec s, int[] inputSizes) { return inputSizes[0]; }

    @Override public String outputActivation(ActivationSpec s) { return s.activation(); }

    @Override
    public void write(ActivationSpec s, ObjectNode o) { ActivationField.write(o, s.activation(), s.alpha()); }

    @Override
    public Layer build(ActivationSpec s, String name, int[] inputSizes, Random seeded) {
        return new ActivationLayer(name, inputSizes[0], Activation.byName(s.activation(), s.alpha()));
    }

    /** One row per activation, inputs away from the kinks at 0, w.r.t. the input. */
    @Override
    public List<GradCheck.Result> gradChecks(Random r) {
        List<GradCheck.Result> out = new ArrayList<>();
        for (String name : Activation.NAMES) {
            ActivationLayer layer = new ActivationLayer("activation", Inputs.IN, Activation.byName(name, Float.NaN));
            Var xv = Var.param(Inputs.awayFromZero(r, Inputs.KINK_MARGIN, 1.5f, Inputs.BATCH, Inputs.IN), "x");
            out.add(TapeCheck.check("activation(" + name + ")", "layer", GradCheck.TOL_COMPOSED, List.of(xv),
                    v -> layer.forward(v.get(0), Pass.inference()), r));
        }
        return out;
    }
}
