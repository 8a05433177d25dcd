package backprop.app.draw;

import backprop.app.math.Num;
import backprop.app.raster.HoverLayer;
import backprop.app.raster.PixelCanvas;
import backprop.app.raster.StillLayer;
import backprop.app.raster.StrokePath;
import backprop.app.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Training progress over the updates made: the loss R on the training set (solid) and on the test
 * set (dashed) in the upper panel, the accuracy of both in the lower one, with the latest values
 * written at the right edge. Hovering puts a cursor on the nearest recorded step and reads out
 * its numbers. NaN values (the perceptron has no R; a truth table has no test set) are skipped.
 */
public final class LossChart extends CanvasPane {
    private List<Metric> history = List.of();
    private double hoverX = Double.NaN;

    /**
     * The curves are drawn in software on their own layer (see {@link PixelCanvas}): stroking four
     * curves of a few hundred points, two of them dashed, cost the software renderer about 3 ms
     * a frame on a canvas. The frame, grid and labels (the pane's canvas) are copied beneath them
     * while they stand still; the latest values, which change every frame, have a narrow canvas
     * of their own; the cursor and its readout lie on a canvas above everything.
     */
    private final PixelCanvas lines = new PixelCanvas();
    private final StillLayer frameLayer = new StillLayer(canvas);
    private final Canvas latest = new Canvas();
    private final HoverLayer hoverLayer = new HoverLayer();

