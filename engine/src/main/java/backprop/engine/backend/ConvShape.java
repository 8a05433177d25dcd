package backprop.engine.backend;

/**
 * The geometry of a 2-D convolution, NCHW: a batch of {@code n} images with {@code c} channels
 * of {@code h}×{@code w} pixels, {@code k} filters of {@code c}×{@code r}×{@code s}, moved by
 * {@code strideH}/{@code strideW} over the image padded with {@code padH}/{@code padW} zeros
 * on each side. Output: n × k × {@link #outH()} × {@link #outW()}.
 */
public record ConvShape(int n, int c, int h, int w, int k, int r, int s,
                        int strideH, int strideW, int padH, int padW) {

    public ConvShape {
        if (n < 1 || c < 1 || h < 1 || w < 1 || k < 1 || r < 1 || s < 1) throw new IllegalArgumentException("conv2d: sizes must be positive: " + this);
        if (strideH < 1 || strideW < 1 || padH < 0 || padW < 0) throw new IllegalArgumentException("conv2d: bad stride or padding: " + this);
        if (h + 2 * padH < r || w + 2 * padW < s) {
            throw new IllegalArgumentException("conv2d: kernel " + r + "×" + s + " does not fit input " + h + "×" + w + " padded by " + padH + "×" + padW);
        }
    }

    /** Square kernel, same stride and padding both ways. */
    public static ConvShape of(int n, int c, int h, int w, int k, int kernel, int stride, int pad) {
        return new ConvShape(n, c, h, w, k, kernel, kernel, stride, stride, pad, pad);
    }

    public int outH() { return (h + 2 * padH - r) / strideH + 1; }
    public int outW() { return (w + 2 * padW - s) / strideW + 1; }
    public int inputSize() { return n * c * h * w; }
    public int filterSize() { return k * c * r * s; }
    public int outputSize() { return n * k * outH() * outW(); }
}
