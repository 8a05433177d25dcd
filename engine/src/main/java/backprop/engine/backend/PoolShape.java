package backprop.engine.backend;

/**
 * The geometry of 2-D pooling, NCHW: {@code n}×{@code c} planes of {@code h}×{@code w}, windows
 * of {@code kh}×{@code kw} moved by {@code strideH}/{@code strideW}, no padding (every window
 * lies inside the image, so an average always has kh·kw terms).
 */
public record PoolShape(int n, int c, int h, int w, int kh, int kw, int strideH, int strideW) {

    public PoolShape {
        if (n < 1 || c < 1 || h < 1 || w < 1 || kh < 1 || kw < 1 || strideH < 1 || strideW < 1) throw new IllegalArgumentException("pool2d: sizes must be positive: " + this);
        if (kh > h || kw > w) throw new IllegalArgumentException("pool2d: window " + kh + "×" + kw + " does not fit input " + h + "×" + w);
    }

    /** Square window, stride equal both ways. */
    public static PoolShape of(int n, int c, int h, int w, int window, int stride) {
        return new PoolShape(n, c, h, w, window, window, stride, stride);
    }

    public int outH() { return (h - kh) / strideH + 1; }
    public int outW() { return (w - kw) / strideW + 1; }
    public int inputSize() { return n * c * h * w; }
    public int outputSize() { return n * c * outH() * outW(); }
}
