package backprop.engine.layers.conv;

import backprop.engine.autodiff.Activation;
import backprop.engine.autodiff.Ops;
import backprop.engine.autodiff.Var;
import backprop.engine.backend.Backend;
import backprop.engine.backend.Backends;
import backprop.engine.backend.ConvShape;
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
 * A 2-D convolution over a batch of images: {@code a[n,f,p,q] = Σ_c Σ_r Σ_s x[n,c,p·S+r−P,
 * q·S+s−P] · w[f,c,r,s] + b[f]}, {@code z = g(a)}. Every filter spans all C input channels, and
 * one bias per filter is shared by all its output positions.
 *
 * <p>An image travels as one row of C·H·W numbers in NCHW order, so a batch is an ordinary
 * [N][C·H·W] matrix and the layers after a flatten need nothing special. The convolution with its
 * bias is one node of the tape: its backward rule calls the backend's two convolution
 * gradients (data and filter) and sums the bias gradient over the positions each bias served.
 * The activation is the ordinary element-wise op.
 */
public final class Conv2d extends SingleInputLayer {
    private final String name;
    private final Var weights;
    private final Var bias;
    private final Activation activation;
    private final int channels, height, width, kernel, stride, padding, outH, outW;

    /**
     * @param inputShape [C, H, W]
     * @param weights    [F][C][K][K]
     * @param bias       [F]
     */
    public Conv2d(String name, int[] inputShape, Tensor weights, Tensor bias, int stride, int padding, Activation activation) {
        if (inputShape.length != 3 || weights.rank() != 4 || bias.rank() != 1 || weights.dim(1) != inputShape[0]
                || weights.dim(2) != weights.dim(3) || bias.dim(0) != weights.dim(0)) {
            throw new IllegalArgumentException(name + ": weights " + Arrays.toString(weights.shape()) + " and bias " + Arrays.toString(bias.shape())
                    + " do not fit a convolution over " + Arrays.toString(inputShape));
        }
        if (activation.equals(Activation.SOFTMAX)) throw new IllegalArgumentException(name + ": softmax is not element-wise; a convolution cannot use it");
        this.name = name;
        this.channels = inputShape[0];
        this.height = inputShape[1];
        this.width = inputShape[2];
        this.kernel = weights.dim(2);
        this.stride = stride;
        this.padding = padding;
        ConvArithmetic.Window w = new ConvArithmetic.Window(kernel, stride, padding);
        this.outH = ConvArithmetic.outputSide(height, w);
        this.outW = ConvArithmetic.outputSide(width, w);
        this.weights = Var.param(weights, name + ".W");
        this.bias = Var.param(bias, name + ".b");
        this.activation = activation;
    }

    @Override public String type() { return Conv2dKind.TYPE; }
    @Override public String name() { return name; }
    @Override public int inputSize() { return channels * height * width; }
    @Override public int outputSize() { return filters() * outH * outW; }
    public int filters() { return weights.value().dim(0); }
    public int[] inputShape() { return new int[] {channels, height, width}; }
    public int[] outputShape() { return new int[] {filters(), outH, outW}; }
    public int kernel() { return kernel; }
    public int stride() { return stride; }
    public int padding() { return padding; }
    @Override public Activation activation() { return activation; }
    public Var weights() { return weights; }
    public Var bias() { return bias; }

    @Override
    public Var forward(Var x, Pass pass) {
        Tensor in = x.value();
        int n = ConvArithmetic.batch(name, in, inputShape());
        ConvShape g = ConvShape.of(n, channels, height, width, filters(), kernel, stride, padding);
        // The values this pass used: the backward rule must see these, whatever happens to the Vars later.
        float[] xs = in.data(), ws = weights.value().data(), b = bias.value().data();
        float[] y = new float[g.outputSize()];
        Backends.current().conv2dForward(g, xs, ws, y);
        int plane = outH * outW;
        for (int i = 0; i < n * filters(); i++) {
            float bf = b[i % filters()];
            for (int j = i * plane; j < (i + 1) * plane; j++) y[j] += bf;
        }
        Var a = Var.function(new Tensor(y, n, outputSize()), "conv2d", o -> backward(g, o, x, xs, ws), x, weights, bias).label(name + ".a");
        Var z = Ops.activate(a, activation).label(name + ".z");
        if (pass.recorder() != null) pass.recorder().record(this, x, a, z);
        return z;
    }

    /** ∂R/∂W and ∂R/∂x from the backend, ∂R/∂b_f = the sum of ∂R/∂a over filter f's positions and the batch. */
    private void backward(ConvShape g, Var out, Var x, float[] xs, float[] ws) {
        Backend be = Backends.current();
        float[] dy = out.grad().data();
        float[] dw = new float[g.filterSize()];
        be.conv2dBackwardFilter(g, xs, dy, dw);
        weights.addFreshGrad(dw);
        int f = filters();
        float[] planeSums = PlaneSums.of(dy, g.n() * f, outH * outW);
        float[] db = new float[f];
        for (int i = 0; i < g.n() * f; i++) db[i % f] += planeSums[i];
        bias.addFreshGrad(db);
        if (x.needsGrad()) { // the network's input needs no gradient: that saves the first layer's largest pass
            float[] dx = new float[g.inputSize()];
            be.conv2dBackwardData(g, dy, ws, dx);
            x.addFreshGrad(dx);
        }
    }

    @Override public List<Var> params() { return List.of(weights, bias); }

    /** L2 applies to the filters, not the biases. */
    @Override public List<Var> penalised() { return List.of(weights); }

    /**
     * Input [N][C][H][W]; weights [F][C][K][K] and bias [F]; a, z and δ = ∂L_n/∂a as
     * [N][F][H'][W']; both gradients.
     */
    @Override
    public LayerTrace trace(Recorder.Entry e, int batch) {
        int n = e.input().value().dim(0);
        int[] out = {n, filters(), outH, outW};
        Map<String, TraceTensor> t = new LinkedHashMap<>();
        t.put("input", Traces.reshaped(e.input(), new int[] {n, channels, height, width}));
        t.put("weights", Traces.value(weights));
        t.put("bias", Traces.value(bias));
        t.put("a", Traces.reshaped(e.a(), out));
        t.put("z", Traces.reshaped(e.z(), out));
        t.put("delta", Traces.delta(e.a(), batch, out));
        t.put("gradWeights", Traces.gradient(weights));
        t.put("gradBias", Traces.gradient(bias));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("activation", activation.id());
        attributes.put("kernel", Integer.toString(kernel));
        attributes.put("stride", Integer.toString(stride));
        attributes.put("padding", Integer.toString(padding));
        return Traces.of(this, attributes, t);
    }

    @Override
    public LayerTrace afterUpdate(LayerTrace before) { return Traces.afterUpdate(before, weights, bias); }
}
