package backprop.app.cnn;

import backprop.engine.layers.conv.ConvArithmetic;
import backprop.engine.trace.LayerTrace;

/**
 * The pooling half of the explainer: one window of a pooling layer over one channel of the
 * current input's trace. Every number is the trace's: the window's inputs come from the layer's
 * recorded input, the result from its recorded output; the view only marks which inputs equal it
 * (for max pooling, the winner that passes its gradient back).
 *
 * @param type    "maxpool" or "avgpool"
 * @param window  the K×K inputs under the window, row-major
 * @param result  the pooled value, as traced
 */
record PoolExplanation(String layer, String type, int channel, int side, int size, int stride, int outSide, String formula,
                       int row, int col, float[] window, float result, float[] input, float[] output) {

    static PoolExplanation of(LayerTrace pool, int channel, int position) {
        var in = pool.tensor("input");
        var out = pool.tensor("z");
        int channels = in.dim(1), side = in.dim(2), n = out.dim(2);
        int c = Math.floorMod(channel, channels);
        int size = Integer.parseInt(pool.attributes().get("size")), stride = Integer.parseInt(pool.attributes().get("stride"));
        ConvArithmetic.Window win = new ConvArithmetic.Window(size, stride, 0);
        String formula = "(" + side + " − " + size + ") / " + stride + " + 1 = " + ConvArithmetic.outputSide(side, win);
        int p = Math.floorMod(position, n * n), r = p / n, q = p % n;
        float[] image = java.util.Arrays.copyOfRange(in.data(), c * side * side, (c + 1) * side * side);
        float[] pooled = java.util.Arrays.copyOfRange(out.data(), c * n * n, (c + 1) * n * n);
        float[] w = new float[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) w[i * size + j] = image[(r * stride + i) * side + q * stride + j];
        }
        return new PoolExplanation(pool.name(), pool.type(), c, side, size, stride, n, formula, r, q, w, pooled[p], image, pooled);
    }
}
