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
        bars = List.copyOf(out);
        lo = Math.pow(10, Math.floor(Math.log10(range[0])));
        hi = Math.pow(10, Math.ceil(Math.log10(range[1])));
        if (hi <= lo) hi = lo * 10;
        redraw();
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

    private double rowHeight() { return bars.isEmpty() ? 0 : (canvas.getHeight() - 22 * scale()) / bars.size(); }

    /** Row index (input side = 0) under y; rows are drawn output at the top. */
    private int rowAt(double y) {
        double rh = rowHeight();
        if (rh <= 0 || y < 0) return -1;
        int fromTop = (int) (y / rh);
        return fromTop >= bars.size() ? -1 : bars.size() - 1 - fromTop;
    }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        double w = canvas.getWidth(), h = canvas.getHeight(), s = scale();
        if (bars.isEmpty() || w < 60 || h < 60) return;
        // Rows as short as the window allows: the labels shrink with them rather than overlap.
        Font base = PlotKit.font(s);
        Font font = Font.font(base.getFamily(), Math.min(base.getSize(), Math.max(7, 0.8 * rowHeight())));
        g.setFont(font);
        double labelW = 8 * s, valueW = 62 * s;
        for (Bar b : bars) labelW = Math.max(labelW, textWidth(b.id(), font) + 10 * s);
        double x0 = labelW, x1 = w - valueW, rh = rowHeight();
        double decades = Math.log10(hi / lo);
        // Decade grid lines and labels along the bottom.
        g.setStroke(track());
        g.setLineWidth(1);
        g.setFill(muted());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        // As many decade labels as fit side by side: every one, every second, …
        double room = (x1 - x0) / Math.max(1, decades), label = textWidth("10⁻⁰⁰", base) + 4 * s;
        int step = Math.max(1, (int) Math.ceil(label / room));
        for (int d = 0; d <= decades; d += step) {
            double x = x0 + d / decades * (x1 - x0);
            g.strokeLine(x, 0, x, h - 20 * s);
            g.setFont(base);
            g.fillText(Sci.decade((int) Math.round(Math.log10(lo)) + d), x, h - 18 * s);
            g.setFont(font);
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int fromTop = bars.size() - 1 - i;
            double y = fromTop * rh, bh = Math.max(2, rh * 0.62);
            double v = b.stats().gradNorm();
            double frac = v > 0 ? Math.max(0, Math.min(1, Math.log10(v / lo) / decades)) : 0;
            if (i == hovered) {
                g.setFill(highlight());
                g.fillRect(0, y, w, rh);
            }
            g.setFill(Palette.NEGATIVE);
            g.fillRect(x0, y + (rh - bh) / 2, frac * (x1 - x0), bh);
            g.setFill(ink());
            g.setTextBaseline(VPos.CENTER);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(b.id(), x0 - 6 * s, y + rh / 2);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(Sci.format(v), x0 + frac * (x1 - x0) + 4 * s, y + rh / 2);
        }
    }
}
