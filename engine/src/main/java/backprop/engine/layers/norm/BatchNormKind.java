package backprop.engine.layers.norm;

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
import backprop.engine.spec.SpecWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** The batchnorm kind: γ, β and the running statistics per feature; it keeps its input's size. */
public final class BatchNormKind implements LayerKind<BatchNormSpec> {
    public static final String TYPE = "batchnorm";

    @Override public String type() { return TYPE; }
    @Override public String displayName() { return "Batch normalisation"; }
    @Override public Class<BatchNormSpec> specClass() { return BatchNormSpec.class; }

    @Override
    public List<Field> fields() {
        return List.of(
                new Field("gamma", "[units] numbers", false, "the scale γ per feature; ones if absent"),
                new Field("beta", "[units] numbers", false, "the shift β per feature; zeros if absent"),
                new Field("runningMean", "[units] numbers", false, "the mean evaluation normalises with; zeros if absent"),
                new Field("runningVar", "[units] numbers ≥ 0", false, "the variance evaluation normalises with; ones if absent"));
    }

    @Override
    public BatchNormSpec read(JsonNode n, String p, Common common, int[] inputSizes, SpecFields f) throws SpecException {
        int units = inputSizes[0];
        float[] var = vector(n, p, "runningVar", units, f);
        if (var != null) {
            for (int j = 0; j < var.length; j++) if (var[j] < 0f) throw f.fail(p + ".runningVar[" + j + "]", "a variance cannot be negative, found " + var[j]);
        }
        return new BatchNormSpec(common, vector(n, p, "gamma", units, f), vector(n, p, "beta", units, f), vector(n, p, "runningMean", units, f), var);
    }

    private static float[] vector(JsonNode n, String p, String field, int units, SpecFields f) throws SpecException {
        return n.has(field) ? f.vector(n.get(field), p + "." + field, units) : null;
    }

    @Override public int outputSize(BatchNormSpec s, int[] inputSizes) { return inputSizes[0]; }

    @Override public long parameterCount(BatchNormSpec s, int[] inputSizes) { return 2L * inputSizes[0]; }

    /** γ·x̂ + β: one multiply-add per value (the normalisation itself uses no weight). */
    @Override public long multiplyAdds(BatchNormSpec s, int[][] inputShapes) { return LayerKind.sizes(inputShapes)[0]; }

    @Override
    public void write(BatchNormSpec s, ObjectNode o) {
        if (s.gamma() != null) o.set("gamma", SpecWriter.tree(s.gamma()));
        if (s.beta() != null) o.set("beta", SpecWriter.tree(s.beta()));
        if (s.runningMean() != null) o.set("runningMean", SpecWriter.tree(s.runningMean()));
        if (s.runningVar() != null) o.set("runningVar", SpecWriter.tree(s.runningVar()));
    }

    @Override
    public Layer build(BatchNormSpec s, String name, int[] inputSizes, Random seeded) {
        int n = inputSizes[0];
        return new BatchNorm(name, or(s.gamma(), n, 1f), or(s.beta(), n, 0f), or(s.runningMean(), n, 0f), or(s.runningVar(), n, 1f));
    }

    private static float[] or(float[] given, int n, float fill) {
        if (given != null) return given;
        float[] v = new float[n];
        Arrays.fill(v, fill);
        return v;
    }

    /** A trained layer's γ, β and running statistics, all four written out. */
    @Override
    public BatchNormSpec withWeights(BatchNormSpec s, Layer built) {
        BatchNorm b = (BatchNorm) built;
        return new BatchNormSpec(s.common(), b.gamma().value().toArray(), b.beta().value().toArray(), b.runningMean(), b.runningVar());
    }

    /**
     * Training mode (batch statistics, each sample's gradient through μ and σ too) and
     * evaluation mode (running statistics drawn away from the batch's), w.r.t. s, γ and β.
     */
    @Override
    public List<GradCheck.Result> gradChecks(Random r) {
        return List.of(check(r, true), check(r, false));
    }

    private static GradCheck.Result check(Random r, boolean training) {
        int n = Inputs.IN;
        BatchNorm b = new BatchNorm("batchnorm", Inputs.uniform(r, 0.5f, 1.5f, n).data(), Inputs.uniform(r, -0.5f, 0.5f, n).data(),
                Inputs.uniform(r, -0.5f, 0.5f, n).data(), Inputs.uniform(r, 0.5f, 2f, n).data());
        Var xv = Var.param(Inputs.uniform(r, -1, 1, Inputs.BATCH + 2, n), "x");
        return TapeCheck.check("batchnorm(" + (training ? "training" : "evaluation") + ")", "layer", GradCheck.TOL_COMPOSED,
                List.of(xv, b.gamma(), b.beta()), v -> b.forward(v.get(0), new Pass(training, null, null)), r);
    }
}
