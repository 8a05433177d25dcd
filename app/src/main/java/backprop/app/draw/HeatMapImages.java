package backprop.app.draw;

import backprop.app.theme.Palette;
import javafx.scene.paint.Color;

/**
 * Heat maps as pixels: one opaque ARGB pixel per grid cell, coloured by {@link Palette} through a
 * 256-entry lookup table into an array the caller reuses, so a frame allocates nothing per pixel
 * (the playground recolours dozens of maps per frame and stretches them with
 * {@link backprop.app.raster.PixelCanvas#imageRect}).
 *
 * <pre>{@code
 * int[] px = HeatMapImages.pixels(values, grid, ColourScale.symmetric(1), previous);
 * }</pre>
 */
public final class HeatMapImages {
    private HeatMapImages() {}

    private static final int LEVELS = 256;
    // Palette.probability(p) is Palette.diverging(2p − 1, 1), and diverging(v, r) depends only on
    // v / r, so one table sampled over [−1, 1] serves every scale.
    private static final int[] LUT = new int[LEVELS];
    private static final int NAN = argb(Color.GRAY);

    static {
        for (int k = 0; k < LEVELS; k++) LUT[k] = argb(Palette.diverging(-1 + 2.0 * k / (LEVELS - 1), 1));
    }

    /**
     * How values map onto the palette: {@code lo} gets the full blue, {@code hi} the full orange,
     * their midpoint the neutral colour; values beyond saturate.
     */
    public record ColourScale(double lo, double hi) {
        /** {@link Palette#probability}: values in [0, 1] (sigmoid, step, softmax outputs). */
        public static ColourScale probability() { return new ColourScale(0, 1); }

        /** {@link Palette#diverging} over [−range, range]; a range of 0 or less is taken as tiny. */
        public static ColourScale symmetric(double range) {
            double r = range > 0 && Double.isFinite(range) ? range : 1e-6;
            return new ColourScale(-r, r);
        }

        /** {@link #symmetric} with the largest |v| of {@code values}, for unbounded quantities. */
        public static ColourScale fitted(float[] values) {
            double r = 0;
            for (float v : values) if (Math.abs(v) > r) r = Math.abs(v);
            return symmetric(r);
        }

        /** The colour this scale gives {@code v}, as the painted image shows it (up to table steps). */
        public Color colour(double v) {
            return Double.isNaN(v) ? Color.GRAY : Palette.diverging(2 * (v - lo) / (hi - lo) - 1, 1);
        }
    }

    /**
     * {@code values} (grid × grid, row-major, top row first) as opaque ARGB pixels coloured by
     * {@code scale}, written into {@code out} if it is large enough (else a new array); returns it.
     */
    public static int[] pixels(float[] values, int grid, ColourScale scale, int[] out) {
        int n = grid * grid;
        if (values.length < n) throw new IllegalArgumentException(values.length + " values for a " + grid + "\u00b2 grid");
        if (out == null || out.length < n) out = new int[n];
        float k = (float) ((LEVELS - 1) / (scale.hi() - scale.lo())), lo = (float) scale.lo();
        for (int p = 0; p < n; p++) {
            float v = values[p];
            if (v != v) {
                out[p] = NAN;
                continue;
            }
            int idx = (int) Math.floor((v - lo) * k + 0.5f);
            out[p] = LUT[idx < 0 ? 0 : idx >= LEVELS ? LEVELS - 1 : idx];
        }
        return out;
    }

    private static int argb(Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }
}
