package backprop.app.depth;

import backprop.app.draw.CanvasPane;
import backprop.app.draw.PlotKit;
import backprop.app.draw.Sci;
import backprop.app.theme.Palette;
import backprop.engine.trace.LayerStatistics;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * ‖∂R/∂w‖ of every layer with weights in one configuration's newest step, as bars on a log scale
 * shared by all columns (so a bar ten times shorter in one column than another is ten times
 * smaller), output layer at the top and the input side at the bottom: the gradient's way back.
 * Hovering a bar gives its exact figures. Draws the engine's numbers and nothing else.
 */
final class GradientBars extends CanvasPane {
    /** One bar: the layer's id and its statistics. */
    record Bar(String id, LayerStatistics stats) {}

    private List<Bar> bars = List.of();
    private double lo = 1e-6, hi = 1;
    private int hovered = -1;

    GradientBars() {
        setPrefSize(300, 260);
        setMinSize(160, 150);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> { hovered = rowAt(e.getY()); redraw(); });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> { hovered = -1; redraw(); });
    }

    /** Shows the weighted layers of {@code column} on the log range [lo, hi] (from the frame, shared). */
    void show(DepthFrame.Column column, double[] range) {
        List<Bar> out = new ArrayList<>();
        if (column.latest() != null) {
            for (int k : column.weighted()) out.add(new Bar(column.ids().get(k), column.latest().layers().get(k)));
        }
        List<Bar> before = bars;
        double lo0 = lo, hi0 = hi;
        bars = List.copyOf(out);
        lo = Math.pow(10, Math.floor(Math.log10(range[0])));
        hi = Math.pow(10, Math.ceil(Math.log10(range[1])));
        if (hi <= lo) hi = lo * 10;
        // From one step to the next only the bars and their values move: when the layers and the
        // scale are the same, the names and the decade labels stay on the canvas as drawn.
        if (drawnX0 > 0 && hovered < 0 && lo == lo0 && hi == hi0 && sameLayers(before, bars)) {
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.clearRect(Math.floor(drawnX0), 0, canvas.getWidth() - Math.floor(drawnX0), canvas.getHeight() - 20 * scale());
            drawBars(g, drawnX0, drawnFont);
        } else {
            redraw();
        }
    }

    private static boolean sameLayers(List<Bar> a, List<Bar> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (!a.get(i).id().equals(b.get(i).id())) return false;
        return true;
    }

    /** The bars, input side first (tests compare them with the engine's statistics). */
    List<Bar> bars() { return bars; }

    /** The exact figures of the hovered bar; empty when none is hovered. */
    String hoverText() {
        if (hovered < 0 || hovered >= bars.size()) return "";
        Bar b = bars.get(hovered);
        LayerStatistics s = b.stats();
        return b.id() + ": ‖∂R/∂w‖ = " + Sci.format(s.gradNorm()) + ", ‖δ‖ = " + Sci.format(s.deltaNorm()) + ", ‖Δw‖/‖w‖ = " + Sci.format(s.updateRatio());
    }

    /**
     * Room above the first row and below the last for a name taller than a row (short rows in
     * presenter mode), so the outermost names stay inside the canvas without moving onto their
     * neighbours.
     */
    private double pad() {
        if (bars.isEmpty()) return 0;
        double rh = (canvas.getHeight() - 22 * scale()) / bars.size();
        return Math.max(0, 0.6 * PlotKit.font(scale()).getSize() - rh / 2);
    }

    private double rowHeight() { return bars.isEmpty() ? 0 : (canvas.getHeight() - 22 * scale() - 2 * pad()) / bars.size(); }

    /** Row index (input side = 0) under y; rows are drawn output at the top. */
    private int rowAt(double y) {
        double rh = rowHeight();
        if (rh <= 0 || y < 0) return -1;
        int fromTop = (int) ((y - pad()) / rh);
        if (y < pad()) return -1;
        return fromTop >= bars.size() ? -1 : bars.size() - 1 - fromTop;
    }

    /** Left end of the bars and the row font of the last full drawing (x 0: none on the canvas). */
    private double drawnX0;
    private Font drawnFont;

    @Override
    protected void redraw() {
        drawnX0 = 0;
        GraphicsContext g = cleared();
        double w = canvas.getWidth(), h = canvas.getHeight(), s = scale();
        if (bars.isEmpty() || w < 60 || h < 60) return;
        // Rows as short as the window allows: the labels shrink with them rather than overlap.
        Font base = PlotKit.font(s);
        // Names and values keep a readable size; where rows are shorter than the text, only every
        // second (third, …) row is named, counted from the output at the top.
        Font font = base;
        double labelW = 8 * s;
        for (Bar b : bars) labelW = Math.max(labelW, textWidth(b.id(), font) + 10 * s);
        double x0 = labelW, x1 = w - 62 * s, rh = rowHeight();
        double decades = Math.log10(hi / lo);
        // Decade labels along the bottom, as many as fit side by side: every one, every second, …
        g.setFill(muted());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setFont(base);
        for (int d = 0; d <= decades; d += decadeStep(x0, x1, base)) {
            g.fillText(Sci.decade((int) Math.round(Math.log10(lo)) + d), x0 + d / decades * (x1 - x0), h - 18 * s);
        }
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (int i = 0; i < bars.size(); i++) {
            double y = pad() + (bars.size() - 1 - i) * rh;
            if (i == hovered) {
                g.setFill(highlight());
                g.fillRect(0, y, w, rh);
            }
            if (!named(i, font)) continue;
            g.setFill(ink());
            g.fillText(bars.get(i).id(), x0 - 6 * s, y + rh / 2);
        }
        drawBars(g, x0, font);
        drawnX0 = x0;
        drawnFont = font;
    }

    /** Whether row {@code i} (input side 0) carries its name and value: every row when they fit, else every k-th from the top. */
    private boolean named(int i, Font font) {
        int every = Math.max(1, (int) Math.ceil(1.25 * font.getSize() / rowHeight()));
        return (bars.size() - 1 - i) % every == 0;
    }

    private int decadeStep(double x0, double x1, Font base) {
        double room = (x1 - x0) / Math.max(1, Math.log10(hi / lo)), label = textWidth("10⁻⁰⁰", base) + 4 * scale();
        return Math.max(1, (int) Math.ceil(label / room));
    }

    /** The decade grid, the bars and their values: everything right of {@code x0} that a step changes. */
    private void drawBars(GraphicsContext g, double x0, Font font) {
        double w = canvas.getWidth(), h = canvas.getHeight(), s = scale();
        double x1 = w - 62 * s, rh = rowHeight(), decades = Math.log10(hi / lo);
        g.setFill(track());
        // One-pixel rectangles rather than strokes: the same lines, without the anti-aliasing rasteriser.
        for (int d = 0; d <= decades; d += decadeStep(x0, x1, PlotKit.font(s))) g.fillRect(Math.floor(x0 + d / decades * (x1 - x0)), 0, 1, h - 20 * s);
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i < bars.size(); i++) {
            int fromTop = bars.size() - 1 - i;
            double y = pad() + fromTop * rh, bh = Math.max(2, rh * 0.62);
            double v = bars.get(i).stats().gradNorm();
            double frac = v > 0 ? Math.max(0, Math.min(1, Math.log10(v / lo) / decades)) : 0;
            g.setFill(Palette.NEGATIVE);
            g.fillRect(x0, y + (rh - bh) / 2, frac * (x1 - x0), bh);
            if (!named(i, font) && i != hovered) continue;
            g.setFill(ink());
            g.fillText(Sci.format(v), x0 + frac * (x1 - x0) + 4 * s, y + rh / 2);
        }
    }
}
