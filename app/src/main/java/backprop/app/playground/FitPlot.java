package backprop.app.playground;

import backprop.app.draw.CanvasPane;
import backprop.app.draw.PlotKit;
import backprop.app.theme.Palette;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A regression's predicted-against-true plot: a dot per point (true target across, the network's
 * answer up), coloured by the target on the blue–orange scale, and the diagonal where a perfect
 * fit would put every dot. The numbers are the frame's {@link PlaygroundFrame.Fit}; nothing is
 * computed here but where to draw.
 */
final class FitPlot extends CanvasPane {
    private PlaygroundFrame.Fit fit;

    FitPlot() {
        setId("pg-fit");
        setMinSize(120, 120);
        setPrefSize(220, 200);
    }

    /** Presenter mode: room for the larger text. */
    @Override
    public void setScale(double s) {
        setPrefSize(220 * s, 160 * s);
        super.setScale(s);
    }

    void show(PlaygroundFrame f) {
        PlaygroundFrame.Fit next = f == null ? null : f.fit();
        setVisible(next != null);
        setManaged(next != null);
        if (next == fit) return;
        fit = next;
        redraw();
    }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        if (fit == null) return;
        double w = canvas.getWidth(), h = canvas.getHeight(), s = scale();
        Font font = PlotKit.font(s);
        double fs = font.getSize();
        // The same range on both axes, so the diagonal is at 45° and a good fit reads as a line.
        double lo = -fit.range(), hi = fit.range();
        for (float p : fit.predicted()) { lo = Math.min(lo, p); hi = Math.max(hi, p); }
        double pad = (hi - lo) * 0.05;
        lo -= pad;
        hi += pad;
        String which = (fit.test() ? "test" : "training") + " points · MSE " + PlotKit.fixed(fit.mse(), 4);
        String title = PlotKit.fitting(w, font, "ŷ against y, " + which, which);
        double left = 3.2 * fs, top = 1.6 * fs, bottom = 2.6 * fs, right = 0.6 * fs;
        double size = Math.min(w - left - right, h - top - bottom);
        if (size < 30) return;
        double x0 = left, y0 = top;
        g.setFont(font);
        g.setFill(muted());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, 0, 0);
        g.setStroke(border());
        g.setLineWidth(lineScale());
        g.strokeRect(x0, y0, size, size);
        double step = PlotKit.niceStep(hi - lo, 2.5);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (double v : PlotKit.ticks(lo, hi, step)) g.fillText(PlotKit.tick(v), x0 + (v - lo) / (hi - lo) * size, y0 + size + 0.2 * fs);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v : PlotKit.ticks(lo, hi, step)) g.fillText(PlotKit.tick(v), x0 - 0.3 * fs, y0 + size - (v - lo) / (hi - lo) * size);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText("true y", x0 + size / 2, y0 + size + 1.3 * fs);
        g.setStroke(muted());
        g.setLineDashes(4 * s, 4 * s);
        g.strokeLine(x0, y0 + size, x0 + size, y0);
        g.setLineDashes();
        double r = 2.6 * s;
        g.setStroke(ink());
        g.setLineWidth(0.6 * s);
        for (int i = 0; i < fit.truth().length; i++) {
            double x = x0 + (fit.truth()[i] - lo) / (hi - lo) * size, y = y0 + size - (fit.predicted()[i] - lo) / (hi - lo) * size;
            g.setFill(Palette.diverging(fit.truth()[i], fit.range()));
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        }
    }
}
