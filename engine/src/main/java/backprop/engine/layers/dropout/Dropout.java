package backprop.engine.layers.dropout;

import backprop.engine.autodiff.Ops;
import backprop.engine.autodiff.Var;
import backprop.engine.nn.Pass;
import backprop.engine.nn.Recorder;
import backprop.engine.nn.SingleInputLayer;
import backprop.engine.nn.Traces;
import backprop.engine.trace.LayerTrace;
import backprop.engine.tensor.Tensor;
import java.util.List;

/**
 * Dropout (inverted): while training, each unit is zeroed with probability {@code rate} and the
 * survivors are scaled by 1/(1 − rate), so nothing needs rescaling at test time. The mask comes
 * from the pass's seeded random source, so a run replays exactly.
 */
public final class Dropout extends SingleInputLayer {
    private final String name;
    private final int size;
    private final float rate;

    public Dropout(String name, int size, float rate) {
        if (!(rate >= 0f && rate < 1f)) throw new IllegalArgumentException(name + ": dropout rate must be in [0, 1), got " + rate);
        this.name = name;
        this.size = size;
        this.rate = rate;
    }

    @Override public String type() { return DropoutKind.TYPE; }
    @Override public String name() { return name; }
    @Override public int inputSize() { return size; }
    @Override public int outputSize() { return size; }
    public float rate() { return rate; }

    @Override
    public Var forward(Var x, Pass pass) {
        Var z = x;
        if (pass.training() && rate > 0f) {
            float keep = 1f - rate;
            float[] mask = new float[x.value().size()];
            for (int i = 0; i < mask.length; i++) mask[i] = pass.random().nextFloat() < keep ? 1f / keep : 0f;
            z = Ops.mul(x, Var.constant(new Tensor(mask, x.shape()))).label(name + ".z");
        }
        if (pass.recorder() != null) pass.recorder().record(this, x, null, z);
        return z;
    }

    @Override
    public List<Var> params() { return List.of(); }

    /** Input, z (with the mask applied) and δ = ∂L_n/∂z. */
    @Override
    public LayerTrace trace(Recorder.Entry e, int batch) {
        return Traces.of(this, java.util.Map.of(), Traces.inputOutput(e, batch));
    }
}
