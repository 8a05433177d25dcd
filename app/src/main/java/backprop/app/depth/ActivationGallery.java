package backprop.app.depth;

import backprop.app.draw.CanvasPane;
import backprop.app.draw.PlotKit;
import backprop.app.theme.Palette;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The activation gallery: for each activation, g (solid) and g′ (dashed) on one plot over
 * [−5, 5] with the saturating region shaded, and below it how g(x) is spread when the inputs x
 * come from N(0, σ²): a wide σ piles sigmoid and tanh outputs against their bounds, where g′ is
 * nearly 0. Every value is the engine's g and g′ ({@link ActivationSamples}).
 */
final class ActivationGallery extends CanvasPane {
    static final long SEED = 11;

    private List<ActivationSamples> samples = List.of();
    private List<Double> saturated = List.of();

    ActivationGallery() {
        setPrefSize(900, 600);
        setMinSize(300, 240);
    }

    void show(double sigma) {
        List<ActivationSamples> out = new ArrayList<>();
        List<Double> sat = new ArrayList<>();
        for (String name : ActivationSamples.SHOWN) {
            ActivationSamples s = ActivationSamples.of(name, sigma, SEED);
            out.add(s);
            sat.add(s.saturatedShare(SEED));
        }
        samples = List.copyOf(out);
        saturated = List.copyOf(sat);
        redraw();
    }

    List<ActivationSamples> samples() { return samples; }

    /** Share of the drawn inputs that land where each shown activation saturates. */
    List<Double> saturatedShares() { return saturated; }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        double w = canvas.getWidth(), h = canvas.getHeight(), s = scale();
        if (samples.isEmpty() || w < 200 || h < 160) return;
        int cols = w > 2.2 * h ? 6 : 3, rows = (samples.size() + cols - 1) / cols;
        double cw = w / cols, ch = h / rows;
        for (int i = 0; i < samples.size(); i++) cell(g, samples.get(i), saturated.get(i), (i % cols) * cw, (i / cols) * ch, cw, ch, s);
    }

    private void cell(GraphicsContext g, ActivationSamples a, double sat, double x, double y, double w, double h, double s) {
        Font font = PlotKit.font(s);
        double pad = 10 * s, titleH = 20 * s;
        double px0 = x + pad + 26 * s, px1 = x + w - pad, py0 = y + titleH + 4 * s;
        double plotH = (h - titleH) * 0.58, py1 = py0 + plotH - 16 * s;
        double hy0 = py1 + 22 * s, hy1 = y + h - pad - 14 * s;
        g.setFont(Font.font("System", FontWeight.BOLD, 12.5 * s));
        g.setFill(ink());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(a.name(), x + pad, y + 4 * s);
        // y range of the curves
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < a.x().length; i++) {
            lo = Math.min(lo, Math.min(a.g()[i], a.gPrime()[i]));
            hi = Math.max(hi, Math.max(a.g()[i], a.gPrime()[i]));
        }
        lo = Math.min(lo, -1.05f);
        hi = Math.max(hi, 1.05f);
        final float ylo = lo, yhi = hi;
        java.util.function.DoubleUnaryOperator sx = v -> px0 + (v + ActivationSamples.RANGE) / (2 * ActivationSamples.RANGE) * (px1 - px0);
        java.util.function.DoubleUnaryOperator sy = v -> py1 - (v - ylo) / (yhi - ylo) * (py1 - py0);
        // Saturating stretches, shaded.
        g.setFill(track());
        int n = a.x().length;
        for (int i = 0; i < n - 1; i++) {
            if (a.flat()[i] && a.flat()[i + 1]) g.fillRect(sx.applyAsDouble(a.x()[i]), py0, sx.applyAsDouble(a.x()[i + 1]) - sx.applyAsDouble(a.x()[i]) + 0.5, py1 - py0);
        }
        g.setStroke(border());
        g.setLineWidth(1);
        g.strokeLine(px0, sy.applyAsDouble(0), px1, sy.applyAsDouble(0));
        g.strokeLine(sx.applyAsDouble(0), py0, sx.applyAsDouble(0), py1);
        g.setFont(font);
        g.setFill(muted());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int t : new int[] {-1, 0, 1}) g.fillText(Integer.toString(t).replace('-', '\u2212'), px0 - 4 * s, sy.applyAsDouble(t));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int t : new int[] {-5, 0, 5}) g.fillText(Integer.toString(t).replace('-', '\u2212'), sx.applyAsDouble(t), py1 + 2 * s);
        curve(g, a.x(), a.gPrime(), sx, sy, Palette.NEGATIVE, true, s);
        curve(g, a.x(), a.g(), sx, sy, accent(), false, s);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(accent());
        g.fillText("g", px1, py0);
        g.setFill(Palette.NEGATIVE);
        g.fillText("g′ (dashed)", px1, py0 + font.getSize() * 1.3);
        // Distribution of g(x), x ~ N(0, σ²).
        int max = 1;
        for (int c : a.counts()) max = Math.max(max, c);
        double bw = (px1 - px0) / a.counts().length;
        g.setFill(Palette.POSITIVE_LIGHT);
        for (int b = 0; b < a.counts().length; b++) {
            double bh = (hy1 - hy0) * a.counts()[b] / max;
            g.fillRect(px0 + b * bw, hy1 - bh, Math.max(1, bw - 1), bh);
        }
        g.setFill(muted());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(String.format(java.util.Locale.ROOT, "g(x), x ~ N(0, %.1f²): %.2f … %.2f · %d %% in the shaded part", a.sigma(), a.lo(), a.hi(),
                Math.round(100 * sat)).replace('-', '\u2212'), px0, hy1 + 2 * s);
    }

    private static void curve(GraphicsContext g, float[] x, float[] y, java.util.function.DoubleUnaryOperator sx, java.util.function.DoubleUnaryOperator sy,
                              javafx.scene.paint.Color colour, boolean dashed, double s) {
        g.setStroke(colour);
        g.setLineWidth(2 * s);
        g.setLineDashes(dashed ? new double[] {6 * s, 4 * s} : null);
        g.beginPath();
        for (int i = 0; i < x.length; i++) {
            double px = sx.applyAsDouble(x[i]), py = sy.applyAsDouble(y[i]);
            if (i == 0) g.moveTo(px, py);
            else g.lineTo(px, py);
        }
        g.stroke();
        g.setLineDashes((double[]) null);
    }
}
