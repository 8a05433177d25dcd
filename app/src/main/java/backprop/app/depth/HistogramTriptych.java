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

    private static final Color FLAG = Color.web("#d62728");

    private List<String> ids = List.of();
    private final List<int[][]> rows = new ArrayList<>(); // per layer: start, middle, now
    private final List<Boolean> flagged = new ArrayList<>();
    private long[] stepsShown = new long[3];

    HistogramTriptych() {
        setPrefSize(300, 240);
        setMinSize(160, 140);
    }

    void show(DepthFrame.Column c) {
        List<int[][]> nextRows = new ArrayList<>();
        List<Boolean> nextFlagged = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StepStatistics[] at = {c.first(), c.middle(), c.latest()};
        long[] nextSteps = new long[3];
        if (c.latest() != null) {
            for (int k : c.activated()) {
                LayerStatistics now = c.latest().layers().get(k);
                if (sum(now.histogram()) == 0) continue; // nothing finite to count
                int[][] row = new int[3][];
                for (int t = 0; t < 3; t++) row[t] = at[t].layers().get(k).histogram();
                nextRows.add(row);
                names.add(c.ids().get(k));
                nextFlagged.add(k < c.latest().layers().size() - 1 && (now.saturated() > DepthFrame.SATURATED_FLAG || now.dead() > DepthFrame.DEAD_FLAG));
            }
            for (int t = 0; t < 3; t++) nextSteps[t] = at[t].step() + 1;
        }
        // The start (and mostly the middle) stay as they were from one step to the next: when the
        // rows and their labels are the same, only the panels of another step are drawn again.
        boolean sameRows = drawn && names.equals(ids) && nextFlagged.equals(flagged);
        long[] before = stepsShown;
        rows.clear();
        rows.addAll(nextRows);
        flagged.clear();
        flagged.addAll(nextFlagged);
        ids = List.copyOf(names);
        stepsShown = nextSteps;
        if (!sameRows) {
            redraw();
            return;
        }
        Geometry geo = geometry();
        if (geo == null || geo.words() != drawnWords) {
            redraw();
            return;
        }
        for (int t = 0; t < 3; t++) if (before[t] != nextSteps[t]) drawPanel(canvas.getGraphicsContext2D(), geo, t, true);
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

    /** Where everything goes at the canvas's size: the header, the row height, the label column and the panels. */
    private record Geometry(double head, double gap, double rh, double labelW, double cw, javafx.scene.text.Font base, javafx.scene.text.Font font,
                            int every, boolean words) {
        double x(int t) { return labelW + t * (cw + gap); }
    }

    private Geometry geometry() {
        double w = canvas.getWidth(), h = canvas.getHeight(), s = scale();
        if (rows.isEmpty() || w < 80 || h < 60) return null;
        javafx.scene.text.Font base = PlotKit.font(s);
        double head = 18 * s, gap = 6 * s, rh = (h - head) / rows.size();
        // Rows as short as the window allows: the labels shrink with them rather than overlap.
        // Names keep a readable size; where rows are shorter than the text, only every k-th row is
        // named, counted from the output at the top (a flagged row always is).
        javafx.scene.text.Font font = base;
        int every = Math.max(1, (int) Math.ceil(1.25 * font.getSize() / rh));
        double labelW = 8 * s;
        for (int i = 0; i < ids.size(); i++) labelW = Math.max(labelW, textWidth((flagged.get(i) ? "⚠ " : "") + ids.get(i), font) + 10 * s);
        double cw = (w - labelW - 2 * gap) / 3;
        // "step 1200" over a narrow panel would run into the next one: then the numbers alone.
        boolean words = textWidth("step " + stepsShown[2], base) < cw + gap - 4 * s;
        return new Geometry(head, gap, rh, labelW, cw, base, font, every, words);
    }

    /** Whether the canvas holds a full drawing of the current rows (else a step's update redraws all of it). */
    private boolean drawn;
    /** Whether the headings were drawn as "step N" (else N alone). */
    private boolean drawnWords;

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        Geometry geo = geometry();
        drawn = geo != null;
        if (geo == null) return;
        drawnWords = geo.words();
        double s = scale();
        g.setFont(geo.font());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < rows.size(); i++) {
            double y = geo.head() + (rows.size() - 1 - i) * geo.rh();
            g.setFill(flagged.get(i) ? FLAG : ink());
            if ((rows.size() - 1 - i) % geo.every() != 0) {
                // A row left unnamed for room still shows its flag, as a red mark by its histograms.
                if (flagged.get(i)) g.fillRect(geo.labelW() - 6 * s, y + 2, 3 * s, geo.rh() - 4);
                continue;
            }
            // Kept inside the canvas where the name is taller than the bottom row.
            double cy = Math.min(canvas.getHeight() - 0.6 * geo.font().getSize(), y + geo.rh() / 2);
            g.fillText((flagged.get(i) ? "⚠ " : "") + ids.get(i), geo.labelW() - 6 * s, cy);
        }
        for (int t = 0; t < 3; t++) drawPanel(g, geo, t, false);
    }

    /** The step heading and every layer's histogram of panel {@code t} (0 start, 1 middle, 2 now), erasing it first if asked. */
    private void drawPanel(GraphicsContext g, Geometry geo, int t, boolean erase) {
        double x = geo.x(t), cw = geo.cw(), rh = geo.rh(), bw = cw / Histogram.BINS;
        if (erase) g.clearRect(x - geo.gap() / 2, 0, cw + geo.gap(), canvas.getHeight());
        g.setFont(geo.base());
        g.setFill(muted());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText((geo.words() ? "step " : "") + stepsShown[t], x + cw / 2, 0);
        for (int i = 0; i < rows.size(); i++) {
            double y = geo.head() + (rows.size() - 1 - i) * rh;
            int[] hist = rows.get(i)[t];
            int max = 1;
            for (int v : hist) max = Math.max(max, v);
            g.setFill(track());
            g.fillRect(x, y + 1, cw, rh - 2);
            g.setFill(accent());
            for (int b = 0; b < hist.length; b++) {
                if (hist[b] == 0) continue;
                double bh = (rh - 3) * hist[b] / max;
                g.fillRect(x + b * bw, y + rh - 1 - bh, Math.max(1, bw - 0.5), bh);
            }
        }
    }
}
