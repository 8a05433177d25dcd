package backprop.app.vanishing;

import backprop.app.draw.Sci;
import backprop.app.draw.CanvasPane;
import backprop.app.draw.PlotKit;
import backprop.app.theme.Palette;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The decks' picture of vanishing gradients: each cell unrolled over t = 1 … T as a row of
 * nodes, each node shaded by how strongly h_t still depends on the input at t = 1,
 * ‖∂h_t/∂x_1‖, on a logarithmic scale (a legend of powers of ten underneath). Hovering a node
 * reads out its exact value.
 */
final class UnrolledCanvas extends CanvasPane {
    /** How many powers of ten the shading spans below the largest value shown. */
    static final int DECADES = 8;

    record Row(String name, float[] values) {}

    private List<Row> rows = List.of();
    private double hoverX = Double.NaN, hoverY = Double.NaN;

    UnrolledCanvas() {
        setPrefSize(900, 260);
        setMinSize(300, 180);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(Double.NaN, Double.NaN));
    }

    void show(List<Row> rows) {
        this.rows = List.copyOf(rows);
        redraw();
    }

    /** The rows as drawn: each node's shade is its value here (tests compare them with the engine). */
    List<Row> rows() { return rows; }

    void hover(double x, double y) {
        hoverX = x;
        hoverY = y;
        redraw();
    }

    /** "LSTM · t = 12 · ‖∂h_t/∂x_1‖ = 0.0141" for the hovered node, or empty. */
    String hoverText() {
        Geo g = geometry();
        int[] at = g == null ? null : hit(g);
        if (at == null) return "";
        Row r = rows.get(at[0]);
        return r.name() + " · t = " + (at[1] + 1) + " · ‖∂hₜ/∂x₁‖ = " + Sci.format(r.values()[at[1]]);
    }

    private record Geo(double x0, double cell, double node, double[] rowY, int steps, int lo, int hi, double legendY) {}

    private Font font() { return PlotKit.font(scale()); }

    private Font nameFont() { return Font.font("System", FontWeight.BOLD, 13 * scale()); }

    private Geo geometry() {
        double w = canvas.getWidth(), h = canvas.getHeight(), s = scale();
        if (rows.isEmpty() || w < 100 || h < 100) return null;
        int steps = rows.get(0).values().length;
        double max = 0;
        for (Row r : rows) for (float v : r.values()) if (Float.isFinite(v)) max = Math.max(max, v);
        int hi = max > 0 ? (int) Math.ceil(Math.log10(max)) : 0, lo = hi - DECADES;
        double names = 0;
        for (Row r : rows) names = Math.max(names, PlotKit.width(r.name(), nameFont()));
        double x0 = Math.ceil(names + 16 * s), right = 12 * s;
        double cell = (w - x0 - right) / steps;
        double fs = font().getSize();
        double top = fs * 2.0, legendH = fs * 3.6;
        double rowH = (h - top - legendH) / rows.size();
        double node = Math.max(2, Math.min(Math.min(cell * 0.78, rowH * 0.62), 44 * s));
        double[] rowY = new double[rows.size()];
        for (int i = 0; i < rowY.length; i++) rowY[i] = top + rowH * (i + 0.5);
        return new Geo(x0, cell, node, rowY, steps, lo, hi, h - legendH + fs * 0.6);
    }

    private int[] hit(Geo g) {
        if (Double.isNaN(hoverX)) return null;
        int t = (int) Math.floor((hoverX - g.x0()) / g.cell());
        if (t < 0 || t >= g.steps()) return null;
        for (int i = 0; i < g.rowY().length; i++) {
            if (Math.abs(hoverY - g.rowY()[i]) <= Math.max(g.node() / 2, 6)) return new int[] {i, t};
        }
        return null;
    }

    /** Where a value lies on the shading scale: 0 at 10^lo and below, 1 at 10^hi. */
    static double fraction(double v, int lo, int hi) {
        if (!(v > 0)) return 0;
        return Math.max(0, Math.min(1, (Math.log10(v) - lo) / (hi - lo)));
    }

    /** The sequential half of the app's palette: neutral at the bottom of the scale, deep orange at the top. */
    static Color shade(double f) {
        return Palette.diverging(f, 1);
    }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        Geo geo = geometry();
        if (geo == null) {
            if (rows.isEmpty()) PlotKit.note(g, "computing…", muted(), font(), 0, 0, canvas.getWidth(), canvas.getHeight());
            return;
        }
        double s = scale();
        Font f = font();
        // Time labels above the first row, thinned so they never touch.
        g.setFont(f);
        g.setFill(muted());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        double labelW = PlotKit.width("100", f) + 8 * s;
        int every = (int) Math.max(1, PlotKit.niceStep(Math.ceil(labelW / geo.cell()) * 4, 4));
        if (every < labelW / geo.cell()) every = (int) Math.ceil(labelW / geo.cell());
        double labelY = geo.rowY()[0] - Math.max(geo.node() / 2, 6) - 4 * s;
        for (int t = 0; t < geo.steps(); t++) {
            // t = 1 is labelled too when the next label is far enough away not to touch it.
            if ((t + 1) % every != 0 && !(t == 0 && every >= 4)) continue;
            g.fillText("t=" + (t + 1), geo.x0() + geo.cell() * (t + 0.5), labelY);
        }
        int[] hovered = hit(geo);
        for (int i = 0; i < rows.size(); i++) drawRow(g, geo, i, hovered);
        drawLegend(g, geo);
        if (hovered != null) {
            double x = geo.x0() + geo.cell() * (hovered[1] + 0.5), y = geo.rowY()[hovered[0]];
            List<String> lines = List.of(hoverText());
            double[] size = PlotKit.readoutSize(lines, f, 5 * s);
            double bx = Math.max(2, Math.min(canvas.getWidth() - size[0] - 2, x - size[0] / 2));
            double by = y + geo.node() / 2 + 6 * s;
            if (by + size[1] > canvas.getHeight()) by = y - geo.node() / 2 - 6 * s - size[1];
            PlotKit.readout(g, lines, f, bx, by, 5 * s, box(), border(), ink(), 1);
        }
    }

    private void drawRow(GraphicsContext g, Geo geo, int i, int[] hovered) {
        double s = scale(), y = geo.rowY()[i], n = geo.node();
        Row r = rows.get(i);
        g.setFont(nameFont());
        g.setFill(ink());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(r.name(), geo.x0() - 10 * s, y);
        // The recurrence: one line through the row, drawn first so the nodes sit on it.
        g.setStroke(border());
        g.setLineWidth(1.2 * s * lineScale());
        g.strokeLine(geo.x0() + geo.cell() / 2, y, geo.x0() + geo.cell() * (geo.steps() - 0.5), y);
        double arc = Math.min(n * 0.35, 8 * s);
        for (int t = 0; t < geo.steps(); t++) {
            double cx = geo.x0() + geo.cell() * (t + 0.5);
            g.setFill(shade(fraction(r.values()[t], geo.lo(), geo.hi())));
            g.fillRoundRect(cx - n / 2, y - n / 2, n, n, arc, arc);
            boolean here = hovered != null && hovered[0] == i && hovered[1] == t;
            g.setStroke(here ? accent() : border());
            g.setLineWidth((here ? 2.5 : 1) * s * lineScale());
            if (n >= 5 || here) g.strokeRoundRect(cx - n / 2, y - n / 2, n, n, arc, arc);
        }
    }

    private void drawLegend(GraphicsContext g, Geo geo) {
        double s = scale();
        Font f = font();
        double barW = Math.min(360 * s, canvas.getWidth() - geo.x0() - 20 * s), barH = 10 * s;
        double x = geo.x0(), y = geo.legendY();
        g.setFont(f);
        g.setFill(ink());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        String caption = "‖∂hₜ/∂x₁‖, log scale";
        g.fillText(caption, x, y + barH / 2);
        double bx = x + PlotKit.width(caption, f) + 12 * s;
        barW = Math.min(barW, canvas.getWidth() - bx - 16 * s);
        int steps = 64;
        for (int k = 0; k < steps; k++) {
            g.setFill(shade((k + 0.5) / steps));
            g.fillRect(bx + barW * k / steps, y, barW / steps + 0.6, barH);
        }
        g.setStroke(border());
        g.setLineWidth(1);
        g.strokeRect(bx, y, barW, barH);
        g.setFill(muted());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        int every = barW / DECADES < PlotKit.width("10⁻¹⁰", f) + 6 * s ? 2 : 1;
        for (int d = geo.lo(); d <= geo.hi(); d++) {
            if ((d - geo.lo()) % every != 0) continue;
            double tx = bx + barW * (d - geo.lo()) / (double) (geo.hi() - geo.lo());
            g.fillText((d == geo.lo() ? "≤ " : "") + Sci.decade(d), tx, y + barH + 3 * s);
        }
    }
}
