package backprop.app.recurrent;

import backprop.app.draw.CanvasPane;
import backprop.app.theme.Palette;
import backprop.app.theme.Styles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * One recurrent cell drawn in the manner of the well-known LSTM illustrations: the state line
 * across the top, the gates in a row, h_{t−1} and x_t coming in from below and the left, h_t
 * leaving to the right and upwards. Every box and state carries the value of the selected
 * step and unit from {@link CellReadout}; pointing at a part highlights it and the view shows
 * its equation. The GRU and the vanilla RNN get drawings of their own in the same style.
 */
final class CellDiagram extends CanvasPane {
    private CellReadout readout;
    private String selected, hovered;
    private Consumer<String> onHover = p -> { }, onSelect = p -> { };
    /** What was drawn, for pointing and for tests: part → its boxes, part → its text. */
    private final Map<String, List<Rectangle2D>> hits = new LinkedHashMap<>();
    private final Map<String, String> shown = new LinkedHashMap<>();
    private double fs; // base font size of the last drawing

    CellDiagram() {
        getStyleClass().add(Styles.REC_CELL_DIAGRAM);
        setMinSize(320, 220);
        setPrefSize(760, 380);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> onHover.accept(partAt(e.getX(), e.getY()).orElse(null)));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> onHover.accept(null));
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> partAt(e.getX(), e.getY()).ifPresent(onSelect));
    }

    void setOnHover(Consumer<String> c) { onHover = c; }

    void setOnSelect(Consumer<String> c) { onSelect = c; }

    void show(CellReadout r, String selected, String hovered) {
        this.readout = r;
        this.selected = selected;
        this.hovered = hovered;
        redraw();
    }

    /** The part drawn at (x, y), if any. */
    Optional<String> partAt(double x, double y) {
        for (var e : hits.entrySet()) for (Rectangle2D b : e.getValue()) if (b.contains(x, y)) return Optional.of(e.getKey());
        return Optional.empty();
    }

    /** The centre of a part's first box (tests click there). */
    Optional<Point2D> centreOf(String part) {
        List<Rectangle2D> b = hits.get(part);
        if (b == null || b.isEmpty()) return Optional.empty();
        return Optional.of(new Point2D(b.get(0).getMinX() + b.get(0).getWidth() / 2, b.get(0).getMinY() + b.get(0).getHeight() / 2));
    }

    /** The value text drawn for {@code part} ("0.603"), or null if it is not drawn. */
    String shownText(String part) { return shown.get(part); }

    /** Base font size of the last drawing (presenter-mode tests). */
    double fontSize() { return fs; }

    // ------------------------------------------------------------------ drawing

    /** The cell's frame in canvas coordinates, and the drawing's units. */
    private record Box(double x, double y, double w, double h) {
        double x(double f) { return x + f * w; }
        double y(double f) { return y + f * h; }
    }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        hits.clear();
        shown.clear();
        double w = canvas.getWidth(), h = canvas.getHeight();
        if (readout == null || w < 50 || h < 50) return;
        // Presenter mode scales the type, but never past what the drawing's height holds: the
        // cell needs about 19 lines of its base size to keep gates, lines and labels apart.
        // w / 48: neighbouring gate boxes (5 fs wide, about 0.16 of the cell apart) never overlap, even in presenter type.
        fs = Math.min(Math.max(11, Math.min(20, Math.min(w / 52, h / 24))) * scale(), Math.min(h / 19, w / 48));
        double side = Math.max(fs * 7.5, w * 0.14);
        // room above for h_t leaving upwards, below for x_t arriving (its box ends 4.2 fs under the cell)
        Box b = new Box(side, fs * 3.2, w - 2 * side, h - fs * 3.2 - fs * 4.4);
        g.setFill(box());
        g.setStroke(border());
        g.setLineWidth(1.5 * lineScale());
        g.fillRoundRect(b.x, b.y, b.w, b.h, fs * 1.6, fs * 1.6);
        g.strokeRoundRect(b.x, b.y, b.w, b.h, fs * 1.6, fs * 1.6);
        switch (readout.cell()) {
            case LSTM -> lstm(g, b);
            case GRU -> gru(g, b);
            case RNN -> rnn(g, b);
        }
    }

    private void lstm(GraphicsContext g, Box b) {
        CellReadout r = readout;
        double yc = b.y(0.17), yg = b.y(0.60), yb = b.y(0.90), ym = b.y(0.38);
        double xf = b.x(0.16), xi = b.x(0.34), xg = b.x(0.50), xo = b.x(0.68), xh = b.x(0.86), xx = b.x(0.06);
        double rad = fs * 0.95;
        // wires first, boxes over them
        wire(g, b.x - fs * 0.5, yc, canvas.getWidth() - fs * 0.5, yc, 3.2, true);      // the cell-state line
        wire(g, b.x - fs * 0.5, yb, xo, yb, 2, false);                                  // h_{t−1} bus
        wire(g, xx, b.y + b.h + fs * 2.4, xx, yb, 2, false);                            // x_t joins it
        for (double x : new double[] {xf, xi, xg, xo}) wire(g, x, yb, x, yg, 2, false);
        wire(g, xf, yg, xf, yc, 2, false);                                              // f → ⊗ on the line
        wire(g, xi, yg, xi, ym, 2, false);
        wire(g, xi, ym, xg - rad, ym, 2, false);                                        // i → ⊗ with c̃
        wire(g, xg, yg, xg, yc, 2, false);                                              // c̃ → ⊗ → ⊕
        wire(g, xh, yc, xh, yg, 2, false);                                              // c → tanh → ⊗ with o
        wire(g, xo, yg, xh - rad, yg, 2, false);                                        // o → ⊗
        wire(g, xh, yg, xh, yb, 2, false);
        wire(g, xh, yb, canvas.getWidth() - fs * 0.5, yb, 2, true);                     // h_t to the next step
        wire(g, b.x(0.94), yb, b.x(0.94), fs * 0.6, 2, true);                           // h_t up to the output
        text(g, "to the output layer", b.x(0.94) - fs * 0.7, fs * 1.2, fs * 0.8, muted(), TextAlignment.RIGHT);

        // The pointwise operations belong to the state they make: pointing at one shows that equation.
        op(g, xf, yc, rad, "×", "c");
        op(g, xg, yc, rad, "+", "c");
        op(g, xg, ym, rad, "×", "c");
        op(g, xh, yg, rad, "×", "h");
        squash(g, xh, ym, "tanh", "h");
        gateBox(g, xf, yg, "σ", "f", "f");
        gateBox(g, xi, yg, "σ", "i", "i");
        gateBox(g, xg, yg, "tanh", "c̃", "c_tilde");
        gateBox(g, xo, yg, "σ", "o", "o");

        state(g, "c_prev", "c", "t−1", b.x - fs * 0.8, yc, TextAlignment.RIGHT, r.value("c_prev"));
        state(g, "h_prev", "h", "t−1", b.x - fs * 0.8, yb, TextAlignment.RIGHT, r.value("h_prev"));
        state(g, "c", "c", "t", canvas.getWidth() - fs * 0.8, yc - fs * 1.35, TextAlignment.RIGHT, r.value("c"));
        state(g, "h", "h", "t", canvas.getWidth() - fs * 0.8, yb - fs * 1.35, TextAlignment.RIGHT, r.value("h"));
        input(g, xx, b.y + b.h + fs * 2.4, r.value("x"));
        caption(g, b, "cell state: kept by f, written through i");
    }

    private void gru(GraphicsContext g, Box b) {
        CellReadout r = readout;
        double yc = b.y(0.17), yg = b.y(0.62), yb = b.y(0.90), ym = b.y(0.38);
        double xr = b.x(0.20), xz = b.x(0.42), xm = b.x(0.58), xc = b.x(0.76), xx = b.x(0.06), xd = b.x(0.08);
        double rad = fs * 0.95;
        wire(g, b.x - fs * 0.5, yc, canvas.getWidth() - fs * 0.5, yc, 3.2, true);       // the state line h
        wire(g, xd, yc, xd, yb, 2, false);                                               // h_{t−1} down to the gates
        wire(g, xd, yb, xc, yb, 2, false);
        wire(g, xx, b.y + b.h + fs * 2.4, xx, yb, 2, false);                             // x_t joins
        wire(g, xr, yb, xr, yg, 2, false);
        wire(g, xz, yb, xz, yg, 2, false);
        wire(g, xm, yb, xm, yg, 2, false);                                               // h_{t−1} into r ∘ h
        wire(g, xc, yb, xc, yg, 2, false);                                               // x_t into h̃
        wire(g, xr, yg, xr, b.y(0.46), 2, false);
        wire(g, xr, b.y(0.46), xm, b.y(0.46), 2, false);
        wire(g, xm, b.y(0.46), xm, yg, 2, false);                                        // r → ⊗
        wire(g, xm, yg, xc, yg, 2, false);                                               // r ∘ h_{t−1} → h̃
        wire(g, xz, yg, xz, yc, 2, false);                                               // z → (1 − z) ⊗ on the line
        wire(g, xz, ym, xc - rad, ym, 2, false);                                         // z → ⊗ with h̃
        wire(g, xc, yg, xc, yc, 2, false);                                               // h̃ → ⊗ → +
        wire(g, b.x(0.94), yc, b.x(0.94), fs * 0.6, 2, true);                            // h_t up to the output
        text(g, "to the output layer", b.x(0.94) - fs * 0.7, fs * 1.2, fs * 0.8, muted(), TextAlignment.RIGHT);

        op(g, xz, yc, rad, "×", "h");
        text(g, "1−", xz - rad * 1.25, yc - rad * 1.2, fs * 0.8, muted(), TextAlignment.RIGHT);
        op(g, xc, yc, rad, "+", "h");
        op(g, xc, ym, rad, "×", "h");
        op(g, xm, yg, rad, "×", "h_tilde");
        gateBox(g, xr, yg, "σ", "r", "r");
        gateBox(g, xz, yg, "σ", "z", "z");
        gateBox(g, xc, yg, "tanh", "h̃", "h_tilde");

        state(g, "h_prev", "h", "t−1", b.x - fs * 0.8, yc, TextAlignment.RIGHT, r.value("h_prev"));
        state(g, "h", "h", "t", canvas.getWidth() - fs * 0.8, yc - fs * 1.35, TextAlignment.RIGHT, r.value("h"));
        input(g, xx, b.y + b.h + fs * 2.4, r.value("x"));
        caption(g, b, "new state = (1 − z) · old state + z · candidate");
    }

    private void rnn(GraphicsContext g, Box b) {
        CellReadout r = readout;
        double yg = b.y(0.45), yb = b.y(0.85), xa = b.x(0.5), xx = b.x(0.1);
        wire(g, b.x - fs * 0.5, yb, xa, yb, 2, false);
        wire(g, xx, b.y + b.h + fs * 2.4, xx, yb, 2, false);
        wire(g, xa, yb, xa, yg, 2, false);
        wire(g, xa, yg, canvas.getWidth() - fs * 0.5, yg, 2, true);
        wire(g, b.x(0.85), yg, b.x(0.85), fs * 0.6, 2, true);
        text(g, "to the output layer", b.x(0.85) - fs * 0.7, fs * 1.2, fs * 0.8, muted(), TextAlignment.RIGHT);
        gateBox(g, xa, yg, "tanh", "h", "h");
        text(g, "pre-activation a = " + r.text("a"), xa, b.y(0.2), fs * 0.95, muted(), TextAlignment.CENTER);
        state(g, "h_prev", "h", "t−1", b.x - fs * 0.8, yb, TextAlignment.RIGHT, r.value("h_prev"));
        state(g, "h", "h", "t", canvas.getWidth() - fs * 0.8, yg - fs * 1.35, TextAlignment.RIGHT, r.value("h"));
        input(g, xx, b.y + b.h + fs * 2.4, r.value("x"));
        caption(g, b, "one tanh, nothing else carries the past");
    }

    // ------------------------------------------------------------------ pieces

    private void wire(GraphicsContext g, double x1, double y1, double x2, double y2, double width, boolean arrow) {
        g.setStroke(width > 2.5 ? ink() : muted());
        g.setLineWidth(width * scale() * lineScale());
        g.setLineCap(StrokeLineCap.ROUND);
        g.strokeLine(x1, y1, x2, y2);
        if (!arrow) return;
        double a = Math.atan2(y2 - y1, x2 - x1), s = fs * 0.55;
        g.setFill(g.getStroke());
        g.fillPolygon(new double[] {x2, x2 - s * Math.cos(a - 0.45), x2 - s * Math.cos(a + 0.45)},
                new double[] {y2, y2 - s * Math.sin(a - 0.45), y2 - s * Math.sin(a + 0.45)}, 3);
    }

    /** A pointwise operation: a circle with × or +; part of {@code part} for pointing. */
    private void op(GraphicsContext g, double x, double y, double r, String symbol, String part) {
        boolean on = part.equals(selected) || part.equals(hovered);
        g.setFill(on ? highlight() : box());
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        g.setStroke(on ? accent() : ink());
        g.setLineWidth((on ? 2.4 : 1.6) * scale() * lineScale());
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        text(g, symbol, x, y, fs * 1.15, ink(), TextAlignment.CENTER);
        hit(part, x - r, y - r, 2 * r, 2 * r);
    }

    /** tanh applied on the way (the LSTM's tanh(c_t)): a small ellipse. */
    private void squash(GraphicsContext g, double x, double y, String label, String part) {
        double w = fs * 3.2, h = fs * 1.7;
        g.setFill(box());
        g.fillOval(x - w / 2, y - h / 2, w, h);
        g.setStroke(ink());
        g.setLineWidth(1.4 * scale() * lineScale());
        g.strokeOval(x - w / 2, y - h / 2, w, h);
        text(g, label, x, y, fs * 0.9, ink(), TextAlignment.CENTER);
        hit(part, x - w / 2, y - h / 2, w, h);
    }

    /** A gate or candidate: a box coloured by its value, its function and name above, the value inside. */
    private void gateBox(GraphicsContext g, double x, double y, String fn, String name, String key) {
        float v = readout.value(key);
        boolean on = key.equals(selected) || key.equals(hovered), forced = readout.isForced(key);
        double w = fs * 5.0, h = fs * 3.1;
        Color fill = Palette.diverging(v, 1);
        g.setFill(fill);
        g.fillRoundRect(x - w / 2, y - h / 2, w, h, fs * 0.7, fs * 0.7);
        g.setStroke(on ? accent() : border().darker());
        g.setLineWidth((on ? 3 : 1.2) * scale() * lineScale());
        if (forced) g.setLineDashes(fs * 0.4, fs * 0.3);
        g.strokeRoundRect(x - w / 2, y - h / 2, w, h, fs * 0.7, fs * 0.7);
        g.setLineDashes();
        Color ink = textOn(fill);
        text(g, name + "  ·  " + fn, x, y - h * 0.24, fs * 0.9, ink, TextAlignment.CENTER);
        String value = readout.text(key);
        text(g, value, x, y + h * 0.18, fs * 1.15, ink, TextAlignment.CENTER, FontWeight.BOLD);
        if (forced) text(g, "forced", x, y + h / 2 + fs * 0.75, fs * 0.8, accent(), TextAlignment.CENTER);
        shown.put(key, value);
        hit(key, x - w / 2, y - h / 2, w, h);
    }

    /** A state entering or leaving: "c_{t−1} = 0.120" beside the line's end. */
    private void state(GraphicsContext g, String part, String name, String sub, double x, double y, TextAlignment align, float v) {
        boolean on = part.equals(selected) || part.equals(hovered);
        String value = RecurrentText.num(v);
        Font nameFont = Font.font("System", FontWeight.BOLD, fs * 1.05), subFont = Font.font("System", fs * 0.75), valueFont = Font.font("System", fs);
        double nw = textWidth(name, nameFont), sw = textWidth(sub, subFont), vw = textWidth(" = " + value, valueFont);
        // A narrow canvas (beside the lesson panel) leaves less room left of the cell than the label needs: keep it on the canvas.
        double total = nw + sw + vw, left = Math.max(fs * 0.3, align == TextAlignment.RIGHT ? x - total : x);
        double top = y - fs * 1.25, height = fs * 1.0;
        if (on) {
            g.setFill(highlight());
            g.fillRoundRect(left - fs * 0.3, top - height * 0.6, total + fs * 0.6, height * 1.25, fs * 0.5, fs * 0.5);
        }
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(on ? accent() : ink());
        g.setFont(nameFont);
        g.fillText(name, left, top);
        g.setFont(subFont);
        g.fillText(sub, left + nw, top + fs * 0.35);
        g.setFont(valueFont);
        g.setFill(Palette.diverging(v, 1).darker().interpolate(ink(), 0.35));
        g.fillText(" = " + value, left + nw + sw, top);
        shown.put(part, value);
        hit(part, left - fs * 0.3, top - height * 0.6, total + fs * 0.6, height * 1.25);
    }

    /** x_t arriving from below: the bit in a small box. */
    private void input(GraphicsContext g, double x, double y, float v) {
        boolean on = "x".equals(selected) || "x".equals(hovered);
        String value = RecurrentText.num(v), bit = " = " + Math.round(v);
        Font nameFont = Font.font("System", FontWeight.BOLD, fs), subFont = Font.font("System", fs * 0.75);
        double nw = textWidth("x", nameFont), sw = textWidth("t", subFont), vw = textWidth(bit, nameFont);
        double w = nw + sw + vw + fs, h = fs * 1.6;
        Color bitColor = v >= 0.5f ? Palette.CLASS_1 : Palette.CLASS_0;
        g.setFill(on ? highlight() : bitColor.deriveColor(0, 1, 1, 0.18));
        g.fillRoundRect(x - w / 2, y, w, h, fs * 0.5, fs * 0.5);
        g.setStroke(on ? accent() : bitColor);
        g.setLineWidth(1.4 * scale() * lineScale());
        g.strokeRoundRect(x - w / 2, y, w, h, fs * 0.5, fs * 0.5);
        double left = x - w / 2 + fs * 0.5, mid = y + h / 2;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(ink());
        g.setFont(nameFont);
        g.fillText("x", left, mid);
        g.setFont(subFont);
        g.fillText("t", left + nw, mid + fs * 0.35);
        g.setFont(nameFont);
        g.fillText(bit, left + nw + sw, mid);
        shown.put("x", value);
        hit("x", x - w / 2, y, w, h);
    }

    private void caption(GraphicsContext g, Box b, String s) {
        text(g, s, b.x + fs * 0.3, b.y - fs * 0.8, fs * 0.8, muted(), TextAlignment.LEFT);
    }

    private void text(GraphicsContext g, String s, double x, double y, double size, Color c, TextAlignment align) {
        text(g, s, x, y, size, c, align, FontWeight.NORMAL);
    }

    private void text(GraphicsContext g, String s, double x, double y, double size, Color c, TextAlignment align, FontWeight weight) {
        g.setFont(Font.font("System", weight, size));
        g.setFill(c);
        g.setTextAlign(align);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(s, x, y);
    }

    private void hit(String part, double x, double y, double w, double h) {
        hits.computeIfAbsent(part, k -> new ArrayList<>()).add(new Rectangle2D(x, y, w, h));
    }

    /** Dark text on light fills, white on dark ones. */
    static Color textOn(Color fill) {
        double lum = 0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue();
        return lum > 0.55 ? Color.web("#1d2127") : Color.WHITE;
    }
}
