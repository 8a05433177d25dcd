package backprop.app.cnn;

import backprop.app.draw.CanvasPane;
import backprop.app.math.Num;
import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * One pooling window in numbers: the channel it reads with the window on it, the pooled map with
 * the current position, the window's values with the one that won (max pooling) ringed, and the
 * traced result. Clicking either map moves the window.
 */
final class PoolPanel extends CanvasPane {
    private PoolExplanation e;
    private IntConsumer onPosition = p -> { };
    private double inX, inY, inCell, outX, outY, outCell;

    PoolPanel() {
        setMinSize(260, 220);
        setPrefSize(420, 330);
        addEventHandler(MouseEvent.MOUSE_CLICKED, ev -> click(ev.getX(), ev.getY()));
    }

    void show(PoolExplanation explanation) {
        e = explanation;
        redraw();
    }

    void onPosition(IntConsumer action) { onPosition = action; }

    private void click(double x, double y) {
        if (e == null) return;
        int n = e.outSide();
        if (x >= outX && y >= outY && x < outX + n * outCell && y < outY + n * outCell) {
            onPosition.accept((int) ((y - outY) / outCell) * n + (int) ((x - outX) / outCell));
        } else if (x >= inX && y >= inY && x < inX + e.side() * inCell && y < inY + e.side() * inCell) {
            int r = Math.min(n - 1, (int) ((y - inY) / inCell) / e.stride()), c = Math.min(n - 1, (int) ((x - inX) / inCell) / e.stride());
            onPosition.accept(r * n + c);
        }
    }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        if (e == null) return;
        double w = getWidth(), h = getHeight();
        double s = Math.max(0.7, Math.min(scale(), w / 420));
        Font f = Font.font("System", 11 * s), bold = Font.font("System", FontWeight.BOLD, 11.5 * s);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        double below = 12 * s + 16 * s + e.size() * 22 * s + 44 * s;
        double mapsH = Math.max(60, Math.min(h - below, (w - 24 * s) / 2 + 16 * s));
        inCell = Math.max(1, Math.floor((mapsH - 16 * s) / e.side()));
        inX = 0;
        inY = 16 * s;
        String inTitle = "its input, channel " + (e.channel() + 1);
        g.setFont(bold);
        g.setFill(ink());
        g.fillText(inTitle, 0, 0);
        float inRange = 0, outRange = 0;
        for (float v : e.input()) inRange = Math.max(inRange, Math.abs(v));
        for (float v : e.output()) outRange = Math.max(outRange, Math.abs(v));
        Tiles.paint(g, e.input(), e.side(), e.side(), inRange, inX, inY, e.side() * inCell, e.side() * inCell);
        g.setStroke(border());
        g.setLineWidth(1);
        g.strokeRect(inX, inY, e.side() * inCell, e.side() * inCell);
        g.setStroke(accent());
        g.setLineWidth(2 * lineScale());
        g.strokeRect(inX + e.col() * e.stride() * inCell, inY + e.row() * e.stride() * inCell, e.size() * inCell, e.size() * inCell);

        int n = e.outSide();
        outX = Math.max(inX + e.side() * inCell + 24 * s, textWidth(inTitle, bold) + 16 * s);
        outY = inY;
        outCell = Math.max(1, Math.floor(Math.min(mapsH - 16 * s, w - outX) / n));
        g.setFill(ink());
        g.setFont(bold);
        g.fillText(e.layer() + ", " + n + "×" + n, outX, 0);
        Tiles.paint(g, e.output(), n, n, outRange, outX, outY, n * outCell, n * outCell);
        g.setStroke(border());
        g.setLineWidth(1);
        g.strokeRect(outX, outY, n * outCell, n * outCell);
        g.setStroke(accent());
        g.setLineWidth(2 * lineScale());
        g.strokeRect(outX + e.col() * outCell - 1, outY + e.row() * outCell - 1, outCell + 2, outCell + 2);

        double top = inY + Math.max(e.side() * inCell, n * outCell) + 12 * s;
        boolean max = "maxpool".equals(e.type());
        g.setFont(bold);
        g.setFill(ink());
        g.fillText("the window's values", 0, top);
        double cell = 66 * s, rowH = 22 * s;
        g.setFont(f);
        for (int r = 0; r < e.size(); r++) {
            for (int c = 0; c < e.size(); c++) {
                float v = e.window()[r * e.size() + c];
                double x = c * cell, y = top + 18 * s + r * rowH;
                boolean winner = max && v == e.result();
                if (winner) {
                    g.setStroke(accent());
                    g.setLineWidth(1.5 * lineScale());
                    g.strokeRoundRect(x + 2, y - 2, cell - 6, rowH - 2, 6, 6);
                }
                g.setFill(winner ? ink() : muted());
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(Num.fmt(v), x + cell - 10, y + 1);
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(bold);
        g.setFill(ink());
        double ly = top + 26 * s + e.size() * rowH;
        g.fillText((max ? "max" : "mean") + " = " + Num.fmt(e.result()) + "  →  " + e.layer() + " at row " + e.row() + ", col " + e.col(), 0, ly);
        g.setFont(f);
        g.setFill(muted());
        int winners = 0;
        for (float v : e.window()) if (v == e.result()) winners++;
        String note = !max ? "Each value gets a 1/" + e.size() * e.size() + " share of the gradient back."
                : winners == 1 ? "Only the ringed value gets a gradient back; the others get 0."
                : "A tie: the gradient goes back to one of the ringed values only.";
        g.fillText(note, 0, ly + 18 * s);
    }
}
