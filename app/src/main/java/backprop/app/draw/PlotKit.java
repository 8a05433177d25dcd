package backprop.app.draw;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Small pieces the playground's charts share: nice tick values, number text, notes and readout boxes. */
public final class PlotKit {
    private PlotKit() {}

    /** The font of tick labels and readouts at presenter scale {@code scale}. */
    public static Font font(double scale) {
        return Font.font("System", 11 * scale);
    }

    /** A round step (1, 2 or 5 × 10ⁿ) near {@code span / count}, so about {@code count} ticks fit. */
    public static double niceStep(double span, double count) {
        if (!(span > 0) || Double.isInfinite(span)) return 1;
        double raw = span / count, mag = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / mag;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
    }

    /** Multiples of {@code step} inside [lo, hi], rounded so that 0 is exactly 0. */
    public static List<Double> ticks(double lo, double hi, double step) {
        List<Double> out = new ArrayList<>();
        for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) out.add(k == 0 ? 0.0 : k * step);
        return out;
    }

    /** A tick label: "−1", "0", "0.5", "12k". */
    public static String tick(double v) {
        // Axes ask for the same few labels every frame; formatting them is not free.
        String cached = TICKS.get(v);
        if (cached != null) return cached;
        if (TICKS.size() > 512) TICKS.clear();
        String t = format(v);
        TICKS.put(v, t);
        return t;
    }

    private static final java.util.Map<Double, String> TICKS = new java.util.HashMap<>();

    private static String format(double v) {
        if (Math.abs(v) >= 10_000 && v % 1000 == 0) return fixed(v / 1000, 0) + "k";
        return backprop.app.math.Num.shortFmt(Math.abs(v) < 1e-12 ? 0 : v);
    }

    /** {@code v} with {@code decimals} decimals and a true minus sign; "−0.00" reads "0.00". */
    public static String fixed(double v, int decimals) {
        return backprop.app.math.Num.fixed(v, decimals);
    }

    /** An accuracy in [0, 1] as a whole percentage: "98 %". */
    public static String percent(double a) {
        return Math.round(a * 100) + "\u202f%";
    }

    /** A muted sentence centred in the rectangle. */
    public static void note(GraphicsContext g, String text, Color color, Font font, double x, double y, double w, double h) {
        g.setFont(font);
        g.setFill(color);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x + w / 2, y + h / 2);
    }

    /** Size of a readout box holding {@code lines}: {width, height}. */
    public static double[] readoutSize(List<String> lines, Font font, double pad) {
        double w = 0;
        for (String l : lines) w = Math.max(w, width(l, font));
        return new double[] {w + 2 * pad, lines.size() * font.getSize() * 1.3 + 2 * pad};
    }

    /** A box with a border and left-aligned lines of text, its top-left corner at (x, y). */
    public static void readout(GraphicsContext g, List<String> lines, Font font, double x, double y, double pad,
                        Color fill, Color stroke, Color text, double lineWidth) {
        double[] size = readoutSize(lines, font, pad);
        g.setFill(fill);
        g.fillRoundRect(x, y, size[0], size[1], 2 * pad, 2 * pad);
        g.setStroke(stroke);
        g.setLineWidth(lineWidth);
        g.setLineDashes();
        g.strokeRoundRect(x, y, size[0], size[1], 2 * pad, 2 * pad);
        g.setFill(text);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double lh = font.getSize() * 1.3;
        for (int i = 0; i < lines.size(); i++) g.fillText(lines.get(i), x + pad, y + pad + lh * (i + 0.5));
    }

    /** Width of {@code s} in {@code f} (FX thread). */
    /** The first of {@code titles} (longest first) that fits {@code width} in {@code f}; the last one if none does. */
    public static String fitting(double width, Font f, String... titles) {
        for (String t : titles) if (width(t, f) <= width) return t;
        return titles[titles.length - 1];
    }

    public static double width(String s, Font f) {
        return TextMeasure.width(s, f);
    }

    /** {@code c} with opacity {@code a}. */
    public static Color alpha(Color c, double a) {
        return Color.color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }

    /**
     * The one-pixel outline that {@code strokeRect(x + 0.5, y + 0.5, w, h)} at width 1 draws, as
     * four filled rectangles in the current fill: on the software pipeline a filled rectangle is
     * copied straight into the pixels, a stroke goes through the anti-aliasing rasteriser.
     */
    public static void hairlineBox(GraphicsContext g, double x, double y, double w, double h) {
        g.fillRect(x, y, w + 1, 1);
        g.fillRect(x, y + h, w + 1, 1);
        g.fillRect(x, y + 1, 1, h - 1);
        g.fillRect(x + w, y + 1, 1, h - 1);
    }
}
