package backprop.engine.layers.activation;

import backprop.engine.autodiff.Activation;
import backprop.engine.autodiff.Ops;
import backprop.engine.autodiff.Var;
import backprop.engine.nn.Pass;
import backprop.engine.nn.Recorder;
import backprop.engine.nn.SingleInputLayer;
import backprop.engine.nn.Traces;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.TraceTensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A non-linearity on its own, {@code z_j = g(a_j)} with a = the layer's input, so that something
 * (batch norm) can stand between a linear layer and its g. Its {@code a} is a tape node of its
 * own that passes the gradient through unchanged: its gradient is this layer's δ alone, even
 * when the input also feeds another layer (a residual path).
 */
public final class ActivationLayer extends SingleInputLayer {
    private final String name;
    private final int size;
    private final Activation activation;

    public ActivationLayer(String name, int size, Activation activation) {
        this.name = name;
        this.size = size;
        this.activation = activation;
    }

    @Override public String type() { return ActivationKind.TYPE; }
    @Override public String name() { return name; }
    @Override public int inputSize() { return size; }
    @Override public int outputSize() { return size; }
    @Override public Activation activation() { return activation; }

    @Override
    public Var forward(Var x, Pass pass) {
        Var a = Var.function(x.value(), "pass", o -> x.addGrad(o.grad().data()), x).label(name + ".a");
        Var z = Ops.activate(a, activation).label(name + ".z");
        if (pass.recorder() != null) pass.recorder().record(this, x, a, z);
        return z;
    }

    @Override
    public List<Var> params() { return List.of(); }

    /** Input (= a), a, z, g'(a) and δ = ∂L_n/∂a. */
    @Override
    public LayerTrace trace(Recorder.Entry e, int batch) {
        Map<String, TraceTensor> t = new LinkedHashMap<>();
        t.put("input", Traces.value(e.input()));
        t.put("a", Traces.value(e.a()));
        t.put("z", Traces.value(e.z()));
        t.put("gPrime", Traces.gPrime(activation, e.a(), e.z()));
        t.put("delta", Traces.delta(e.a(), batch));
        return Traces.of(this, Map.of("activation", activation.id()), t);
    }
}
