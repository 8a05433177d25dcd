package backprop.engine.layers.conv;

import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.Wiring;
import backprop.engine.tensor.Shapes;
import backprop.engine.tensor.Tensor;
import java.util.List;

/**
 * The size arithmetic of convolution and pooling, in one place: how big an output is, why a
 * kernel does not fit, how many weights a layer holds. The reader, the layers and the views all
 * ask here, so the formula the lectures teach, {@code (W + 2P − K) / S + 1}, is written once.
 *
 * <p>A file whose numbers do not divide evenly is refused rather than rounded down, as most
 * frameworks do silently: a student who writes stride 2 over 28 pixels with a 5-pixel kernel
 * should learn that the last column is never seen.
 */
public final class ConvArithmetic {
    private ConvArithmetic() {}

    /**
     * One sliding window along one axis: a convolution's kernel or a pooling window. Square
     * windows only, so one axis describes both.
     *
     * @param kernel  K, the window's side
     * @param stride  S, how far it moves per output
     * @param padding P, zeros added on each side of the input (pooling: 0)
     */
    public record Window(int kernel, int stride, int padding) {
        public Window {
            if (kernel < 1 || stride < 1 || padding < 0) throw new IllegalArgumentException("window " + kernel + "/" + stride + "/" + padding + ": sizes must be positive");
        }
    }

    /**
     * Why the window does not fit an input side of {@code in}, in one sentence that shows the
     * formula with the file's numbers and suggests a fix; null when it fits.
     *
     * @param noun "kernel" or "window", for the sentence
     */
    public static String problem(int in, Window win, String noun) {
        boolean conv = noun.equals("kernel");
        long padded = (long) in + 2L * win.padding(), span = padded - win.kernel();
        // A convolution shows its padding even when it is 0: the formula is the one on the slides.
        String formula = (conv ? "(" + in + " + 2·" + win.padding() : "(" + in) + " − " + win.kernel() + ") / " + win.stride() + " + 1";
        if (span < 0) {
            return formula + " = " + value(span, win.stride()) + " is below 1: the " + win.kernel() + "×" + win.kernel() + " " + noun
                    + " is larger than the " + (win.padding() == 0 ? "" : "padded ") + "input side of " + padded
                    + "; use a " + noun + " of at most " + padded + (conv ? " or more padding" : "");
        }
        if (span % win.stride() != 0) {
            return formula + " = " + value(span, win.stride()) + " is not a whole number: the " + noun + " does not fit; "
                    + suggestion(in, win, conv);
        }
        return null;
    }

    /** The output side {@code (in + 2P − K) / S + 1}; the caller has checked {@link #problem}. */
    public static int outputSide(int in, Window win) {
        String p = problem(in, win, "window");
        if (p != null) throw new IllegalArgumentException(p);
        return (int) (((long) in + 2L * win.padding() - win.kernel()) / win.stride() + 1);
    }

    /** [C, H, W] through {@code filters} kernels: [filters, H', W']. */
    public static int[] convOutput(int[] chw, int filters, Window win) {
        return new int[] {filters, outputSide(chw[1], win), outputSide(chw[2], win)};
    }

    /** [C, H, W] through a pooling window: [C, H', W'] (each channel pooled on its own). */
    public static int[] poolOutput(int[] chw, Window win) {
        return new int[] {chw[0], outputSide(chw[1], win), outputSide(chw[2], win)};
    }

    /** Multiply-adds of one sample's forward pass: each of the F·H'·W' outputs sums C·K·K products. */
    public static long convMultiplyAdds(int[] chw, int filters, Window win) {
        int[] out = convOutput(chw, filters, win);
        return Shapes.product(out[0], out[1], out[2], chw[0], win.kernel(), win.kernel());
    }

    /**
     * N, the number of images in a batch of rows [N][C·H·W]. A batch of any other shape is a bug
     * in the caller (the reader checked the network), named with the layer and both shapes.
     */
    public static int batch(String layer, Tensor rows, int[] chw) {
        if (rows.rank() != 2 || rows.dim(1) != Shapes.product(chw)) {
            throw new IllegalArgumentException(layer + ": input " + java.util.Arrays.toString(rows.shape()) + " is not a batch of "
                    + chw[0] + "×" + chw[1] + "×" + chw[2] + " images as rows");
        }
        return rows.dim(0);
    }

