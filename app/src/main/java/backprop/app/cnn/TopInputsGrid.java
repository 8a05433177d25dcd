package backprop.app.cnn;

import backprop.app.draw.CanvasPane;
import backprop.app.math.Num;
import backprop.engine.layers.conv.ConvArithmetic;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The held-out digits that excite one filter most, three to a row, largest first: each digit as
 * the network sees it, the window of its strongest unit outlined, and that unit's value under it.
 * Draws what {@link TopInputs} holds; ranks and computes nothing.
 */
final class TopInputsGrid extends CanvasPane {
    static final int COLUMNS = 3;
    private TopInputs top;
    private List<float[]> images = List.of();
    private int rows = 28, cols = 28;

    TopInputsGrid() {
        setMinSize(150, 150);
        setPrefSize(240, 260);
    }

    /** {@code images}: the digits of {@code top.hits()}, in the same order, row by row in [0, 1]. */
    void show(TopInputs top, List<float[]> images, int rows, int cols) {
        this.top = top;
        this.images = List.copyOf(images);
        this.rows = rows;
        this.cols = cols;
        redraw();
    }

    TopInputs shown() { return top; }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        if (top == null || top.hits().isEmpty()) return;
        int n = top.hits().size(), gridRows = (n + COLUMNS - 1) / COLUMNS;
        double s = scale(), textH = 26 * s; // two short lines fit under any cell width; one long one did not
        double cellW = getWidth() / COLUMNS, cellH = getHeight() / gridRows;
        double px = Math.max(1, Math.floor(Math.min((cellW - 6) / cols, (cellH - textH - 6) / rows)));
        Font f = Font.font("System", 10.5 * s);
        g.setFont(f);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        Color ink = ink();
        for (int i = 0; i < n; i++) {
            double x0 = Math.floor((i % COLUMNS) * cellW + (cellW - px * cols) / 2), y0 = Math.floor((i / COLUMNS) * cellH + 2);
            g.setFill(box());
            g.fillRect(x0, y0, px * cols, px * rows);
            float[] img = images.get(i);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    float v = img[r * cols + c];
                    if (v <= 0) continue;
                    g.setFill(Color.color(ink.getRed(), ink.getGreen(), ink.getBlue(), Math.min(1, v)));
                    g.fillRect(x0 + c * px, y0 + r * px, px, px);
                }
            }
            ConvArithmetic.Region w = top.windows().get(i);
            g.setStroke(accent());
            g.setLineWidth(2 * lineScale());
            g.strokeRect(x0 + w.left() * px, y0 + w.top() * px, (w.right() - w.left() + 1) * px, (w.bottom() - w.top() + 1) * px);
            double mid = x0 + px * cols / 2, below = y0 + px * rows + 1;
            g.setFill(i == 0 ? ink : muted());
            g.fillText(Num.fmt(top.hits().get(i).value()), mid, below);
            g.setFill(muted());
            g.fillText(String.format(java.util.Locale.ROOT, "#%,d", top.hits().get(i).sample() + 1), mid, below + 12 * s);
        }
    }
}
