package backprop.engine.layers.flatten;

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
 * Turns an image [C, H, W] into a vector of its C·H·W numbers, channel by channel, row by row.
 * An image already travels as one row of exactly those numbers in that order (NCHW), so the
 * layer computes nothing: its output is its input, and the gradient passes straight through.
 * What changes is how the layers after it see the numbers: as units.
 */
public final class Flatten extends SingleInputLayer {
    private final String name;
    private final int[] inputShape;
    private final int size;

    public Flatten(String name, int[] inputShape) {
        this.name = name;
        this.inputShape = inputShape.clone();
        this.size = Math.toIntExact(backprop.engine.tensor.Shapes.product(inputShape));
    }

    @Override public String type() { return FlattenKind.TYPE; }
    @Override public String name() { return name; }
    @Override public int inputSize() { return size; }
    @Override public int outputSize() { return size; }
    public int[] inputShape() { return inputShape.clone(); }

    @Override
    public Var forward(Var x, Pass pass) {
        if (pass.recorder() != null) pass.recorder().record(this, x, null, x);
        return x;
    }

    @Override public List<Var> params() { return List.of(); }

    /** Input as the image it was ([N][C][H][W]), z and δ = ∂L_n/∂z as rows [N][C·H·W]. */
    @Override
    public LayerTrace trace(Recorder.Entry e, int batch) {
        int n = e.input().value().dim(0);
        int[] in = new int[inputShape.length + 1];
        in[0] = n;
        System.arraycopy(inputShape, 0, in, 1, inputShape.length);
        Map<String, TraceTensor> t = new LinkedHashMap<>();
        t.put("input", Traces.reshaped(e.input(), in));
        t.put("z", Traces.value(e.z()));
        t.put("delta", Traces.delta(e.z(), batch));
        return Traces.of(this, Map.of(), t);
    }
}
