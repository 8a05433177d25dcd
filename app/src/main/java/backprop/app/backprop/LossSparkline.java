package backprop.app.backprop;

import backprop.app.draw.CanvasPane;
import backprop.app.theme.Styles;
import backprop.engine.trace.StepTrace;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;

/**
 * The loss R of every recorded training step as a small line, with the step on screen marked:
 * at a glance, where in training the class is looking and whether R went down.
 */
final class LossSparkline extends CanvasPane {
    private List<StepTrace> history = List.of();
    private int selected = -1;

    LossSparkline() {
        getStyleClass().add(Styles.LOSS_SPARKLINE);
        setPrefSize(170, 30);
        setMinSize(80, 24);
        setMaxHeight(30);
    }

    void show(List<StepTrace> history, int selected) {
        this.history = List.copyOf(history);
        this.selected = selected;
        redraw();
    }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        double w = canvas.getWidth(), h = canvas.getHeight();
        if (history.isEmpty() || w < 10) return;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (StepTrace t : history) {
            lo = Math.min(lo, t.loss());
            hi = Math.max(hi, t.loss());
        }
        double span = hi - lo < 1e-12 ? 1 : hi - lo, pad = 4;
        int n = history.size();
        g.setStroke(muted());
        g.setLineWidth(1.5 * scale());
        g.beginPath();
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? w / 2 : pad + i * (w - 2 * pad) / (n - 1);
            double y = pad + (hi - history.get(i).loss()) / span * (h - 2 * pad);
            if (i == 0) g.moveTo(x, y);
            else g.lineTo(x, y);
        }
        g.stroke();
        if (selected >= 0 && selected < n) {
            double x = n == 1 ? w / 2 : pad + selected * (w - 2 * pad) / (n - 1);
            double y = pad + (hi - history.get(selected).loss()) / span * (h - 2 * pad);
            double r = 4 * scale();
            g.setFill(accent());
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
        }
    }
}
