package backprop.engine.layers.conv;

import backprop.engine.autodiff.Activation;

/**
 * One output of a convolution spelled out term by term, for views that teach it: the input
 * values under the kernel at one position (zeros where it hangs over the padding), the
 * filter's weights, their element-wise products, the sum, the bias, a and z. The layer itself
 * computes through the backend in one call and never keeps these terms; this is the same sum
 * written out, so a view can show every number of one window without doing the math itself.
 *
 * @param inputs   the window's input values, [C][K][K] row-major (padding: 0)
 * @param padded   true where the window lies on padding rather than on the image
 * @param weights  filter {@code filter}'s weights, [C][K][K]
 * @param products inputs × weights, element by element
 * @param sum      Σ products
 * @param bias     b of the filter
 * @param a        sum + bias
 * @param z        g(a)
 */
public record ConvWindow(int filter, int row, int col, int channels, int kernel, float[] inputs, boolean[] padded, float[] weights,
                         float[] products, float sum, float bias, float a, float z) {

    /**
     * The window of output ({@code row}, {@code col}) of filter {@code filter}.
     *
     * @param image   one image, [C][H][W] row-major
     * @param chw     its shape
     * @param weights all filters, [F][C][K][K] row-major
     * @param bias    [F]
     */
    public static ConvWindow at(float[] image, int[] chw, float[] weights, float[] bias, int filter, int row, int col,
                                ConvArithmetic.Window win, Activation g) {
        int c = chw[0], h = chw[1], w = chw[2], k = win.kernel();
        int outH = ConvArithmetic.outputSide(h, win), outW = ConvArithmetic.outputSide(w, win);
        if (row < 0 || row >= outH || col < 0 || col >= outW) {
            throw new IllegalArgumentException("position (" + row + ", " + col + ") is outside the " + outH + "×" + outW + " output");
        }
        int size = c * k * k;
        if (image.length != c * h * w || weights.length % size != 0 || filter < 0 || filter >= weights.length / size) {
            throw new IllegalArgumentException("filter " + filter + " of " + weights.length + " weights does not fit a " + k + "×" + k + " kernel over " + c + "×" + h + "×" + w);
        }
        float[] in = new float[size], ws = new float[size], prod = new float[size];
        boolean[] pad = new boolean[size];
        float sum = 0f;
        for (int ch = 0; ch < c; ch++) {
            for (int r = 0; r < k; r++) {
                for (int s = 0; s < k; s++) {
                    int i = (ch * k + r) * k + s;
                    int y = row * win.stride() + r - win.padding(), x = col * win.stride() + s - win.padding();
                    boolean outside = y < 0 || y >= h || x < 0 || x >= w;
                    pad[i] = outside;
                    in[i] = outside ? 0f : image[(ch * h + y) * w + x];
                    ws[i] = weights[filter * size + i];
                    prod[i] = in[i] * ws[i];
                    sum += prod[i];
                }
            }
        }
        float b = bias[filter], a = sum + b;
        return new ConvWindow(filter, row, col, c, k, in, pad, ws, prod, sum, b, a, g.apply(a));
    }
}
