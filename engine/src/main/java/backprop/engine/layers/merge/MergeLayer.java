package backprop.engine.layers.merge;

import backprop.engine.autodiff.Var;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Pass;
import backprop.engine.nn.Recorder;
import backprop.engine.nn.Traces;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.TraceTensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A layer that combines several earlier outputs and learns nothing: add, concat. */
abstract class MergeLayer implements Layer {
    private final String name;
    private final int[] inputSizes;

    MergeLayer(String name, int[] inputSizes) {
        this.name = name;
        this.inputSizes = inputSizes.clone();
    }

    /** The combination itself, on the tape. */
    abstract Var combine(List<Var> inputs);

    @Override public String name() { return name; }
    @Override public int[] inputSizes() { return inputSizes.clone(); }
    @Override public List<Var> params() { return List.of(); }

    @Override
    public Var forward(List<Var> inputs, Pass pass) {
        Var z = combine(inputs).label(name + ".z");
        if (pass.recorder() != null) pass.recorder().record(this, inputs, null, z);
        return z;
    }

    /** input1, input2, … (what it combined), z and δ = ∂L_n/∂z, the sum of every path back from it. */
    @Override
    public LayerTrace trace(Recorder.Entry e, int batch) {
        Map<String, TraceTensor> t = new LinkedHashMap<>();
        for (int i = 0; i < e.inputs().size(); i++) t.put("input" + (i + 1), Traces.value(e.inputs().get(i)));
        t.put("z", Traces.value(e.z()));
        t.put("delta", Traces.delta(e.z(), batch));
        return Traces.of(this, Map.of(), t);
    }
}