    /**
     * Weights and biases of a convolution: every filter spans all C input channels, so F·C·K·K
     * weights and F biases (32×32×3 with ten 5×5 filters: 10·(5·5·3 + 1) = 760).
     */
    public static long convParameters(int channels, int filters, int kernel) {
        return Shapes.product(filters, channels, kernel, kernel) + filters;
    }

    /**
     * What one unit sees, along one axis, after a stack of windows: the field's side in input
     * pixels, the distance in input pixels between two neighbouring units ({@code jump}), and
     * where unit 0's field starts ({@code start}; negative where it reaches into the padding).
     * Each window adds (K − 1)·jump to the side and multiplies the jump by its stride: a field
     * grows by K − 1 per stride-1 layer and faster after every stride.
     */
    public record ReceptiveField(int size, int jump, int start) {
        /** One input pixel: what the input "layer" sees. */
        public static final ReceptiveField PIXEL = new ReceptiveField(1, 1, 0);

        /** The field after one more window. */
        public ReceptiveField then(Window w) {
            return new ReceptiveField(Math.toIntExact(size + (long) (w.kernel() - 1) * jump), Math.toIntExact((long) jump * w.stride()),
                    Math.toIntExact(start - (long) w.padding() * jump));
        }

        /** The field after a stack of windows, first layer first. */
        public static ReceptiveField of(List<Window> stack) {
            ReceptiveField f = PIXEL;
            for (Window w : stack) f = f.then(w);
            return f;
        }

        /**
         * The field of one unit of layer {@code layer} of a network, a conv2d or pooling layer:
         * the windows of every layer on its path from the input. (Only image layers read
         * images, so that path holds nothing else.)
         */
        public static ReceptiveField of(NetworkSpec spec, int layer) {
            List<int[]> sources = Wiring.sources(spec.layers());
            java.util.ArrayDeque<Window> path = new java.util.ArrayDeque<>();
            for (int k = layer; k >= 0; k = sources.get(k)[0] - 1) {
                if (!(spec.layers().get(k) instanceof Windowed w)) {
                    throw new IllegalArgumentException("layer " + Wiring.name(spec.layers().get(k), k) + " is a " + spec.layers().get(k).type()
                            + " layer: only conv2d and pooling units have a receptive field smaller than the input");
                }
                path.addFirst(w.window());
            }
            return of(List.copyOf(path));
        }

        /** First and last input pixel (inclusive) that unit {@code unit} sees, cut to an input side of {@code side}. */
        public int[] span(int unit, int side) {
            long first = start + (long) unit * jump, last = first + size - 1;
            return new int[] {(int) Math.max(0, first), (int) Math.min(side - 1, last)};
        }

        /** The input region, inclusive, of the unit at ({@code row}, {@code col}) of an input of height × width. */
        public Region region(int row, int col, int height, int width) {
            int[] r = span(row, height), c = span(col, width);
            return new Region(r[0], c[0], r[1], c[1]);
        }
    }

    /** A rectangle of input pixels, corners inclusive. */
    public record Region(int top, int left, int bottom, int right) {}

    /** The formula's value, "12.5" or "−1", with the decimals it has (a stride divides into halves, thirds, …). */
    private static String value(long span, int stride) {
        double v = (double) span / stride + 1;
        String s = v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
        return s.replace('-', '−');
    }

    /** The nearest changes that make the division whole: stride 1 always does; else more padding or another window. */
    private static String suggestion(int in, Window win, boolean conv) {
        StringBuilder s = new StringBuilder("try stride 1");
        if (conv) {
            for (int p = win.padding() + 1; p < win.kernel(); p++) {
                if ((in + 2L * p - win.kernel()) % win.stride() == 0) return s.append(" or padding ").append(p).toString();
            }
        }
        for (int d = 1; d <= win.kernel(); d++) {
            for (int k : new int[] {win.kernel() + d, win.kernel() - d}) { // the larger first: a 1×1 window pools nothing
                long span = in + 2L * win.padding() - k;
                if (k > 1 && span >= 0 && span % win.stride() == 0 && win.padding() < k) {
                    return s.append(" or a ").append(conv ? "kernel" : "window").append(" of ").append(k).toString();
                }
            }
        }
        return s.toString();
    }
}
