package backprop.app.cnn;

import backprop.app.draw.CanvasPane;
import backprop.app.math.Num;
import java.util.function.BiConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The held-out confusion matrix: a row per true digit, a column per answer, each cell's count
 * written in it and shaded by the share of its row (right answers in the accent on the diagonal,
 * mistakes in the ink). Clicking a cell shows a digit with that mistake.
 */
final class ConfusionMatrix extends CanvasPane {
    private Confusion c;
    private BiConsumer<Integer, Integer> onCell = (t, p) -> { };
    private double x0, y0, cell;

    ConfusionMatrix() {
        setMinSize(160, 160);
        setPrefSize(240, 250);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (c == null || cell <= 0) return;
            int col = (int) Math.floor((e.getX() - x0) / cell), row = (int) Math.floor((e.getY() - y0) / cell);
            if (row >= 0 && row < 10 && col >= 0 && col < 10 && c.counts()[row][col] > 0) onCell.accept(row, col);
        });
    }

    void show(Confusion confusion) {
        c = confusion;
        redraw();
    }

    void onCell(BiConsumer<Integer, Integer> action) { onCell = action; }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        double w = getWidth(), h = getHeight();
        double s = Math.max(0.7, Math.min(scale(), Math.min(w, h) / 240));
        Font f = Font.font("System", 9.5 * s), bold = Font.font("System", FontWeight.BOLD, 10.5 * s);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        if (c == null) {
            g.setFill(muted());
            g.setFont(f);
            g.fillText("Measuring the 2,000 held-out digits…", 4, 12 * s);
            return;
        }
        double head = 30 * s, side = 26 * s;
        cell = Math.floor(Math.min((w - side) / 10, (h - head - 14 * s) / 10));
        x0 = side;
        y0 = head;
        g.setFont(bold);
        g.setFill(ink());
        g.fillText(c.correct() + " of " + c.total() + " right (" + Num.percent((double) c.correct() / c.total()) + ")", 0, 8 * s);
        g.setFont(f);
        g.setFill(muted());
        g.fillText("rows: true digit · columns: answer", 0, 21 * s);
        Color ink = ink(), accent = accent();
        for (int t = 0; t < 10; t++) {
            int rowTotal = 0;
            for (int p = 0; p < 10; p++) rowTotal += c.counts()[t][p];
            g.setTextAlign(TextAlignment.CENTER);
            g.setFill(muted());
            g.fillText(Integer.toString(t), side / 2, y0 + (t + 0.5) * cell);
            g.fillText(Integer.toString(t), x0 + (t + 0.5) * cell, y0 + 10 * cell + 7 * s);
            for (int p = 0; p < 10; p++) {
                int n = c.counts()[t][p];
                double share = rowTotal == 0 ? 0 : (double) n / rowTotal;
                Color base = t == p ? accent : ink;
                // A single mistake still shows: shares are lifted so 1 of 200 is visible.
                double alpha = n == 0 ? 0 : t == p ? 0.15 + 0.85 * share : Math.min(1, 0.12 + Math.sqrt(share) * 1.4);
                g.setFill(Color.color(base.getRed(), base.getGreen(), base.getBlue(), alpha));
                g.fillRect(x0 + p * cell + 0.5, y0 + t * cell + 0.5, cell - 1, cell - 1);
                if (n > 0 && cell >= 14 * s) {
                    g.setFill(alpha > 0.55 ? box() : ink());
                    g.fillText(Integer.toString(n), x0 + (p + 0.5) * cell, y0 + (t + 0.5) * cell);
                }
            }
        }
        g.setStroke(border());
        g.setLineWidth(1);
        g.strokeRect(x0, y0, 10 * cell, 10 * cell);
    }
}
