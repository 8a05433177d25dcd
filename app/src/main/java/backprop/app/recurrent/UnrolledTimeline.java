package backprop.app.recurrent;

import backprop.app.draw.CanvasPane;
import backprop.app.theme.Palette;
import backprop.app.theme.Styles;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The network unrolled over the sequence: one column per time step, headed by its input bit,
 * holding a strip per quantity (f, i, o, c̃, c, h for an LSTM) with one small coloured cell per
 * unit, from the engine's trace. The selected step's column and the selected unit's row are
 * outlined; clicking a cell selects its step and unit.
 */
final class UnrolledTimeline extends CanvasPane {
    private Unrolled data;
    private BiConsumer<Integer, Integer> onPick = (t, j) -> { };
    /** Geometry of the last drawing, for clicks. */
    private double x0, colW, y0, cellH;
    /** The value each drawn cell was coloured by ("f@3@1" → value), for tests. */
    private final Map<String, Float> shown = new HashMap<>();

    UnrolledTimeline() {
        getStyleClass().add(Styles.REC_TIMELINE);
        setMinSize(300, 130);
        setPrefSize(900, 190);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> pick(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> tip.setText(readout(e.getX(), e.getY())));
        javafx.scene.control.Tooltip.install(this, tip);
    }

    private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();

    /** "t = 4 · unit 2 · f 0.603 · i 0.120 · …": every quantity of the cell under the pointer, from the trace. */
    String readout(double x, double y) {
        if (data == null || colW <= 0) return "";
        int t = (int) Math.floor((x - x0) / colW), j = (int) Math.floor((y - y0) / cellH);
        if (t < 0 || t >= data.steps() || j < 0 || j >= data.units()) return "Click a cell to show its step and unit in the diagram.";
        StringBuilder b = new StringBuilder("t = " + (t + 1) + " · unit " + (j + 1) + " · x = " + Math.round(data.x()[t]));
        for (String k : data.keys()) b.append(" · ").append(symbol(k)).append(" ").append(RecurrentText.num(data.value(k, t, j)));
        return b.toString();
    }

    void setOnPick(BiConsumer<Integer, Integer> c) { onPick = c; }

    void show(Unrolled u) {
        data = u;
        redraw();
    }

    /** The value the cell of {@code key} at step t, unit j was drawn with; null if not drawn. */
    Float shownValue(String key, int t, int j) { return shown.get(key + "@" + t + "@" + j); }

    /** The centre of step t's column at unit j's row, as last drawn (tests click there). */
    javafx.geometry.Point2D cellCentre(int t, int j) {
        return new javafx.geometry.Point2D(x0 + (t + 0.5) * colW, y0 + (j + 0.5) * cellH);
    }

    private void pick(double x, double y) {
        if (data == null || colW <= 0) return;
        int t = (int) Math.floor((x - x0) / colW);
        if (t < 0 || t >= data.steps()) return;
        int j = (int) Math.floor((y - y0) / cellH);
        onPick.accept(t, j >= 0 && j < data.units() ? j : data.unit());
    }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        shown.clear();
        double w = canvas.getWidth(), h = canvas.getHeight();
        if (data == null || w < 60 || h < 60) return;
        double s = scale(), fs = Math.max(10, Math.min(13, w / 90)) * s;
        int steps = data.steps(), units = data.units(), k = data.keys().size();
        double gutter = fs * 4.2, header = fs * 3.0, footer = fs * 1.6;
        x0 = gutter;
        colW = (w - gutter - fs * 0.5) / steps;
        y0 = header;
        cellH = Math.max(2, (h - header - footer) / units);
        double gap = Math.max(2, colW * 0.08), stripW = (colW - gap * 2) / k;

        // the selected step's column
        g.setFill(highlight());
        g.fillRoundRect(x0 + data.t() * colW, 0, colW, h, fs * 0.6, fs * 0.6);

        text(g, "input", gutter - fs * 0.5, fs * 0.85, fs * 0.85, muted(), TextAlignment.RIGHT, FontWeight.NORMAL);
        text(g, "unit", gutter - fs * 0.5, fs * 2.2, fs * 0.85, muted(), TextAlignment.RIGHT, FontWeight.NORMAL);
        for (int j = 0; j < units; j++) {
            if (cellH >= fs * 0.9 || j == data.unit()) {
                text(g, Integer.toString(j + 1), gutter - fs * 0.5, y0 + (j + 0.5) * cellH + (cellH < fs * 0.9 ? 0 : 0), fs * 0.8,
                        j == data.unit() ? accent() : muted(), TextAlignment.RIGHT, j == data.unit() ? FontWeight.BOLD : FontWeight.NORMAL);
            }
        }
        for (int t = 0; t < steps; t++) {
            double cx = x0 + t * colW;
            float bit = data.x()[t];
            Color bitColor = bit >= 0.5f ? Palette.CLASS_1 : Palette.CLASS_0;
            g.setFill(bitColor.deriveColor(0, 1, 1, t == 0 ? 0.9 : 0.22));
            double bw = Math.min(colW - gap * 2, fs * 2.2);
            g.fillRoundRect(cx + colW / 2 - bw / 2, fs * 0.15, bw, fs * 1.4, fs * 0.4, fs * 0.4);
            text(g, Long.toString(Math.round(bit)), cx + colW / 2, fs * 0.85, fs, t == 0 ? Color.WHITE : ink(), TextAlignment.CENTER, FontWeight.BOLD);
            text(g, "t=" + (t + 1), cx + colW / 2, fs * 2.2, fs * 0.78, t == data.t() ? accent() : muted(), TextAlignment.CENTER,
                    t == data.t() ? FontWeight.BOLD : FontWeight.NORMAL);
            for (int q = 0; q < k; q++) {
                String key = data.keys().get(q);
                double sx = cx + gap + q * stripW;
                for (int j = 0; j < units; j++) {
                    float v = data.values()[q][t][j];
                    g.setFill(Palette.diverging(v, 1));
                    g.fillRect(sx + 0.5, y0 + j * cellH + 0.5, Math.max(1, stripW - 1), Math.max(1, cellH - 1));
                    shown.put(key + "@" + t + "@" + j, v);
                }
                boolean labels = stripW >= fs * 0.75 || t == data.t();
                if (labels) {
                    boolean forced = data.forced().contains(key);
                    text(g, symbol(key), sx + stripW / 2, h - footer / 2, fs * (stripW >= fs * 0.75 ? 0.8 : 0.7), forced ? accent() : muted(),
                            TextAlignment.CENTER, forced ? FontWeight.BOLD : FontWeight.NORMAL);
                }
            }
        }
        // the selected unit's row, across every step
        g.setStroke(accent());
        g.setLineWidth(1.6 * s * lineScale());
        g.strokeRect(x0 + 1, y0 + data.unit() * cellH, steps * colW - 2, cellH);
        g.setLineWidth(2 * s * lineScale());
        g.strokeRoundRect(x0 + data.t() * colW, 0.5, colW, h - 1, fs * 0.6, fs * 0.6);
    }

    static String symbol(String key) {
        return switch (key) {
            case "c_tilde" -> "c̃";
            case "h_tilde" -> "h̃";
            default -> key;
        };
    }

    private static void text(GraphicsContext g, String s, double x, double y, double size, Color c, TextAlignment align, FontWeight weight) {
        g.setFont(Font.font("System", weight, size));
        g.setFill(c);
        g.setTextAlign(align);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(s, x, y);
    }
}
