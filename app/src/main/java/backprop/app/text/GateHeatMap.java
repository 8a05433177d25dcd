package backprop.app.text;

import backprop.app.draw.CanvasPane;
import backprop.app.draw.PlotKit;
import backprop.app.math.Num;
import backprop.app.text.TextFrame.GateMaps;
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
 * One gate or state of the LSTM over a passage: a row per unit, a column per character (the
 * characters written above their columns), each cell coloured by its value with the app's
 * diverging palette. Gates (σ, 0 … 1) are neutral at ½, blue towards closed and orange towards
 * open; the signed states (c̃, c, h) are neutral at 0. A legend underneath gives the scale;
 * hovering a cell reads out the unit, the character and the exact value.
 */
final class GateHeatMap extends CanvasPane {
    private GateMaps maps;
    private String key = "f";
    private double hoverX = Double.NaN, hoverY = Double.NaN;

    GateHeatMap() {
        setPrefSize(900, 360);
        setMinSize(300, 160);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(Double.NaN, Double.NaN));
    }

    void show(GateMaps maps, String key) {
        this.maps = maps;
        this.key = key;
        redraw();
    }

    GateMaps maps() { return maps; }

    String key() { return key; }

    void hover(double x, double y) {
        hoverX = x;
        hoverY = y;
        redraw();
    }

    /** Whether the key is a σ gate (0 … 1) rather than a signed state. */
    static boolean isGate(String key) { return key.equals("i") || key.equals("f") || key.equals("o"); }

    /** The name a key is shown by. */
    static String label(String key) {
        return switch (key) {
            case "i" -> "input gate i";
            case "f" -> "forget gate f";
            case "o" -> "output gate o";
            case "c_tilde" -> "candidate c̃";
            case "c" -> "cell state c";
            case "h" -> "hidden state h";
            default -> key;
        };
    }

    static String symbol(String key) { return key.equals("c_tilde") ? "c̃" : key; }

    /** The half-width of the colour scale: 1 for gates (shown as 0 … 1) and for c̃ and h; |c| can exceed 1. */
    double range() {
        if (maps == null || isGate(key) || !key.equals("c")) return 1;
        double m = maps.maxAbs("c");
        return m <= 1 ? 1 : Math.ceil(m * 2) / 2;
    }

    Color colour(double v) {
        return isGate(key) ? Palette.probability(v) : Palette.diverging(v, range());
    }

    private record Geo(double x0, double y0, double cw, double rh, int units, int chars, double legendY) {}

    private Font font() { return PlotKit.font(scale()); }

    private Font charFont() { return Font.font("DejaVu Sans Mono", FontWeight.BOLD, 13 * scale()); }

    private Geo geometry() {
        if (maps == null) return null;
        double w = canvas.getWidth(), h = canvas.getHeight(), s = scale(), fs = font().getSize();
        double x0 = Math.ceil(PlotKit.width("unit 64", font()) + 10 * s), right = 8 * s;
        double y0 = Math.ceil(charFont().getSize() * 1.7), legendH = fs * 3.4;
        double cw = (w - x0 - right) / maps.length(), rh = (h - y0 - legendH) / maps.units();
        if (cw < 2 || rh < 1) return null;
        return new Geo(x0, y0, cw, rh, maps.units(), maps.length(), y0 + rh * maps.units() + fs * 0.8);
    }

    /** The centre of the cell of {@code unit} under character {@code t}, in this pane's coordinates (null before a frame). */
    double[] centre(int unit, int t) {
        Geo g = geometry();
        return g == null ? null : new double[] {g.x0() + g.cw() * (t + 0.5), g.y0() + g.rh() * (unit + 0.5)};
    }

    /** {unit, character index} under the pointer, or null. */
    private int[] hit(Geo g) {
        if (g == null || Double.isNaN(hoverX)) return null;
        int t = (int) Math.floor((hoverX - g.x0()) / g.cw()), u = (int) Math.floor((hoverY - g.y0()) / g.rh());
        return t < 0 || t >= g.chars() || u < 0 || u >= g.units() ? null : new int[] {u, t};
    }

    /** "unit 12 · ‘e’ (character 7) · f = 0.8123" for the hovered cell, or empty. */
    String hoverText() {
        int[] at = hit(geometry());
        if (at == null) return "";
        return "unit " + (at[0] + 1) + " · ‘" + maps.characters().get(at[1]) + "’ (character " + (at[1] + 1) + ") · "
                + symbol(key) + " = " + Num.fmt(maps.value(key, at[0], at[1]));
    }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        Geo geo = geometry();
        if (geo == null) {
            if (maps == null) PlotKit.note(g, "training the first step…", muted(), font(), 0, 0, canvas.getWidth(), canvas.getHeight());
            return;
        }
        double s = scale();
        // Characters above their columns.
        g.setFont(charFont());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        int[] hovered = hit(geo);
        for (int t = 0; t < geo.chars(); t++) {
            String c = maps.characters().get(t);
            boolean mark = c.equals("␣") || c.equals("⏎");
            g.setFill(hovered != null && hovered[1] == t ? accent() : mark ? muted() : ink());
            g.fillText(c, geo.x0() + geo.cw() * (t + 0.5), geo.y0() - 3 * s);
        }
        // Cells: one rectangle each, a hair wider than the column so no seams show.
        for (int u = 0; u < geo.units(); u++) {
            for (int t = 0; t < geo.chars(); t++) {
                g.setFill(colour(maps.value(key, u, t)));
                g.fillRect(geo.x0() + geo.cw() * t, geo.y0() + geo.rh() * u, geo.cw() + 0.5, geo.rh() + 0.5);
            }
        }
        g.setStroke(border());
        g.setLineWidth(1);
        g.strokeRect(geo.x0() - 0.5, geo.y0() - 0.5, geo.cw() * geo.chars() + 1, geo.rh() * geo.units() + 1);
        // Unit numbers down the left, every few rows so they never touch.
        Font f = font();
        g.setFont(f);
        g.setFill(muted());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        int every = (int) Math.max(1, Math.ceil(f.getSize() * 1.3 / geo.rh()));
        every = every <= 1 ? 1 : every <= 2 ? 2 : every <= 4 ? 4 : every <= 8 ? 8 : 16;
        for (int u = 0; u < geo.units(); u++) {
            if (u != 0 && (u + 1) % every != 0) continue;
            g.fillText(u == 0 ? "unit 1" : Integer.toString(u + 1), geo.x0() - 5 * s, geo.y0() + geo.rh() * (u + 0.5));
        }
        if (hovered != null) {
            g.setStroke(accent());
            g.setLineWidth(2 * s * lineScale());
            g.strokeRect(geo.x0() + geo.cw() * hovered[1], geo.y0() + geo.rh() * hovered[0], geo.cw(), geo.rh());
        }
        drawLegend(g, geo);
        if (hovered != null) {
            List<String> lines = List.of(hoverText());
            double[] size = PlotKit.readoutSize(lines, f, 5 * s);
            double x = geo.x0() + geo.cw() * (hovered[1] + 1) + 8 * s, y = geo.y0() + geo.rh() * hovered[0] - size[1] / 2;
            if (x + size[0] > canvas.getWidth()) x = geo.x0() + geo.cw() * hovered[1] - 8 * s - size[0];
            y = Math.max(2, Math.min(canvas.getHeight() - size[1] - 2, y));
            PlotKit.readout(g, lines, f, x, y, 5 * s, box(), border(), ink(), 1);
        }
    }

    private void drawLegend(GraphicsContext g, Geo geo) {
        double s = scale();
        Font f = font();
        double y = geo.legendY(), barH = 10 * s;
        String caption = label(key) + (isGate(key) ? ": closed … open" : "");
        g.setFont(f);
        g.setFill(ink());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(caption, geo.x0(), y + barH / 2);
        double bx = geo.x0() + PlotKit.width(caption, f) + 12 * s, barW = Math.min(300 * s, canvas.getWidth() - bx - 16 * s);
        if (barW < 40) return;
        int n = 64;
        double lo = isGate(key) ? 0 : -range(), hi = isGate(key) ? 1 : range();
        for (int k = 0; k < n; k++) {
            g.setFill(colour(lo + (hi - lo) * (k + 0.5) / n));
            g.fillRect(bx + barW * k / n, y, barW / n + 0.6, barH);
        }
        g.setStroke(border());
        g.setLineWidth(1);
        g.strokeRect(bx, y, barW, barH);
        g.setFill(muted());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double[] ticks = {lo, (lo + hi) / 2, hi};
        for (int k = 0; k < 3; k++) g.fillText(PlotKit.tick(ticks[k]), bx + barW * k / 2, y + barH + 3 * s);
    }
}
