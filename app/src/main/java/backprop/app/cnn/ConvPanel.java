package backprop.app.cnn;

import backprop.app.draw.CanvasPane;
import backprop.app.math.Num;
import backprop.engine.layers.conv.ConvWindow;
import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * One convolution window in numbers: the padded input with the kernel's window on it, the output
 * map with the current position, and under them the window's inputs x, the filter's weights w,
 * their products and the sum, bias, a and z. Clicking the input or the output moves the window.
 */
final class ConvPanel extends CanvasPane {
    private ConvExplanation e;
    private IntConsumer onPosition = p -> { };
    private double inX, inY, inCell, outX, outY, outCell; // where the two maps were drawn

    ConvPanel() {
        setMinSize(260, 220);
        setPrefSize(420, 330);
        addEventHandler(MouseEvent.MOUSE_CLICKED, ev -> click(ev.getX(), ev.getY()));
    }

    void show(ConvExplanation explanation) {
        e = explanation;
        redraw();
    }

    void onPosition(IntConsumer action) { onPosition = action; }

    private void click(double x, double y) {
        if (e == null || !e.fits()) return;
        int n = e.outSide();
        if (x >= outX && y >= outY && x < outX + n * outCell && y < outY + n * outCell) {
            onPosition.accept((int) ((y - outY) / outCell) * n + (int) ((x - outX) / outCell));
        } else {
            int padded = e.side() + 2 * e.padding();
            if (x < inX || y < inY || x >= inX + padded * inCell || y >= inY + padded * inCell) return;
            // The output whose window starts nearest the clicked cell.
            int r = (int) ((y - inY) / inCell) / e.stride(), c = (int) ((x - inX) / inCell) / e.stride();
            onPosition.accept(Math.min(n - 1, r) * n + Math.min(n - 1, c));
        }
    }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        if (e == null) return;
        double w = getWidth(), h = getHeight();
        double s = Math.max(0.7, Math.min(scale(), w / 420)); // presenter sizes as far as the width allows; the maps give way in height
        Font f = Font.font("System", 10.5 * s), bold = Font.font("System", FontWeight.BOLD, 11.5 * s);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        int padded = e.side() + 2 * e.padding();
        // The maps take what the numbers below leave: three K-row tables and two lines.
        double below = 12 * s + 16 * s + e.kernel() * 18 * s + 44 * s;
        double mapsH = Math.max(60, Math.min(h - below, (w - 24 * s) / 2 + 16 * s));
        inCell = Math.max(1, Math.floor((mapsH - 16 * s) / padded));
        inX = 0;
        inY = 16 * s;
        g.setFont(bold);
        g.setFill(ink());
        g.fillText("input, padded by " + e.padding(), 0, 0);
        // Padding cells: the track colour, so the zeros read as added, not as part of the digit.
        g.setFill(track());
        g.fillRect(inX, inY, padded * inCell, padded * inCell);
        Tiles.paint(g, e.input(), e.side(), e.side(), 1, inX + e.padding() * inCell, inY + e.padding() * inCell, e.side() * inCell, e.side() * inCell);
        g.setStroke(border());
        g.setLineWidth(1);
        g.strokeRect(inX, inY, padded * inCell, padded * inCell);
        if (!e.fits()) {
            g.setFill(muted());
            g.setFont(f);
            double tx = inX + padded * inCell + 16 * s;
            wrap(g, "No output: the kernel does not fit this input with this stride and padding (see the formula above).", tx, inY, w - tx);
            return;
        }
        ConvWindow cw = e.window();
        int n = e.outSide(), k = e.kernel();
        g.setStroke(accent());
        g.setLineWidth(2 * lineScale());
        g.strokeRect(inX + cw.col() * e.stride() * inCell, inY + cw.row() * e.stride() * inCell, k * inCell, k * inCell);

        outX = Math.max(inX + padded * inCell + 24 * s, textWidth("input, padded by " + e.padding(), bold) + 16 * s); // titles never overlap
        outY = inY;
        outCell = Math.max(1, Math.floor(Math.min(mapsH - 16 * s, w - outX) / n));
        g.setFill(ink());
        g.setFont(bold);
        g.fillText("a of filter " + (e.filter() + 1) + ", " + n + "×" + n, outX, 0);
        float range = 0;
        for (float v : e.output()) range = Math.max(range, Math.abs(v));
        Tiles.paint(g, e.output(), n, n, range, outX, outY, n * outCell, n * outCell);
        g.setStroke(border());
        g.setLineWidth(1);
        g.strokeRect(outX, outY, n * outCell, n * outCell);
        g.setStroke(accent());
        g.setLineWidth(2 * lineScale());
        g.strokeRect(outX + cw.col() * outCell - 1, outY + cw.row() * outCell - 1, outCell + 2, outCell + 2);

        // The three K×K tables of numbers, side by side.
        double top = inY + Math.max(padded * inCell, n * outCell) + 12 * s;
        g.setFont(f);
        double tableW = (w - 2 * 18 * s) / 3, cell = Math.min(tableW / k, 54 * s);
        double rowH = Math.min(18 * s, (h - top - 58 * s) / k);
        String[] titles = {"x (window)", "w (filter)", "x · w"};
        float[][] cols = {cw.inputs(), cw.weights(), cw.products()};
        for (int t = 0; t < 3; t++) {
            double tx = t * (tableW + 18 * s);
            g.setFont(bold);
            g.setFill(ink());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(titles[t], tx, top);
            g.setFont(f);
            g.setTextAlign(TextAlignment.RIGHT);
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < k; c++) {
                    int i = r * k + c; // channel 0: cnn-small's first layer reads one grey channel
                    g.setFill(t == 0 && cw.padded()[i] ? muted() : ink());
                    g.fillText(Num.fixed(cols[t][i], 3), tx + (c + 1) * cell - 4, top + 16 * s + r * rowH);
                }
            }
            if (t < 2) {
                g.setTextAlign(TextAlignment.CENTER);
                g.setFill(muted());
                g.setFont(bold);
                g.fillText(t == 0 ? "×" : "=", tx + tableW + 9 * s, top + 16 * s + (k - 1) * rowH / 2);
            }
        }
        double ly = top + 20 * s + k * rowH;
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(bold);
        g.setFill(ink());
        String act = e.activationName();
        g.fillText("Σ x·w = " + Num.fmt(cw.sum()) + "    + b (" + Num.fmt(cw.bias()) + ")  →  a = " + Num.fmt(cw.a()), 0, ly);
        g.fillText(act + "(a) = z = " + Num.fmt(cw.z()) + "    at row " + cw.row() + ", col " + cw.col(), 0, ly + 18 * s);
    }

    private static void wrap(GraphicsContext g, String text, double x, double y, double width) {
        StringBuilder line = new StringBuilder();
        double yy = y;
        for (String word : text.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (textWidth(next, g.getFont()) > width && line.length() > 0) {
                g.fillText(line.toString(), x, yy);
                yy += g.getFont().getSize() * 1.4;
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        g.fillText(line.toString(), x, yy);
    }
}
