package backprop.engine.layers.maxout;

import backprop.engine.autodiff.Ops;
import backprop.engine.autodiff.Var;
import backprop.engine.gradcheck.GradCheck;
import backprop.engine.gradcheck.Inputs;
import backprop.engine.gradcheck.TapeCheck;
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

/** The maxout kind: its file fields, how it builds and how its gradient is checked. */
public final class MaxoutKind implements LayerKind<MaxoutSpec> {
    public static final String TYPE = "maxout";

    @Override public String type() { return TYPE; }
    @Override public String displayName() { return "Maxout"; }
    @Override public Class<MaxoutSpec> specClass() { return MaxoutSpec.class; }

    @Override
    public List<Field> fields() {
        return List.of(
                new Field("units", "integer 1–65536", true, "number of units"),
                new Field("pieces", "integer 2–16", false, "linear pieces per unit (default 2)"),
                new Field("initializer", "string or object", false, "how omitted weights are drawn (default xavier)"),
                new Field("weights", "[pieces][inputs][units] numbers", false, "drawn from the seed if absent"),
                new Field("bias", "[pieces][units] numbers", false, "zeros if absent"));
    }

    @Override
    public MaxoutSpec read(JsonNode n, String p, Common common, int[] inputSizes, SpecFields f) throws SpecException {
        int in = inputSizes[0];
        int units = f.limited(n, p, "units", true, 1, Limits.UNITS);
        int pieces = n.has("pieces") ? f.limited(n, p, "pieces", false, 2, Limits.MAXOUT_PIECES) : 2;
        InitSpec init = f.initializer(n, p);
        float[][][] w = null;
        float[][] b = null;
        if (n.has("weights")) {
            JsonNode wn = n.get("weights");
            if (!wn.isArray() || wn.size() != pieces) throw f.fail(p + ".weights", "expected " + pieces + " matrices (one per piece) of " + in + "×" + units);
            w = new float[pieces][][];
            for (int k = 0; k < pieces; k++) w[k] = f.matrix(wn.get(k), p + ".weights[" + k + "]", in, units);
        }
        if (n.has("bias")) {
            JsonNode bn = n.get("bias");
            if (!bn.isArray() || bn.size() != pieces) throw f.fail(p + ".bias", "expected " + pieces + " vectors (one per piece) of " + units);
            b = new float[pieces][];
            for (int k = 0; k < pieces; k++) b[k] = f.vector(bn.get(k), p + ".bias[" + k + "]", units);
        }
        return new MaxoutSpec(common, units, pieces, init, w, b);
    }

    @Override public int outputSize(MaxoutSpec s, int[] inputSizes) { return s.units(); }

    @Override public long parameterCount(MaxoutSpec s, int[] inputSizes) { return Shapes.layerParameters(inputSizes[0], s.units(), s.pieces()); }

    /** Every piece of every unit is a dense sum over the inputs: n_in·units·pieces. */
    @Override public long multiplyAdds(MaxoutSpec s, int[][] inputShapes) { return Shapes.product(LayerKind.sizes(inputShapes)[0], s.units(), s.pieces()); }

    @Override
    public void write(MaxoutSpec s, ObjectNode o) {
        o.put("units", s.units());
        o.put("pieces", s.pieces());
        SpecWriter.putInitializer(o, s.initializer());
        if (s.weights() != null) o.set("weights", SpecWriter.tree(s.weights()));
        if (s.bias() != null) o.set("bias", SpecWriter.tree(s.bias()));
    }

    /** Per piece: its weights (drawn if omitted), then its bias. */
    @Override
    public Layer build(MaxoutSpec s, String name, int[] inputSizes, Random seeded) {
        int in = inputSizes[0];
        List<Tensor> w = new ArrayList<>(), b = new ArrayList<>();
        for (int k = 0; k < s.pieces(); k++) {
            w.add(s.weights() != null ? Tensor.matrix(s.weights()[k]) : Initializer.of(s.initializer()).matrix(seeded, in, s.units()));
            b.add(s.bias() != null ? Tensor.vector(s.bias()[k]) : Tensor.zeros(s.units()));
        }
        return new Maxout(name, w, b);
    }

    @Override
    public MaxoutSpec withWeights(MaxoutSpec s, Layer built) {
        Maxout mo = (Maxout) built;
        float[][][] w = new float[mo.pieces()][][];
        float[][] b = new float[mo.pieces()][];
        for (int k = 0; k < mo.pieces(); k++) {
            w[k] = mo.pieceWeights().get(k).value().toArray2D();
            b[k] = mo.pieceBiases().get(k).value().toArray();
        }
        return s.withWeights(w, b);
    }

    /** Maxout with 3 pieces; redrawn until every unit's winner leads the runner-up by the margin. */
    @Override
    public List<GradCheck.Result> gradChecks(Random r) {
        int pieces = 3;
        for (int draw = 0; draw < Inputs.MAX_DRAWS; draw++) {
            List<Tensor> w = new ArrayList<>(), b = new ArrayList<>();
            for (int p = 0; p < pieces; p++) {
                w.add(Inputs.uniform(r, -1, 1, Inputs.IN, Inputs.OUT));
                b.add(Inputs.uniform(r, -0.5f, 0.5f, Inputs.OUT));
            }
            Maxout m = new Maxout("maxout", w, b);
            Var xv = Var.param(Inputs.uniform(r, -1, 1, Inputs.BATCH, Inputs.IN), "x");
            if (winnerLead(m, xv) < Inputs.KINK_MARGIN) continue;
            List<Var> leaves = new ArrayList<>();
            leaves.add(xv);
            leaves.addAll(m.params());
            return List.of(TapeCheck.check("maxout(" + pieces + " pieces)", "layer", GradCheck.TOL_COMPOSED, leaves,
                    v -> m.forward(v.get(0), Pass.inference()), r));
        }
        throw new IllegalStateException("no tie-free draw for maxout");
    }

    /** Smallest gap between the largest and second-largest piece over all samples and units. */
    private static float winnerLead(Maxout m, Var x) {
        int n = x.value().dim(0), units = m.outputSize();
        float[][] lin = new float[m.pieces()][];
        for (int p = 0; p < m.pieces(); p++) lin[p] = Ops.add(Ops.matmul(x, m.pieceWeights().get(p)), m.pieceBiases().get(p)).value().data();
        float lead = Float.POSITIVE_INFINITY;
        for (int i = 0; i < n * units; i++) {
            float best = Float.NEGATIVE_INFINITY, second = Float.NEGATIVE_INFINITY;
            for (float[] piece : lin) {
                if (piece[i] > best) { second = best; best = piece[i]; } else if (piece[i] > second) second = piece[i];
            }
            lead = Math.min(lead, best - second);
        }
        return lead;
    }
}
