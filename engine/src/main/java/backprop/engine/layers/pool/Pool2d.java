package backprop.engine.layers.pool;

import backprop.engine.autodiff.Var;
import backprop.engine.backend.Backend;
import backprop.engine.backend.Backends;
import backprop.engine.backend.PoolShape;
import backprop.engine.layers.conv.ConvArithmetic;
import backprop.engine.nn.Pass;
import backprop.engine.nn.Recorder;
import backprop.engine.nn.SingleInputLayer;
import backprop.engine.nn.Traces;
import backprop.engine.tensor.Tensor;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.TraceTensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Max or average pooling over a batch of images, each channel on its own: one node of the
 * tape whose backward rule is the backend's. Max pooling sends each window's gradient to the
 * input that won it (the first of equal ones); average pooling shares it equally among the
 * window's size² inputs. No parameters.
 */
public final class Pool2d extends SingleInputLayer {
    private final String name;
    private final PoolType pool;
    private final int channels, height, width, size, stride, outH, outW;

    /** @param inputShape [C, H, W] */
    public Pool2d(String name, PoolType pool, int[] inputShape, int size, int stride) {
        if (inputShape.length != 3) throw new IllegalArgumentException(name + ": pooling reads images [C, H, W], not " + Arrays.toString(inputShape));
        this.name = name;
        this.pool = pool;
        this.channels = inputShape[0];
        this.height = inputShape[1];
        this.width = inputShape[2];
        this.size = size;
        this.stride = stride;
        ConvArithmetic.Window w = new ConvArithmetic.Window(size, stride, 0);
        this.outH = ConvArithmetic.outputSide(height, w);
        this.outW = ConvArithmetic.outputSide(width, w);
    }

    @Override public String type() { return pool.type(); }
    @Override public String name() { return name; }
    @Override public int inputSize() { return channels * height * width; }
    @Override public int outputSize() { return channels * outH * outW; }
    public PoolType pool() { return pool; }
    public int size() { return size; }
    public int stride() { return stride; }
    public int[] inputShape() { return new int[] {channels, height, width}; }
    public int[] outputShape() { return new int[] {channels, outH, outW}; }

    @Override
    public Var forward(Var x, Pass pass) {
        Tensor in = x.value();
        int n = ConvArithmetic.batch(name, in, inputShape());
        PoolShape g = PoolShape.of(n, channels, height, width, size, stride);
        float[] xs = in.data(), y = new float[g.outputSize()];
        if (pool == PoolType.MAX) Backends.current().maxPool2dForward(g, xs, y);
        else Backends.current().avgPool2dForward(g, xs, y);
        Var z = Var.function(new Tensor(y, n, outputSize()), pool.type(), o -> backward(g, o, x, xs), x).label(name + ".z");
        if (pass.recorder() != null) pass.recorder().record(this, x, null, z);
        return z;
    }

    private void backward(PoolShape g, Var out, Var x, float[] xs) {
        Backend be = Backends.current();
        float[] dx = new float[g.inputSize()];
        if (pool == PoolType.MAX) be.maxPool2dBackward(g, xs, out.grad().data(), dx);
        else be.avgPool2dBackward(g, out.grad().data(), dx);
        x.addFreshGrad(dx);
    }

    @Override public List<Var> params() { return List.of(); }

    /** Input [N][C][H][W]; a = z, the pooled maps, and δ = ∂L_n/∂z, all [N][C][H'][W']. */
    @Override
    public LayerTrace trace(Recorder.Entry e, int batch) {
        int n = e.input().value().dim(0);
        int[] out = {n, channels, outH, outW};
        Map<String, TraceTensor> t = new LinkedHashMap<>();
        t.put("input", Traces.reshaped(e.input(), new int[] {n, channels, height, width}));
        TraceTensor z = Traces.reshaped(e.z(), out);
        t.put("a", z); // no pre-activation: a pooled value goes on unchanged
        t.put("z", z);
        t.put("delta", Traces.delta(e.z(), batch, out));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("size", Integer.toString(size));
        attributes.put("stride", Integer.toString(stride));
        return Traces.of(this, attributes, t);
    }
}
