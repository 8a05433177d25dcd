package backprop.engine.layers.dense;

import backprop.engine.autodiff.Activation;
import backprop.engine.autodiff.Ops;
import backprop.engine.autodiff.Var;
import backprop.engine.gradcheck.GradCheck;
import backprop.engine.gradcheck.Inputs;
import backprop.engine.gradcheck.TapeCheck;
import backprop.engine.layers.ActivationField;
import backprop.engine.layers.Field;
import backprop.engine.layers.LayerKind;
import backprop.engine.nn.Initializer;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Pass;
import backprop.engine.spec.Limits;
import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.NetworkSpec.InitSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecFields;
import backprop.engine.spec.SpecWriter;
import backprop.engine.tensor.Shapes;
import backprop.engine.tensor.Tensor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The dense kind: its file fields, how it builds and how its gradient is checked. */
public final class DenseKind implements LayerKind<DenseSpec> {
    public static final String TYPE = "dense";

    @Override public String type() { return TYPE; }
    @Override public String displayName() { return "Dense (fully connected)"; }
    @Override public Class<DenseSpec> specClass() { return DenseSpec.class; }

    @Override
    public List<Field> fields() {
        return List.of(
                new Field("units", "integer 1–65536", true, "number of units"),
                ActivationField.ACTIVATION,
                ActivationField.ALPHA,
                new Field("initializer", "string or object", false, "how omitted weights are drawn (default xavier)"),
                new Field("weights", "[inputs][units] numbers", false, "weights[i][j] = w_ij; drawn from the seed if absent"),
                new Field("bias", "[units] numbers", false, "bias[j] = b_j; zeros if absent"));
    }

    @Override
    public DenseSpec read(JsonNode n, String p, Common common, int[] inputSizes, SpecFields f) throws SpecException {
        int in = inputSizes[0];
        int units = f.limited(n, p, "units", true, 1, Limits.UNITS);
        ActivationField act = ActivationField.read(n, p, f, "sigmoid");
        InitSpec init = f.initializer(n, p);
        float[][] w = n.has("weights") ? f.matrix(n.get("weights"), p + ".weights", in, units) : null;
        float[] b = n.has("bias") ? f.vector(n.get("bias"), p + ".bias", units) : null;
        return new DenseSpec(common, units, act.name(), act.alpha(), init, w, b);
    }

    @Override public int outputSize(DenseSpec s, int[] inputSizes) { return s.units(); }

    @Override public long parameterCount(DenseSpec s, int[] inputSizes) { return Shapes.layerParameters(inputSizes[0], s.units(), 1); }

    /** Each of the units sums one product per input: n_in·n_out. */
    @Override public long multiplyAdds(DenseSpec s, int[][] inputShapes) { return Shapes.product(LayerKind.sizes(inputShapes)[0], s.units()); }

    @Override public String outputActivation(DenseSpec s) { return s.activation(); }

    @Override
    public void write(DenseSpec s, ObjectNode o) {
        o.put("units", s.units());
        ActivationField.write(o, s.activation(), s.alpha());
        SpecWriter.putInitializer(o, s.initializer());
        if (s.weights() != null) o.set("weights", SpecWriter.tree(s.weights()));
        if (s.bias() != null) o.set("bias", SpecWriter.tree(s.bias()));
    }

    @Override
    public Layer build(DenseSpec s, String name, int[] inputSizes, Random seeded) {
        int in = inputSizes[0];
        return new Dense(name,
                s.weights() != null ? Tensor.matrix(s.weights()) : Initializer.of(s.initializer()).matrix(seeded, in, s.units()),
                s.bias() != null ? Tensor.vector(s.bias()) : Tensor.zeros(s.units()),
                Activation.byName(s.activation(), s.alpha()));
    }

    @Override
    public DenseSpec withWeights(DenseSpec s, Layer built) {
        Dense d = (Dense) built;
        return s.withWeights(d.weights().value().toArray2D(), d.bias().value().toArray());
    }

    /** One row per activation: a = xW + b, z = g(a), w.r.t. x, W and b. */
    @Override
    public List<GradCheck.Result> gradChecks(Random r) {
        List<GradCheck.Result> out = new ArrayList<>();
        for (String name : Activation.NAMES) out.add(check(r, Activation.byName(name, Float.NaN)));
        return out;
    }

    /** Weights and inputs are redrawn until no a sits near 0, where relu and step have a kink. */
    private static GradCheck.Result check(Random r, Activation act) {
        for (int draw = 0; draw < Inputs.MAX_DRAWS; draw++) {
            Tensor x = Inputs.uniform(r, -1, 1, Inputs.BATCH, Inputs.IN);
            Dense d = new Dense("dense", Inputs.uniform(r, -1, 1, Inputs.IN, Inputs.OUT), Inputs.uniform(r, -0.5f, 0.5f, Inputs.OUT), act);
            Var xv = Var.param(x, "x");
            if (Inputs.minAbs(Ops.add(Ops.matmul(xv, d.weights()), d.bias()).value()) < Inputs.KINK_MARGIN) continue;
            return TapeCheck.check("dense(" + act + ")", "layer", GradCheck.TOL_COMPOSED, List.of(xv, d.weights(), d.bias()),
                    v -> d.forward(v.get(0), Pass.inference()), r);
        }
        throw new IllegalStateException("no kink-free draw for dense(" + act + ")");
    }
}
