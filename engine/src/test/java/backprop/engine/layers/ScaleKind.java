package backprop.engine.layers;

import backprop.engine.autodiff.Ops;
import backprop.engine.autodiff.Var;
import backprop.engine.gradcheck.GradCheck;
import backprop.engine.gradcheck.Inputs;
import backprop.engine.gradcheck.TapeCheck;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Pass;
import backprop.engine.nn.Recorder;
import backprop.engine.nn.SingleInputLayer;
import backprop.engine.nn.Traces;
import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecFields;
import backprop.engine.tensor.Tensor;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.TraceTensor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A throwaway layer kind that lives in test sources only: z_j = s_j · x_j with a learnable
 * scale per unit. Everything about it is in this file; registering it is the only other line.
 */
final class ScaleKind implements LayerKind<ScaleKind.ScaleSpec> {
    static final String TYPE = "scale";

    /** {"type": "scale", "init": 0.5}: every s_j starts at init. */
    record ScaleSpec(Common common, float init) implements LayerSpec {
        @Override public String type() { return TYPE; }
    }

    @Override public String type() { return TYPE; }
    @Override public String displayName() { return "Scale (test only)"; }
    @Override public Class<ScaleSpec> specClass() { return ScaleSpec.class; }
    @Override public List<Field> fields() { return List.of(new Field("init", "number 0–10", false, "starting scale (default 1)")); }

    @Override
    public ScaleSpec read(JsonNode n, String p, Common common, int[] inputSizes, SpecFields f) throws SpecException {
        return new ScaleSpec(common, n.has("init") ? (float) f.number(n, p, "init", false, 0, 10) : 1f);
    }

    @Override public int outputSize(ScaleSpec s, int[] inputSizes) { return inputSizes[0]; }

    @Override public void write(ScaleSpec s, ObjectNode o) { o.put("init", s.init()); }

    @Override
    public Layer build(ScaleSpec s, String name, int[] inputSizes, Random seeded) {
        float[] v = new float[inputSizes[0]];
        Arrays.fill(v, s.init());
        return new Scale(name, new Tensor(v, 1, v.length));
    }

    @Override
    public List<GradCheck.Result> gradChecks(Random r) {
        Scale layer = new Scale("scale", Inputs.uniform(r, 0.5f, 1.5f, 1, Inputs.IN));
        Var x = Var.param(Inputs.uniform(r, -1, 1, Inputs.BATCH, Inputs.IN), "x");
        return List.of(TapeCheck.check("scale", "layer", GradCheck.TOL_COMPOSED, List.of(x, layer.s),
                v -> layer.forward(v.get(0), Pass.inference()), r));
    }

    /** The layer: forward on the tape, its L2 parameter and its trace. */
    static final class Scale extends SingleInputLayer {
        final String name;
        final Var s;

        Scale(String name, Tensor s) {
            this.name = name;
            this.s = Var.param(s, name + ".s");
        }

        @Override public String type() { return TYPE; }
        @Override public String name() { return name; }
        @Override public int inputSize() { return s.value().dim(1); }
        @Override public int outputSize() { return inputSize(); }
        @Override public List<Var> params() { return List.of(s); }
        @Override public List<Var> penalised() { return List.of(s); }

        @Override
        public Var forward(Var x, Pass pass) {
            float[] ones = new float[x.value().dim(0)];
            Arrays.fill(ones, 1f);
            Var rows = Ops.matmul(Var.constant(new Tensor(ones, ones.length, 1)), s); // s repeated for every sample
            Var z = Ops.mul(x, rows).label(name + ".z");
            if (pass.recorder() != null) pass.recorder().record(this, x, null, z);
            return z;
        }

        @Override
        public LayerTrace trace(Recorder.Entry e, int batch) {
            Map<String, TraceTensor> t = new LinkedHashMap<>(Traces.inputOutput(e, batch));
            t.put("scale", Traces.value(s));
            t.put("gradScale", Traces.gradient(s));
            return Traces.of(this, Map.of(), t);
        }
    }
}
