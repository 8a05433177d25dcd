package backprop.engine.layers.dropout;

import backprop.engine.autodiff.Var;
import backprop.engine.gradcheck.GradCheck;
import backprop.engine.gradcheck.Inputs;
import backprop.engine.gradcheck.TapeCheck;
import backprop.engine.layers.Field;
import backprop.engine.layers.LayerKind;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Pass;
import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/** The dropout kind: one field, no parameters; it keeps the size of its input. */
public final class DropoutKind implements LayerKind<DropoutSpec> {
    public static final String TYPE = "dropout";

    @Override public String type() { return TYPE; }
    @Override public String displayName() { return "Dropout"; }
    @Override public Class<DropoutSpec> specClass() { return DropoutSpec.class; }

    @Override
    public List<Field> fields() {
        return List.of(new Field("rate", "number 0–0.999", true, "probability of zeroing each unit while training"));
    }

    @Override
    public DropoutSpec read(JsonNode n, String p, Common common, int[] inputSizes, SpecFields f) throws SpecException {
        return new DropoutSpec(common, (float) f.number(n, p, "rate", true, 0, 0.999));
    }

    @Override public int outputSize(DropoutSpec s, int[] inputSizes) { return inputSizes[0]; }

    @Override
    public void write(DropoutSpec s, ObjectNode o) { o.put("rate", s.rate()); }

    @Override
    public Layer build(DropoutSpec s, String name, int[] inputSizes, Random seeded) {
        return new Dropout(name, inputSizes[0], s.rate());
    }

    /** Dropout in training mode; each evaluation draws the same mask from a freshly seeded source. */
    @Override
    public List<GradCheck.Result> gradChecks(Random r) {
        Dropout d = new Dropout("dropout", Inputs.IN, 0.5f);
        long maskSeed = r.nextLong();
        Var xv = Var.param(Inputs.uniform(r, -1, 1, Inputs.BATCH, Inputs.IN), "x");
        return List.of(TapeCheck.check("dropout(rate 0.5)", "layer", GradCheck.TOL_COMPOSED, List.of(xv),
                v -> d.forward(v.get(0), new Pass(true, new Random(maskSeed), null)), r));
    }
}
