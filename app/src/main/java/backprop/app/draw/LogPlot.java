package backprop.app.draw;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Lines over x = 1 … n on a logarithmic y axis with a tick at every power of ten (or every
 * second one when they crowd), an optional horizontal reference line, a legend and a hover
 * readout. Draws the numbers it is given and nothing else; NaN and values ≤ 0 are gaps.
 */
public final class LogPlot extends CanvasPane {
    /** One line: its name in the legend, its values at x = 1 … n, its colour and dash pattern (empty: solid). */
    public record Series(String name, float[] values, Color color, double[] dashes, boolean dots) {}

    /** A horizontal line at {@code value} with a label (the clipping threshold). */
    public record Reference(String label, double value) {}

    private String title = "", xLabel = "";
    private List<Series> series = List.of();
    private Reference reference;
    private double hoverX = Double.NaN;

    public LogPlot() {
        setPrefSize(420, 240);
        setMinSize(200, 140);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> { hoverX = e.getX(); redraw(); });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> { hoverX = Double.NaN; redraw(); });
    }

    public void show(String title, String xLabel, List<Series> series, Reference reference) {
        this.title = title;
        this.xLabel = xLabel;
        this.series = List.copyOf(series);
        this.reference = reference;
        redraw();
    }

    /** The lines as last given (tests read the plotted values here). */
    public List<Series> series() { return series; }

    /** The readout for the hovered x, one line per series; empty when nothing is hovered. */
    public List<String> hoverLines() {
        Geo g = geometry();
        int i = g == null ? -1 : hovered(g);
        if (i < 0) return List.of();
        List<String> out = new ArrayList<>();
        out.add(xLabel + " = " + (i + 1));
        for (Series s : series) if (i < s.values().length) out.add(s.name() + ": " + Sci.format(s.values()[i]));
        return out;
    }

    private record Geo(double x0, double x1, double y0, double y1, int n, int lo, int hi) {
        double px(double x) { return n <= 1 ? x0 : x0 + (x - 1) / (n - 1) * (x1 - x0); }
        double py(double v) { return y1 - (Math.log10(v) - lo) / (hi - lo) * (y1 - y0); }
    }

    private Font font() { return PlotKit.font(scale()); }

    private Font titleFont() { return Font.font("System", FontWeight.BOLD, 12.5 * scale()); }

    private Geo geometry() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        int n = 0;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            n = Math.max(n, s.values().length);
            for (float v : s.values()) if (v > 0 && Float.isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); }
        }
        if (reference != null && reference.value() > 0) { min = Math.min(min, reference.value()); max = Math.max(max, reference.value()); }
        if (n == 0 || !(max > 0) || w < 80 || h < 80) return null;
        int lo = (int) Math.floor(Math.log10(min)), hi = (int) Math.ceil(Math.log10(max));
        if (hi <= lo) hi = lo + 1;
        double fs = font().getSize();
        double labelW = PlotKit.width("10−00", font()) + 6 * scale();
        double x0 = Math.ceil(labelW + 4 * scale()), x1 = Math.floor(w - 10 * scale());
        double y0 = Math.ceil(titleFont().getSize() * 1.8 + legendHeight()), y1 = Math.floor(h - fs * 2.8);
        if (x1 - x0 < 40 || y1 - y0 < 30) return null;
        return new Geo(x0, x1, y0, y1, n, lo, hi);
    }

    private double legendHeight() { return font().getSize() * 1.6 * legendRows(canvas.getWidth()).size(); }

    /** The legend's entries split into rows that fit the width (indices into {@link #series}). */
    private List<List<Integer>> legendRows(double width) {
        double s = scale(), x = 0, limit = Math.max(40, width - 20 * s);
        List<List<Integer>> rows = new ArrayList<>();
        List<Integer> row = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            double w = 22 * s + 5 * s + PlotKit.width(series.get(i).name(), font()) + 16 * s;
            if (!row.isEmpty() && x + w > limit) {
                rows.add(row);
                row = new ArrayList<>();
                x = 0;
            }
            row.add(i);
            x += w;
        }
        if (!row.isEmpty()) rows.add(row);
        return rows;
    }

    private int hovered(Geo g) {
        if (Double.isNaN(hoverX) || g.n() == 0) return -1;
        double f = (Math.max(g.x0(), Math.min(g.x1(), hoverX)) - g.x0()) / (g.x1() - g.x0());
        return (int) Math.round(f * (g.n() - 1));
    }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        double s = scale(), w = canvas.getWidth();
        g.setFont(titleFont());
        g.setFill(ink());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, 2 * s, 2 * s);
        Geo geo = geometry();
        if (geo == null) {
            if (series.isEmpty()) PlotKit.note(g, "computing…", muted(), font(), 0, 0, w, canvas.getHeight());
            return;
        }
        drawLegend(g, geo);
        drawAxes(g, geo);
        g.save();
        g.beginPath();
        g.rect(geo.x0(), geo.y0() - 2, geo.x1() - geo.x0(), geo.y1() - geo.y0() + 4);
        g.clip();
        if (reference != null) {
            double y = geo.py(reference.value());
            g.setStroke(ink());
            g.setLineWidth(1.2 * s * lineScale());
            g.setLineDashes(2 * s, 4 * s);
            g.strokeLine(geo.x0(), y, geo.x1(), y);
            g.setLineDashes();
        }
        // The first series last, so it stays visible where lines coincide.
        for (int i = series.size() - 1; i >= 0; i--) drawSeries(g, geo, series.get(i));
        g.restore();
        if (reference != null) {
            double y = geo.py(reference.value());
            boolean below = y - font().getSize() * 1.2 < geo.y0();
            g.setFill(ink());
            g.setFont(font());
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(below ? VPos.TOP : VPos.BOTTOM);
            g.fillText(reference.label(), geo.x0() + 6 * s, below ? y + 3 * s : y - 3 * s);
        }
        drawHover(g, geo);
    }

    private void drawAxes(GraphicsContext g, Geo geo) {
        double s = scale();
        Font f = font();
        g.setFont(f);
        g.setLineWidth(1);
        int span = geo.hi() - geo.lo(), every = span <= 8 ? 1 : span <= 16 ? 2 : span <= 40 ? 5 : 10;
        for (int d = geo.lo(); d <= geo.hi(); d++) {
            if (Math.floorMod(d, every) != 0) continue;
            double y = Math.round(geo.py(Math.pow(10, d))) + 0.5;
            g.setStroke(track());
            g.strokeLine(geo.x0(), y, geo.x1(), y);
            g.setFill(muted());
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(Sci.decade(d), geo.x0() - 5 * s, y);
        }
        g.setStroke(border());
        g.strokeRect(geo.x0() + 0.5, geo.y0() + 0.5, geo.x1() - geo.x0(), geo.y1() - geo.y0());
        double step = Math.max(1, PlotKit.niceStep(geo.n() - 1, 6));
        g.setFill(muted());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double x = 1; x <= geo.n(); x = x == 1 && step > 1 ? step : x + step) {
            double px = geo.px(x);
            g.setStroke(border());
            g.strokeLine(px, geo.y1(), px, geo.y1() + 3 * s);
            g.fillText(PlotKit.tick(x), px, geo.y1() + 4 * s);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(xLabel, geo.x1(), geo.y1() + 4 * s + f.getSize() * 1.3);
    }

    private void drawSeries(GraphicsContext g, Geo geo, Series sr) {
        double s = scale();
        g.setStroke(colour(sr));
        g.setLineWidth(2 * s * lineScale());
        g.setLineDashes(scaled(sr.dashes(), s));
        boolean open = false;
        g.beginPath();
        float[] v = sr.values();
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0) || !Float.isFinite(v[i])) { open = false; continue; }
            double x = geo.px(i + 1), y = geo.py(v[i]);
            if (open) g.lineTo(x, y);
            else g.moveTo(x, y);
            open = true;
        }
        g.stroke();
        g.setLineDashes();
        if (!sr.dots()) return;
        g.setFill(colour(sr));
        double r = 2.6 * s;
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0) || !Float.isFinite(v[i])) continue;
            g.fillOval(geo.px(i + 1) - r, geo.py(v[i]) - r, 2 * r, 2 * r);
        }
    }

    private void drawLegend(GraphicsContext g, Geo geo) {
        double s = scale();
        Font f = font();
        g.setFont(f);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double swatch = 22 * s, lh = f.getSize() * 1.6;
        List<List<Integer>> rows = legendRows(canvas.getWidth());
        double y = geo.y0() - legendHeight() + lh * 0.4;
        for (List<Integer> row : rows) {
          double x = geo.x0();
          for (int idx : row) {
            Series sr = series.get(idx);
            g.setStroke(colour(sr));
            g.setLineWidth(2 * s * lineScale());
            g.setLineDashes(scaled(sr.dashes(), s));
            g.strokeLine(x, y, x + swatch, y);
            g.setLineDashes();
            g.setFill(ink());
            g.fillText(sr.name(), x + swatch + 5 * s, y);
            x += swatch + 5 * s + PlotKit.width(sr.name(), f) + 16 * s;
          }
          y += lh;
        }
    }

    private void drawHover(GraphicsContext g, Geo geo) {
        int i = hovered(geo);
        if (i < 0) return;
        double s = scale(), px = geo.px(i + 1);
        g.setStroke(accent(0.6));
        g.setLineWidth(1);
        g.strokeLine(px, geo.y0(), px, geo.y1());
        List<String> lines = hoverLines();
        Font f = font();
        double[] size = PlotKit.readoutSize(lines, f, 5 * s);
        double bx = px + 8 * s + size[0] > geo.x1() ? px - 8 * s - size[0] : px + 8 * s;
        PlotKit.readout(g, lines, f, bx, geo.y0() + 4 * s, 5 * s, box(), border(), ink(), 1);
    }

    /** A series without a colour of its own takes the theme's accent. */
    private Color colour(Series sr) { return sr.color() != null ? sr.color() : accent(); }

    private static double[] scaled(double[] dashes, double s) {
        double[] out = new double[dashes.length];
        for (int i = 0; i < dashes.length; i++) out[i] = dashes[i] * s;
        return out;
    }
}
