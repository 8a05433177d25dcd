package backprop.app.theme;

import javafx.scene.paint.Color;

/**
 * The one diverging palette used for every signed quantity (weights, activations, gradients,
 * heat maps): blue for negative, a light neutral at zero, orange for positive. Blue/orange is
 * distinguishable under the common colour-vision deficiencies (unlike red/green). Anchors from
 * ColorBrewer (Cynthia Brewer, Apache License 2.0; see assets/README.md): the negative half from
 * RdBu, the positive half from PuOr, the shared neutral #f7f7f7 at zero. {@link PaletteLegend}
 * draws this scale for views to embed.
 */
public final class Palette {
    private Palette() {}

    public static final Color NEGATIVE = Color.web("#2166ac");
    public static final Color NEGATIVE_LIGHT = Color.web("#92c5de");
    public static final Color ZERO = Color.web("#f7f7f7");
    public static final Color POSITIVE_LIGHT = Color.web("#fdb863");
    public static final Color POSITIVE = Color.web("#b35806");

    /** Class colours for data points: class 1 orange, class 0 blue (same hues as the scale). */
    public static final Color CLASS_1 = Color.web("#e66101");
    public static final Color CLASS_0 = Color.web("#0571b0");

    /**
     * Colours for more than two classes: Okabe and Ito's qualitative palette, chosen to stay apart
     * under the common colour-vision deficiencies (see assets/README.md); its black is left out, as
     * it vanishes on the dark theme. Beyond seven classes the colours repeat.
     */
    private static final Color[] CLASSES = {Color.web("#e69f00"), Color.web("#56b4e9"), Color.web("#009e73"),
            Color.web("#f0e442"), Color.web("#0072b2"), Color.web("#d55e00"), Color.web("#cc79a7")};

    /** The colour of class {@code k} of {@code classes}: blue and orange for two, as everywhere, else the qualitative palette. */
    public static Color classColour(int k, int classes) {
        if (classes <= 2) return k == 1 ? CLASS_1 : CLASS_0;
        return CLASSES[Math.floorMod(k, CLASSES.length)];
    }

    /**
     * Colour for {@code value} on a symmetric scale [−range, range]; values beyond saturate.
     * NaN shows as mid grey so it is never mistaken for a number.
     */
    public static Color diverging(double value, double range) {
        if (Double.isNaN(value)) return Color.GRAY;
        double t = range <= 0 ? 0 : Math.max(-1, Math.min(1, value / range));
        if (t < 0) return t < -0.5 ? NEGATIVE_LIGHT.interpolate(NEGATIVE, (-t - 0.5) * 2) : ZERO.interpolate(NEGATIVE_LIGHT, -t * 2);
        return t > 0.5 ? POSITIVE_LIGHT.interpolate(POSITIVE, (t - 0.5) * 2) : ZERO.interpolate(POSITIVE_LIGHT, t * 2);
    }

    /** Colour for a probability in [0, 1] of class 1 (0.5 is neutral): used by decision heat maps. */
    public static Color probability(double p) {
        return diverging((p - 0.5) * 2, 1);
    }
}
