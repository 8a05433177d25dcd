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
    /**
     * One line: its name in the legend, its values at x = 1 … n (the first {@code length} of
     * {@code values}: a growing history is passed without copying), its colour and dash pattern
     * (empty: solid).
     */
    public record Series(String name, float[] values, int length, Color color, double[] dashes, boolean dots) {
        public Series {
            if (length < 0 || length > values.length) throw new IllegalArgumentException("length " + length + " of " + values.length + " values");
        }

        /** All of {@code values}. */
        public Series(String name, float[] values, Color color, double[] dashes, boolean dots) {
            this(name, values, values.length, color, dashes, dots);
        }
    }

    /** A horizontal line at {@code value} with a label (the clipping threshold). */
    public record Reference(String label, double value) {}

    private String title = "", xLabel = "";
    private List<Series> series = List.of();
    private Reference reference;
    private double hoverX = Double.NaN;
    /** Whether the x axis runs to a round bound past the data (see {@link #setGrowing}). */
    private boolean growing;
    /** The geometry of the last full drawing (null: none on the canvas), which appended points may extend. */
    private Geo drawn;

    public LogPlot() {
        setPrefSize(420, 240);
        setMinSize(200, 140);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> { hoverX = e.getX(); redraw(); });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> { hoverX = Double.NaN; redraw(); });
    }

    public void show(String title, String xLabel, List<Series> series, Reference reference) {
        List<Series> before = this.series;
        boolean appended = growing && drawn != null && Double.isNaN(hoverX) && title.equals(this.title) && xLabel.equals(this.xLabel)
                && java.util.Objects.equals(reference, this.reference) && appends(before, series);
        this.title = title;
        this.xLabel = xLabel;
        this.series = List.copyOf(series);
        this.reference = reference;
        Geo geo = appended ? geometry() : null;
        if (geo != null && geo.sameAxes(drawn)) drawAppended(geo, before);
        else redraw();
    }

    /**
     * A plot of a history that grows while it is shown (a training run): the x axis runs to a
     * round number past the last point (1.5, 2, 3, 4, 5, 6, 8 or 10 × 10ⁿ) instead of ending at
     * it, so the points already drawn stay where they are. When the new lines only add points to
     * the old ones (the same arrays, longer) and neither axis moves, only the new segments are
     * drawn: a step costs the same after ten thousand steps as after ten.
     */
    public void setGrowing(boolean on) {
        growing = on;
        redraw();
    }

    /** Whether {@code next} is {@code before} with points added: the same arrays (whose shown values never change), as long or longer. */
    private static boolean appends(List<Series> before, List<Series> next) {
        if (before.size() != next.size()) return false;
        for (int i = 0; i < next.size(); i++) {
            Series a = before.get(i), b = next.get(i);
            if (a.values() != b.values() || b.length() < a.length() || a.dots() || b.dots() || !a.name().equals(b.name())
                    || !java.util.Objects.equals(a.color(), b.color()) || !java.util.Arrays.equals(a.dashes(), b.dashes())) return false;
        }
        return true;
    }

    /** The round x bound at or past {@code n} for a growing plot. */
    static int bound(int n) {
        if (n <= 10) return 10;
        double[] nice = {1, 1.5, 2, 3, 4, 5, 6, 8, 10};
        double mag = Math.pow(10, Math.floor(Math.log10(n)));
        for (double f : nice) if (f * mag >= n) return (int) Math.round(f * mag);
        return (int) Math.round(10 * mag);
    }

    /** The segments from each line's old last point to its new one, over the drawing already on the canvas. */
    private void drawAppended(Geo geo, List<Series> before) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.save();
        clipToPlot(g, geo);
        for (int i = series.size() - 1; i >= 0; i--) {
            Series sr = series.get(i);
            int from = Math.max(0, before.get(i).length() - 1);
            if (sr.length() - from >= 2) stroke(g, geo, sr, from);
        }
        g.restore();
    }

    private static void clipToPlot(GraphicsContext g, Geo geo) {
        g.beginPath();
        g.rect(geo.x0(), geo.y0() - 2, geo.x1() - geo.x0(), geo.y1() - geo.y0() + 4);
        g.clip();
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
        for (Series s : series) if (i < s.length()) out.add(s.name() + ": " + Sci.format(s.values()[i]));
        return out;
    }

    /** Where the plot goes: x from 1 to {@code n} (the axis), {@code points} of data, decades lo to hi. */
    private record Geo(double x0, double x1, double y0, double y1, int n, int points, int lo, int hi) {
        /** Whether a point drawn in {@code o} lands on the same pixel here (only the data's end differs). */
        boolean sameAxes(Geo o) {
            return o != null && x0 == o.x0 && x1 == o.x1 && y0 == o.y0 && y1 == o.y1 && n == o.n && lo == o.lo && hi == o.hi;
        }

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
            n = Math.max(n, s.length());
            float[] values = s.values();
            for (int i = 0; i < s.length(); i++) {
                float v = values[i];
                if (v > 0 && Float.isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); }
            }
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
        return new Geo(x0, x1, y0, y1, growing ? bound(n) : n, n, lo, hi);
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
        // A growing plot's axis runs past the data: the readout stays on the last point.
        return Math.min((int) Math.round(f * (g.n() - 1)), g.points() - 1);
    }

    @Override
    protected void redraw() {
        drawn = null;
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
        clipToPlot(g, geo);
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
        drawn = geo;
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
            // A one-pixel rectangle, not a stroked line: the same pixels, without the anti-aliased shape rasteriser.
            g.setFill(track());
            g.fillRect(geo.x0(), y - 0.5, geo.x1() - geo.x0(), 1);
            g.setFill(muted());
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(Sci.decade(d), geo.x0() - 5 * s, y);
        }
        g.setFill(border());
        PlotKit.hairlineBox(g, geo.x0(), geo.y0(), geo.x1() - geo.x0(), geo.y1() - geo.y0());
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
        stroke(g, geo, sr, 0);
        if (!sr.dots()) return;
        g.setFill(colour(sr));
        double r = 2.6 * scale();
        float[] v = sr.values();
        for (int i = 0; i < sr.length(); i++) {
            if (!(v[i] > 0) || !Float.isFinite(v[i])) continue;
            g.fillOval(geo.px(i + 1) - r, geo.py(v[i]) - r, 2 * r, 2 * r);
        }
    }

    /** The line through points {@code from} … end of {@code sr}; from the start, thinned to the pixels when it has more points than they. */
    private void stroke(GraphicsContext g, Geo geo, Series sr, int from) {
        double s = scale();
        g.setStroke(colour(sr));
        g.setLineWidth(2 * s * lineScale());
        g.setLineDashes(scaled(sr.dashes(), s));
        g.beginPath();
        float[] v = sr.values();
        int n = sr.length();
        if (from == 0 && n > 2 * (geo.px(n) - geo.x0())) envelope(g, geo, v, n);
        else {
            boolean open = false;
            for (int i = from; i < n; i++) {
                if (!(v[i] > 0) || !Float.isFinite(v[i])) { open = false; continue; }
                double x = geo.px(i + 1), y = geo.py(v[i]);
                if (open) g.lineTo(x, y);
                else g.moveTo(x, y);
                open = true;
            }
        }
        g.stroke();
        g.setLineDashes();
    }

    /**
     * A line of more points than pixels, drawn as what a pixel column can show: the lowest and
     * the highest value of each column, in the order they came. The picture is the same as every
     * point drawn, but the path (which the renderer strokes segment by segment) stays as long as
     * the plot is wide however many steps have been trained.
     */
    private static void envelope(GraphicsContext g, Geo geo, float[] v, int n) {
        boolean open = false;
        int column = Integer.MIN_VALUE;
        double lo = 0, hi = 0;
        int loAt = 0, hiAt = 0;
        for (int i = 0; i <= n; i++) {
            boolean gap = i == n || !(v[i] > 0) || !Float.isFinite(v[i]);
            int c = gap ? Integer.MIN_VALUE : (int) Math.floor(geo.px(i + 1));
            if (column != Integer.MIN_VALUE && c != column) {
                // The finished column, joined to the one before unless a gap came between.
                double x = column + 0.5, a = loAt <= hiAt ? lo : hi, b = loAt <= hiAt ? hi : lo;
                if (open) g.lineTo(x, a);
                else g.moveTo(x, a);
                if (a != b) g.lineTo(x, b);
                open = !gap;
                column = Integer.MIN_VALUE;
            }
            if (gap) { open = false; continue; }
            double y = geo.py(v[i]);
            if (column == Integer.MIN_VALUE) {
                column = c;
                lo = hi = y;
                loAt = hiAt = i;
            } else if (y < lo) {
                lo = y;
                loAt = i;
            } else if (y > hi) {
                hi = y;
                hiAt = i;
            }
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
