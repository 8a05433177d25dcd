package backprop.engine.nn;

import backprop.engine.autodiff.Activation;
import backprop.engine.autodiff.Var;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.Snapshots;
import backprop.engine.trace.TraceTensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers layers use to turn their recorded nodes into a {@link LayerTrace}. */
public final class Traces {
    private Traces() {}

    /**
     * δ per sample. The tape holds ∂R/∂v = (1/N)·∂L_n/∂v; the decks' δ is taken on sample n's
     * own loss, so it is scaled back by N.
     */
    public static TraceTensor delta(Var node, int batch) {
        float[] g = node.grad().toArray();
        for (int i = 0; i < g.length; i++) g[i] *= batch;
        return new TraceTensor(node.shape(), g);
    }

    public static TraceTensor value(Var v) { return TraceTensor.of(v.value()); }

    /**
     * A node's value under another shape of the same numbers: an image batch travels as rows
     * [N][C·H·W] and is shown as [N][C][H][W].
     */
    public static TraceTensor reshaped(Var v, int[] shape) { return new TraceTensor(shape, Snapshots.copy(v.value().data())); }

    /** {@link #delta(Var, int)} under another shape of the same numbers, as {@link #reshaped}. */
    public static TraceTensor delta(Var node, int batch, int[] shape) {
        TraceTensor d = delta(node, batch);
        return new TraceTensor(shape, d.data());
    }

    /**
     * g'(a). Softmax is vector-valued, so {@link Activation#derivative} rejects it; its trace shows
     * the Jacobian's diagonal ∂z_j/∂a_j = z_j(1 − z_j); δ itself comes from the tape and includes
     * the off-diagonal terms.
     */
    public static TraceTensor gPrime(Activation activation, Var aNode, Var zNode) {
        float[] a = aNode.value().data(), z = zNode.value().data();
        float[] g = new float[a.length];
        // The common activations' g′ written out with the definitions' exact floats: through the
        // interface every activation shares, the JIT cannot inline the call, and this loop was most
        // of what a trace adds to an MLP step. Softmax lists the Jacobian's diagonal.
        switch (activation.id()) {
            case "softmax", "sigmoid" -> { for (int i = 0; i < a.length; i++) g[i] = z[i] * (1f - z[i]); }
            case "tanh" -> { for (int i = 0; i < a.length; i++) g[i] = 1f - z[i] * z[i]; }
            case "relu" -> { for (int i = 0; i < a.length; i++) g[i] = a[i] > 0f ? 1f : 0f; }
            case "identity" -> java.util.Arrays.fill(g, 1f);
            default -> { for (int i = 0; i < a.length; i++) g[i] = activation.derivative(a[i], z[i]); }
        }
        return new TraceTensor(aNode.shape(), g);
    }

    public static TraceTensor gradient(Var v) { return TraceTensor.of(v.grad()); }

    /** A trace with the layer's name and type, the attributes given and these tensors in order. */
    public static LayerTrace of(Layer layer, Map<String, String> attributes, Map<String, TraceTensor> tensors) {
        return new LayerTrace(layer.name(), layer.type(), attributes, tensors);
    }

    /** The tensors every layer with one input and no pre-activation records: input, z and δ = ∂L_n/∂z. */
    public static Map<String, TraceTensor> inputOutput(Recorder.Entry e, int batch) {
        Map<String, TraceTensor> t = new LinkedHashMap<>();
        t.put("input", value(e.input()));
        t.put("z", value(e.z()));
        t.put("delta", delta(e.z(), batch));
        return t;
    }

    /** A parameter's current value, e.g. after the update. */
    public static TraceTensor now(Var param) { return TraceTensor.of(param.value()); }

    /** {@code before} with "weightsAfter" and "biasAfter", the values the optimiser's update left. */
    public static LayerTrace afterUpdate(LayerTrace before, Var weights, Var bias) {
        Map<String, TraceTensor> after = new LinkedHashMap<>();
        after.put("weightsAfter", now(weights));
        after.put("biasAfter", now(bias));
        return before.with(after);
    }

}
