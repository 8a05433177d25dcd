package backprop.app.depth;

import backprop.app.draw.CanvasPane;
import backprop.app.draw.PlotKit;
import backprop.engine.trace.Histogram;
import backprop.engine.trace.LayerStatistics;
import backprop.engine.trace.StepStatistics;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The decks' picture of batch norm's effect: each layer's activation histogram at the start,
 * the middle and the end of training so far, one row per layer (output at the top), the engine's
 * fixed bins from −2 to 2 left to right. A layer flagged as saturated or dead has its row marked.
 */
final class HistogramTriptych extends CanvasPane {

    private List<String> ids = List.of();
    private final List<int[][]> rows = new ArrayList<>(); // per layer: start, middle, now
    private final List<Boolean> flagged = new ArrayList<>();
    private long[] stepsShown = new long[3];

    HistogramTriptych() {
        setPrefSize(300, 240);
        setMinSize(160, 140);
    }

    void show(DepthFrame.Column c) {
        rows.clear();
        flagged.clear();
        List<String> names = new ArrayList<>();
        StepStatistics[] at = {c.first(), c.middle(), c.latest()};
        if (c.latest() != null) {
            for (int k : c.activated()) {
                LayerStatistics now = c.latest().layers().get(k);
                if (sum(now.histogram()) == 0) continue; // nothing finite to count
                int[][] row = new int[3][];
                for (int t = 0; t < 3; t++) row[t] = at[t].layers().get(k).histogram();
                rows.add(row);
                names.add(c.ids().get(k));
                flagged.add(k < c.latest().layers().size() - 1 && (now.saturated() > DepthFrame.SATURATED_FLAG || now.dead() > DepthFrame.DEAD_FLAG));
            }
            for (int t = 0; t < 3; t++) stepsShown[t] = at[t].step() + 1;
        }
        ids = List.copyOf(names);
        redraw();
    }

    /** Layer ids drawn, input side first. */
    List<String> ids() { return ids; }

    /** The histogram drawn for layer row {@code i} (input side first) at {@code t} = 0 start, 1 middle, 2 now. */
    int[] histogram(int i, int t) { return rows.get(i)[t].clone(); }

    private static int sum(int[] h) {
        int s = 0;
        for (int v : h) s += v;
        return s;
    }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        double w = canvas.getWidth(), h = canvas.getHeight(), s = scale();
        if (rows.isEmpty() || w < 80 || h < 60) return;
        javafx.scene.text.Font base = PlotKit.font(s);
        double head = 18 * s, gap = 6 * s, rh = (h - head) / rows.size();
        // Rows as short as the window allows: the labels shrink with them rather than overlap.
        javafx.scene.text.Font font = javafx.scene.text.Font.font(base.getFamily(), Math.min(base.getSize(), Math.max(7, 0.85 * rh)));
        double labelW = 8 * s;
        for (int i = 0; i < ids.size(); i++) labelW = Math.max(labelW, textWidth((flagged.get(i) ? "⚠ " : "") + ids.get(i), font) + 10 * s);
        double cw = (w - labelW - 2 * gap) / 3;
        g.setFont(base);
        g.setFill(muted());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int t = 0; t < 3; t++) g.fillText("step " + stepsShown[t], labelW + t * (cw + gap) + cw / 2, 0);
        g.setFont(font);
        for (int i = 0; i < rows.size(); i++) {
            double y = head + (rows.size() - 1 - i) * rh;
            g.setFill(flagged.get(i) ? Color.web("#d62728") : ink());
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText((flagged.get(i) ? "⚠ " : "") + ids.get(i), labelW - 6 * s, y + rh / 2);
            for (int t = 0; t < 3; t++) {
                int[] hist = rows.get(i)[t];
                int max = 1;
                for (int v : hist) max = Math.max(max, v);
                double x = labelW + t * (cw + gap), bw = cw / Histogram.BINS;
                g.setFill(track());
                g.fillRect(x, y + 1, cw, rh - 2);
                g.setFill(accent());
                for (int b = 0; b < hist.length; b++) {
                    double bh = (rh - 3) * hist[b] / max;
                    g.fillRect(x + b * bw, y + rh - 1 - bh, Math.max(1, bw - 0.5), bh);
                }
            }
        }
    }
}
