package backprop.app.cnn;

import backprop.engine.autodiff.Activation;
import backprop.engine.layers.conv.ConvArithmetic;
import backprop.engine.layers.conv.ConvWindow;
import backprop.engine.trace.LayerTrace;

/**
 * The "convolution explained" panel's content: the first conv layer's kernel over the current
 * input with a stride and padding the student picks. The formula comes from
 * {@link ConvArithmetic} (its own sentence when the numbers do not fit); the window's terms and
 * every output from {@link ConvWindow}, the engine's term-by-term convolution.
 *
 * @param formula  "(28 + 2·1 − 3) / 1 + 1 = 28", or ConvArithmetic's sentence of why it does not fit
 * @param fits     whether the kernel fits (then {@code window} and {@code output} are set)
 * @param outSide  H' = W' (0 when it does not fit)
 * @param window   the terms at the current position
 * @param output   a of every output position of the filter, [H'][W'] row-major
 */
record ConvExplanation(String layer, String activationName, int side, int kernel, int stride, int padding, int filter, String formula, boolean fits,
                       int outSide, ConvWindow window, float[] output, float[] input) {

    /** The output size, or null when it does not fit (then {@link #formula} says why). */
    Integer outputSize() { return fits ? outSide : null; }

    /** The explanation for {@code conv} (a conv2d trace of one image, one input channel shown). */
    static ConvExplanation of(LayerTrace conv, int filter, int stride, int padding, int position) {
        var in = conv.tensor("input");
        int side = in.dim(2), kernel = Integer.parseInt(conv.attributes().get("kernel"));
        float[] image = in.data();
        ConvArithmetic.Window win = new ConvArithmetic.Window(kernel, stride, padding);
        String problem = ConvArithmetic.problem(side, win, "kernel");
        String head = "(" + side + " + 2·" + padding + " − " + kernel + ") / " + stride + " + 1";
        if (problem != null) return new ConvExplanation(conv.name(), conv.activation(), side, kernel, stride, padding, filter, problem, false, 0, null, null, image);
        int out = ConvArithmetic.outputSide(side, win);
        Activation g = Activation.byName(conv.activation(), Float.NaN);
        float[] w = conv.tensor("weights").data(), b = conv.bias();
        int[] chw = {in.dim(1), in.dim(2), in.dim(3)};
        float[] a = new float[out * out];
        for (int r = 0; r < out; r++) {
            for (int c = 0; c < out; c++) a[r * out + c] = ConvWindow.at(image, chw, w, b, filter, r, c, win, g).a();
        }
        int p = Math.floorMod(position, out * out);
        ConvWindow here = ConvWindow.at(image, chw, w, b, filter, p / out, p % out, win, g);
        return new ConvExplanation(conv.name(), conv.activation(), side, kernel, stride, padding, filter, head + " = " + out, true, out, here, a, image);
    }
}