    public LossChart() {
        getStyleClass().add(Styles.LOSS_CHART);
        latest.setMouseTransparent(true);
        getChildren().addAll(lines.view(), latest, hoverLayer);
        setPrefSize(360, 180);
        setMinSize(160, 100);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverAt(e.getX()));
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> hoverAt(e.getX()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> clearHover());
    }

    /** Draws {@code history} (oldest first, steps increasing; FX thread). */
    public void show(List<Metric> history) {
        show(history, List.of());
    }

    /** Like {@link #show(List)}, with a dashed mark at each step in {@code marks} (hand edits of a weight). */
    public void show(List<Metric> history, List<Long> marks) {
        this.history = List.copyOf(history);
        this.marks = List.copyOf(marks);
        redraw();
    }

    private List<Long> marks = List.of();

    /** The steps marked (tests). */
    public List<Long> marks() { return marks; }

    /** Puts the cursor on the recorded step nearest the pixel column {@code px}, as the mouse does. */
    public void hoverAt(double px) {
        hoverX = px;
        redraw();
    }

    public void clearHover() {
        hoverAt(Double.NaN);
    }

    /**
     * The readout at the cursor: "step 1200 · epoch 60 · train R 0.0412 · test R 0.0530 · acc 100 % / 98 %"
     * (parts whose value is NaN left out). Empty when nothing is hovered.
     */
    public Optional<String> hoverText() {
        int i = hovered(geometry());
        return i < 0 ? Optional.empty() : Optional.of(String.join(" \u00b7 ", readout(history.get(i))));
    }

    // ------------------------------------------------------------------ geometry

    /**
     * Plot area (x0..x1, loss panel y0..ly1, accuracy panel ay0..y1) and the data ranges. Without any
     * loss value ({@code loss} false) the accuracy panel takes the whole height.
     */
    private record Geo(double x0, double x1, double y0, double ly1, double ay0, double y1,
                       long s0, long s1, double lossTop, boolean loss) {
        double px(long step) { return x0 + (double) (step - s0) / (s1 - s0) * (x1 - x0); }
        double lossY(double v) { return ly1 - v / lossTop * (ly1 - y0); }
        double accY(double a) { return y1 - a * (y1 - ay0); }
    }

    private Font font() { return PlotKit.font(scale() * 0.95); }

    private static boolean finite(double v) { return !Double.isNaN(v) && !Double.isInfinite(v); }

    private double maxLoss() {
        double m = Double.NaN;
        for (Metric h : history) {
            if (finite(h.trainLoss())) m = Double.isNaN(m) ? h.trainLoss() : Math.max(m, h.trainLoss());
            if (finite(h.testLoss())) m = Double.isNaN(m) ? h.testLoss() : Math.max(m, h.testLoss());
        }
        return m;
    }

    private static double lossStep(double top) { return PlotKit.niceStep(top, 3); }

    private Geo geometry() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        if (history.isEmpty() || w < 40 || h < 40) return null;
        double s = scale(), fs = font().getSize(), tick = 3 * s, gap = 4 * s;
        double max = maxLoss();
        double top = !(max > 0) ? 1 : Math.ceil(max / lossStep(max) - 1e-9) * lossStep(max);
        double labels = PlotKit.width(PlotKit.percent(1), font());
        if (finite(max)) for (double v : PlotKit.ticks(0, top, lossStep(top))) labels = Math.max(labels, PlotKit.width(PlotKit.tick(v), font()));
        double values = 0;
        for (String[] l : latestLabels()) values = Math.max(values, PlotKit.width(l[0], font()));
        double x0 = Math.ceil(labels + tick + gap), x1 = Math.floor(w - values - 2 * gap);
        double y0 = Math.ceil(fs * 1.6), y1 = Math.floor(h - tick - gap - fs * 1.2);
        double panelGap = fs * 1.4, plotH = y1 - y0 - panelGap;
        if (x1 - x0 < 20 || plotH < 20) return null;
        // The step axis ends at its next tick, not at the latest step: it then stays put for many
        // frames while the curves grow into it, and so can the frame and labels.
        long s0 = history.get(0).step(), last = Math.max(s0 + 1, history.get(history.size() - 1).step());
        double stepTick = Math.max(1, Math.ceil(PlotKit.niceStep(last - s0, 4)));
        long s1 = s0 + (long) (Math.ceil((last - s0) / stepTick - 1e-9) * stepTick);
        if (!finite(max)) return new Geo(x0, x1, y0, y0, y0, y1, s0, s1, top, false);
        double ly1 = Math.round(y0 + plotH * 0.64);
        return new Geo(x0, x1, y0, ly1, ly1 + panelGap, y1, s0, s1, top, true);
    }

    /** Index of the recorded step nearest the hover column, or −1. */
    private int hovered(Geo geo) {
        if (geo == null || Double.isNaN(hoverX)) return -1;
        double px = Math.max(geo.x0, Math.min(geo.x1, hoverX));
        double step = geo.s0 + (px - geo.x0) / (geo.x1 - geo.x0) * (geo.s1 - geo.s0);
        int lo = 0, hi = history.size() - 1;
        while (lo < hi) { // first index whose step is ≥ the cursor's
            int mid = (lo + hi) >>> 1;
            if (history.get(mid).step() < step) lo = mid + 1;
            else hi = mid;
        }
        if (lo > 0 && step - history.get(lo - 1).step() <= history.get(lo).step() - step) lo--;
        return lo;
    }

    private static List<String> readout(Metric m) {
        List<String> parts = new ArrayList<>();
        parts.add("step " + m.step());
        parts.add("epoch " + m.epoch());
        if (finite(m.trainLoss())) parts.add("train R " + Num.fmt(m.trainLoss()));
        if (finite(m.testLoss())) parts.add("test R " + Num.fmt(m.testLoss()));
        if (finite(m.trainAccuracy())) {
            parts.add("acc " + PlotKit.percent(m.trainAccuracy())
                    + (finite(m.testAccuracy()) ? " / " + PlotKit.percent(m.testAccuracy()) : ""));
        }
        return parts;
    }

    /** The right-edge labels of the latest values: {text, series (train/test), panel (loss/acc)}. */
    private List<String[]> latestLabels() {
        List<String[]> out = new ArrayList<>();
        if (history.isEmpty()) return out;
        Metric m = history.get(history.size() - 1);
        if (finite(m.trainLoss())) out.add(new String[] {"train " + Num.fmt(m.trainLoss()), "train", "loss"});
        if (finite(m.testLoss())) out.add(new String[] {"test " + Num.fmt(m.testLoss()), "test", "loss"});
        if (finite(m.trainAccuracy())) out.add(new String[] {"acc " + PlotKit.percent(m.trainAccuracy()), "train", "acc"});
        if (finite(m.testAccuracy()) && !PlotKit.percent(m.testAccuracy()).equals(PlotKit.percent(m.trainAccuracy())))
            out.add(new String[] {"test " + PlotKit.percent(m.testAccuracy()), "test", "acc"});
        return out;
    }

    // ------------------------------------------------------------------ drawing

    private Color trainColor() { return accent(); }

    private Color testColor() { return ink(); }

    private double[] dashes() { return new double[] {5 * scale(), 3.5 * scale()}; }

    @Override
    protected void redraw() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        lines.resize(Math.max(1, w), Math.max(1, h), outputScale());
        lines.clear();
        GraphicsContext hg = hoverLayer.begin(w, h);
        GraphicsContext lg = latest.getGraphicsContext2D();
        lg.clearRect(0, 0, latest.getWidth(), latest.getHeight());
        Geo geo = w < 10 || h < 10 ? null : geometry();
        // Frame, grid, ticks and legend: redrawn when they change, else copied into the pixels.
        GraphicsContext g = frameLayer.redraw(java.util.Arrays.asList(geo, w, h, scale(), geo == null && history.isEmpty(),
                history.stream().anyMatch(m -> finite(m.testLoss()) || finite(m.testAccuracy())),
                ink(), muted(), border(), track(), accent(), lineScale(), lines.pixelWidth(), lines.pixelHeight(), lines.scale(), marks));
        if (g != null) {
            if (geo != null) {
                drawFrame(g, geo);
                drawMarks(g, geo);
                drawLegend(g, geo);
            } else if (w >= 10 && h >= 10) {
                PlotKit.note(g, history.isEmpty() ? "no steps yet" : "too small to draw", muted(), font(), 0, 0, w, h);
            }
        }
        frameLayer.composeInto(lines);
        if (geo == null) {
            lines.commit();
            return;
        }
        if (geo.loss) {
            series(geo, Metric::trainLoss, geo::lossY, trainColor(), false, geo.y0, geo.ly1);
            series(geo, Metric::testLoss, geo::lossY, testColor(), true, geo.y0, geo.ly1);
        }
        series(geo, Metric::trainAccuracy, geo::accY, trainColor(), false, geo.ay0, geo.y1);
        series(geo, Metric::testAccuracy, geo::accY, testColor(), true, geo.ay0, geo.y1);
        lines.commit();
        // The latest values change every frame: on a strip of their own at the right.
        double strip = Math.floor(geo.x1);
        latest.setLayoutX(strip);
        latest.setWidth(Math.max(1, w - strip));
        latest.setHeight(h);
        lg.clearRect(0, 0, latest.getWidth(), latest.getHeight());
        lg.save();
        lg.translate(-strip, 0);
        drawLatest(lg, geo);
        lg.restore();
        if (hovered(geo) >= 0) {
            drawHover(hg, geo);
            hoverLayer.drawn();
        }
    }

    private void drawMarks(GraphicsContext g, Geo geo) {
        g.save();
        g.setStroke(muted());
        g.setLineWidth(lineScale() * scale());
        g.setLineDashes(3 * scale(), 3 * scale());
        for (long step : marks) {
            if (step < geo.s0 || step > geo.s1) continue;
            double x = Math.round(geo.px(step)) + 0.5;
            g.strokeLine(x, geo.y0, x, geo.y1);
        }
        g.restore();
    }

    private void drawFrame(GraphicsContext g, Geo geo) {
        double s = scale(), tick = 3 * s, gap = 4 * s;
        Font f = font();
        g.setFont(f);
        g.setLineDashes();
        // Panels: a faint grid at the ticks, the frame in the border colour.
        g.setLineWidth(1);
        List<double[]> rows = new ArrayList<>(); // {y, value, panel: 0 loss, 1 accuracy}
        if (geo.loss) for (double v : PlotKit.ticks(0, geo.lossTop, lossStep(geo.lossTop))) rows.add(new double[] {geo.lossY(v), v, 0});
        for (double a : new double[] {0, 0.5, 1}) rows.add(new double[] {geo.accY(a), a, 1});
        g.setStroke(track());
        for (double[] r : rows) g.strokeLine(geo.x0, Math.round(r[0]) + 0.5, geo.x1, Math.round(r[0]) + 0.5);
        g.setStroke(border());
        g.setLineWidth(lineScale());
        if (geo.loss) g.strokeRect(geo.x0 + 0.5, geo.y0 + 0.5, geo.x1 - geo.x0, geo.ly1 - geo.y0);
        g.strokeRect(geo.x0 + 0.5, geo.ay0 + 0.5, geo.x1 - geo.x0, geo.y1 - geo.ay0);
        g.setFill(muted());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double[] r : rows) {
            if (r[2] == 1 && r[1] == 0.5) continue; // the accuracy panel is too short for three labels
            String t = r[2] == 0 ? PlotKit.tick(r[1]) : PlotKit.percent(r[1]);
            double y = Math.max(geo.y0 + f.getSize() * 0.3, Math.min(geo.y1, r[0]));
            g.fillText(t, geo.x0 - gap, y);
        }
        // Steps along the bottom.
        double step = Math.max(1, Math.ceil(PlotKit.niceStep(geo.s1 - geo.s0, 4)));
        g.setStroke(muted());
        g.setLineWidth(Math.max(1, s) * lineScale());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double v : PlotKit.ticks(geo.s0, geo.s1, step)) {
            double x = Math.round(geo.px((long) v)) + 0.5;
            g.strokeLine(x, geo.y1 + 1, x, geo.y1 + 1 + tick);
            g.fillText(PlotKit.tick(v), x, geo.y1 + tick + gap * 0.5);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("step", 0, geo.y1 + tick + gap * 0.5);
    }

    /** One curve, broken at NaNs; at most about two points per pixel column. */
    private void series(Geo geo, ToDoubleFunction<Metric> value, java.util.function.DoubleUnaryOperator y,
                        Color color, boolean dashed, double top, double bottom) {
        // About one point per two pixel columns: more only costs drawing time, and a curve 1.6 px
        // wide shows no difference.
        int n = history.size(), stride = (int) Math.max(1, n / Math.max(1, (geo.x1 - geo.x0) / 2));
        double width = 1.6 * scale() * Math.min(lineScale(), 1.5);
        // Values are clamped to the panel: a spike runs along its edge instead of off the chart.
        double lo = top - 2 * scale(), hi = bottom + 2 * scale();
        List<double[]> pieces = new ArrayList<>();
        double[] xy = new double[16];
        int len = 0;
        for (int i = 0; i < n; i += i == n - 1 ? 1 : Math.min(stride, n - 1 - i)) {
            double v = value.applyAsDouble(history.get(i));
            if (!finite(v)) {
                if (len >= 4) pieces.add(java.util.Arrays.copyOf(xy, len));
                len = 0;
                continue;
            }
            if (len + 2 > xy.length) xy = java.util.Arrays.copyOf(xy, 2 * xy.length);
            xy[len++] = geo.px(history.get(i).step());
            xy[len++] = Math.max(lo, Math.min(hi, y.applyAsDouble(v)));
        }
        if (len >= 4) pieces.add(java.util.Arrays.copyOf(xy, len));
        if (pieces.isEmpty()) return;
        if (dashed) {
            double[] d = dashes();
            List<double[]> on = new ArrayList<>();
            for (double[] p : pieces) on.addAll(StrokePath.dashes(p, d[0], d[1]));
            pieces = on;
            if (pieces.isEmpty()) return;
        }
        lines.polylines(pieces, color, width);
    }

    private void drawLatest(GraphicsContext g, Geo geo) {
        Metric m = history.get(history.size() - 1);
        Font f = font();
        double fs = f.getSize(), x = geo.x1 + 4 * scale();
        g.setFont(f);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (String panel : List.of("loss", "acc")) {
            List<String[]> labels = latestLabels().stream().filter(l -> l[2].equals(panel)).toList();
            boolean loss = panel.equals("loss");
            double top = (loss ? geo.y0 : geo.ay0) + fs * 0.5, bottom = (loss ? geo.ly1 : geo.y1) - fs * 0.5;
            double[] ys = new double[labels.size()];
            for (int i = 0; i < ys.length; i++) {
                boolean train = labels.get(i)[1].equals("train");
                double v = loss ? (train ? m.trainLoss() : m.testLoss()) : (train ? m.trainAccuracy() : m.testAccuracy());
                ys[i] = Math.max(top, Math.min(bottom, loss ? geo.lossY(v) : geo.accY(v)));
            }
            if (ys.length == 2 && Math.abs(ys[0] - ys[1]) < fs * 1.1) { // push apart about their middle
                double mid = (ys[0] + ys[1]) / 2, half = fs * 0.55, sign = ys[0] <= ys[1] ? 1 : -1;
                mid = Math.max(top + half, Math.min(bottom - half, mid));
                ys[0] = mid - sign * half;
                ys[1] = mid + sign * half;
            }
            for (int i = 0; i < ys.length; i++) {
                g.setFill(labels.get(i)[1].equals("train") ? trainColor() : testColor());
                g.fillText(labels.get(i)[0], x, ys[i]);
            }
        }
    }

    /** The series names with a sample of their line, right-aligned above the plot, and a title left of them if it fits. */
    private void drawLegend(GraphicsContext g, Geo geo) {
        Font f = font();
        double s = scale(), fs = f.getSize(), y = geo.y0 / 2, len = 16 * s, gap = 4 * s;
        boolean anyTest = history.stream().anyMatch(m -> finite(m.testLoss()) || finite(m.testAccuracy()));
        g.setFont(f);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double x = geo.x1;
        for (boolean test : anyTest ? new boolean[] {true, false} : new boolean[] {false}) {
            String name = test ? "test" : "train";
            x -= len + gap + PlotKit.width(name, f);
            g.setStroke(test ? testColor() : trainColor());
            g.setLineWidth(1.6 * s);
            if (test) g.setLineDashes(dashes());
            else g.setLineDashes();
            g.strokeLine(x, y, x + len, y);
            g.setLineDashes();
            g.setFill(ink());
            g.fillText(name, x + len + gap, y);
            x -= fs;
        }
        String title = geo.loss ? "loss R" : "accuracy (the perceptron rule has no R)";
        if (PlotKit.width(title, f) + fs <= x) {
            g.setFill(muted());
            g.fillText(title, 0, y);
        }
    }

    private void drawHover(GraphicsContext g, Geo geo) {
        int i = hovered(geo);
        if (i < 0) return;
        Metric m = history.get(i);
        double s = scale(), x = Math.round(geo.px(m.step())) + 0.5, r = 3 * s;
        g.setStroke(muted());
        g.setLineWidth(1);
        g.setLineDashes();
        g.strokeLine(x, geo.y0, x, geo.y1);
        double[][] dots = {
                {m.trainLoss(), geo.lossY(m.trainLoss()), 0}, {m.testLoss(), geo.lossY(m.testLoss()), 1},
                {m.trainAccuracy(), geo.accY(m.trainAccuracy()), 0}, {m.testAccuracy(), geo.accY(m.testAccuracy()), 1}};
        for (double[] d : dots) {
            if (!finite(d[0])) continue;
            g.setFill(d[2] == 0 ? trainColor() : testColor());
            g.fillOval(x - r, d[1] - r, 2 * r, 2 * r);
        }
        // The readout in three lines: when, loss, accuracy.
        List<String> parts = readout(m), lines = new ArrayList<>();
        lines.add(parts.get(0) + " \u00b7 " + parts.get(1));
        String loss = String.join(" \u00b7 ", parts.stream().filter(p -> p.contains(" R ")).toList());
        if (!loss.isEmpty()) lines.add(loss);
        parts.stream().filter(p -> p.startsWith("acc")).forEach(lines::add);
        Font f = PlotKit.font(s * 0.9);
        double pad = 4 * s, w = canvas.getWidth();
        double[] size = PlotKit.readoutSize(lines, f, pad);
        double bx = x + 8 * s + size[0] <= w ? x + 8 * s : x - 8 * s - size[0];
        bx = Math.max(0, Math.min(w - size[0], bx));
        PlotKit.readout(g, lines, f, bx, geo.y0 + 2 * s, pad, PlotKit.alpha(box(), 0.92), border(), ink(), lineScale());
    }
}
