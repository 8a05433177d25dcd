package backprop.app.playground;

import backprop.app.draw.CanvasPane;
import backprop.app.draw.PlotKit;
import backprop.app.playground.PlaygroundFrame.Points;
import backprop.app.raster.HoverLayer;
import backprop.app.raster.PixelCanvas;
import backprop.app.raster.StillLayer;
import backprop.app.theme.Palette;
import backprop.app.theme.Styles;
import java.util.List;
import java.util.Optional;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The playground's large picture: the network's output over the input plane as a heat map (class 1
 * orange, class 0 blue, 0.5 neutral) with the training and test points on top. In perceptron mode
 * the rule's decision line and the sample it just visited are drawn too; in hidden-space mode the
 * points sit at their first-hidden-layer coordinates instead, over the output as a function of those
 * two units. Clicks in the input plane report data coordinates (the view adds or removes points);
 * hovering reads the output under the cursor from the frame's grid.
 *
 * <p>Every value drawn comes from the {@link PlaygroundFrame}; this class only maps numbers to
 * pixels. The map is interpolated at every pixel and coloured through a 256-entry table, so a
 * redraw costs well under a millisecond.
 */
public final class DecisionMap extends CanvasPane {
    /** Receives a click inside the plot, in data coordinates. */
    public interface PointClick {
        void at(double x1, double x2, MouseButton button, boolean shift);
    }

    /** Palette.probability at 256 evenly spaced values of [0, 1], as ARGB. */
    private static final int[] LUT = new int[256];
    private static final int NAN_ARGB = argb(Palette.probability(Double.NaN));
    /** Outline of test points: dark on every theme, because the map's colours do not change with it. */
    private static final Color TEST_OUTLINE = Color.web("#1d2127");

    static {
        for (int i = 0; i < LUT.length; i++) LUT[i] = argb(Palette.probability(i / 255.0));
    }

    private PlaygroundFrame frame;
    private boolean showTest = true;
    private boolean hiddenSpace;
    private PointClick onPointClick;
    private double hoverX = Double.NaN, hoverY = Double.NaN;
    /**
     * The map itself, drawn pixel by pixel in software (see {@link PixelCanvas}): a canvas drawing a
     * scaled image costs the software renderer about 3 ms a frame; this costs a fraction of that.
     * The pane's own canvas stays empty.
     */
    private final PixelCanvas raster = new PixelCanvas();

    /**
     * Axes, points and the perceptron's line live on a second canvas over the map, repainted only
     * when they change; while they stay the same (a network training: only the map moves) they are
     * copied into the map's pixels and the canvas is not drawn at all (see {@link StillLayer}).
     */
    private final javafx.scene.canvas.Canvas overlay = new javafx.scene.canvas.Canvas();
    private final StillLayer overlayLayer = new StillLayer(overlay);
    /** The hover cross and readout, over everything. */
    private final HoverLayer hoverLayer = new HoverLayer();

    public DecisionMap() {
        getStyleClass().add(Styles.DECISION_MAP);
        overlay.setMouseTransparent(true);
        getChildren().add(0, raster.view());
        // The raster paints every pixel opaquely: the renderer need not draw what lies beneath.
        setOpaqueInsets(javafx.geometry.Insets.EMPTY);
        getChildren().addAll(overlay, hoverLayer);
        setPrefSize(520, 520);
        setMinSize(120, 120);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverAt(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> hoverAt(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> clearHover());
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> { lastPaint = null; paint(e); });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::paint);
    }

    /** Receives each point the brush lays down, in data coordinates. */
    public interface Paint {
        void at(double x1, double x2);
    }

    private boolean brush;
    private Paint onPaint;
    /** Pixel of the last point the brush laid down in this stroke; null at a stroke's start. */
    private double[] lastPaint;

    /**
     * The brush: pressing and dragging over the plot lays down points along the stroke, one
     * every {@link #BRUSH_SPACING} pixels (times the presenter scale), instead of one per click.
     */
    public void setBrush(boolean on, Paint paint) {
        brush = on;
        onPaint = paint;
    }

    /** Pixels between two points of one brush stroke, at scale 1. */
    static final double BRUSH_SPACING = 14;

    private void paint(MouseEvent e) {
        if (!brush || onPaint == null || hiddenSpace || frame == null || frame.plane() == null || e.getButton() != MouseButton.PRIMARY) return;
        Geo geo = geometry();
        if (geo == null || !geo.inside(e.getX(), e.getY())) return;
        if (lastPaint != null && Math.hypot(e.getX() - lastPaint[0], e.getY() - lastPaint[1]) < BRUSH_SPACING * scale()) return;
        lastPaint = new double[] {e.getX(), e.getY()};
        onPaint.at(geo.dataX(e.getX()), geo.dataY(e.getY()));
        e.consume();
    }

    /** Draws {@code f} (FX thread). */
    public void show(PlaygroundFrame f) {
        frame = f;
        redraw();
    }

    /** Whether the held-out test points are drawn (as points with a dark outline). */
    public void setShowTest(boolean show) {
        if (show == showTest) return;
        showTest = show;
        redraw();
    }

    /** Plots the points in the first hidden layer's (h1, h2) space instead of the input plane. */
    public void setHiddenSpace(boolean hidden) {
        if (hidden == hiddenSpace) return;
        hiddenSpace = hidden;
        redraw();
    }

    /** Called for clicks inside the plot in input-plane mode; null for none. */
    public void setOnPointClick(PointClick handler) {
        onPointClick = handler;
    }

    /** Moves the hover readout to the pixel (px, py) of this pane, as the mouse does. */
    public void hoverAt(double px, double py) {
        hoverX = px;
        hoverY = py;
        redraw();
    }

    public void clearHover() {
        hoverAt(Double.NaN, Double.NaN);
    }

    /**
     * What the hover label says: "x1 0.42, x2 −0.13 → ŷ 0.873" (h1, h2 in hidden space; no ŷ where
     * there is no map). Empty when the cursor is not over the plot.
     */
    public Optional<String> hoverText() {
        Geo geo = geometry();
        if (geo == null || !geo.inside(hoverX, hoverY)) return Optional.empty();
        double x1 = geo.dataX(hoverX), x2 = geo.dataY(hoverY);
        String[] names = axisNames();
        String text = names[0] + " " + PlotKit.fixed(x1, 2) + ", " + names[1] + " " + PlotKit.fixed(x2, 2);
        Surface s = surface();
        float[][] outs = classMaps();
        if (outs != null) {
            int g = frame.plane().grid();
            int c = cell(x1, frame.plane().lo(), frame.plane().hi(), g), r = g - 1 - cell(x2, frame.plane().lo(), frame.plane().hi(), g);
            int k = winner(outs, r * g + c);
            text += " \u2192 class " + (k + 1) + ", p " + PlotKit.fixed(outs[k][r * g + c], 3);
        } else if (s != null) {
            int c = cell(x1, s.plane.lo(), s.plane.hi(), s.plane.grid());
            int r = s.plane.grid() - 1 - cell(x2, s.plane.lo(), s.plane.hi(), s.plane.grid());
            text += " \u2192 \u0177 " + PlotKit.fixed(s.values[r * s.plane.grid() + c], 3);
        }
        return Optional.of(text);
    }

    /** Data coordinates (x1, x2) of a pixel of this pane; NaNs when nothing is plotted. */
    public double[] toData(double px, double py) {
        Geo geo = geometry();
        return geo == null ? new double[] {Double.NaN, Double.NaN} : new double[] {geo.dataX(px), geo.dataY(py)};
    }

    /** Pixel of this pane where the data point (x1, x2) is drawn; NaNs when nothing is plotted. */
    public double[] toPixel(double x1, double x2) {
        Geo geo = geometry();
        return geo == null ? new double[] {Double.NaN, Double.NaN} : new double[] {geo.px(x1), geo.py(x2)};
    }

    /** Pixel where the shown frame's {@code i}-th training point is drawn (tests). */
    double[] drawnTrainPoint(int i) {
        float[] p = frame.train().xy()[i];
        return toPixel(p[0], p[1]);
    }

    private void clicked(MouseEvent e) {
        // With the brush on, pressing already laid a point down; a left click adds no second one.
        if (onPointClick == null || hiddenSpace || frame == null || frame.plane() == null || brush && e.getButton() == MouseButton.PRIMARY) return;
        Geo geo = geometry();
        if (geo == null || !geo.inside(e.getX(), e.getY())) return;
        onPointClick.at(geo.dataX(e.getX()), geo.dataY(e.getY()), e.getButton(), e.isShiftDown());
        e.consume();
    }

    // ------------------------------------------------------------------ geometry

    /** The square plot: its top-left pixel, side and the data range [lo, hi] on both axes. */
    private record Geo(double x, double y, double size, double lo, double hi) {
        double px(double v) { return x + (v - lo) / (hi - lo) * size; }
        double py(double v) { return y + (hi - v) / (hi - lo) * size; }
        double dataX(double p) { return lo + (p - x) / size * (hi - lo); }
        double dataY(double p) { return hi - (p - y) / size * (hi - lo); }
        boolean inside(double px, double py) { return px >= x && px <= x + size && py >= y && py <= y + size; }
    }

    /** A map to paint behind the points: grid × grid values over a plane. */
    private record Surface(PlaygroundFrame.Plane plane, float[] values) {}

    /** The data range shown, or null when there is nothing to plot in the current mode. */
    private double[] range() {
        if (frame == null) return null;
        if (!hiddenSpace) return frame.plane() == null ? null : new double[] {frame.plane().lo(), frame.plane().hi()};
        if (frame.hidden() == null) return null;
        // The hidden map's plane covers the points' range (and the unit square): use it when there is one.
        if (frame.hiddenMap() != null) return new double[] {frame.hiddenMap().plane().lo(), frame.hiddenMap().plane().hi()};
        return new double[] {frame.hidden().lo(), frame.hidden().hi()};
    }

    private Surface surface() {
        if (frame == null) return null;
        if (hiddenSpace) return frame.hiddenMap() == null ? null : new Surface(frame.hiddenMap().plane(), frame.hiddenMap().values());
        if (frame.plane() == null || frame.maps() == null) return null;
        return new Surface(frame.plane(), frame.maps().get(frame.maps().size() - 1)[0]);
    }

    /** The names on the axes (tests). */
    String[] axisLabels() { return axisNames(); }

    private String[] axisNames() {
        if (!hiddenSpace && frame != null && frame.slice() != null) {
            PlaygroundFrame.Slice sl = frame.slice();
            return new String[] {sl.columns().get(sl.x()), sl.columns().get(sl.y())};
        }
        if (!hiddenSpace && frame != null && frame.data() != null && frame.data().columns().size() == 2) {
            return frame.data().columns().toArray(String[]::new);
        }
        if (!hiddenSpace) return new String[] {"x1", "x2"};
        return new String[] {UnitNames.hidden(frame, 1, 0), frame.hidden() != null && frame.hidden().units() < 2 ? "" : UnitNames.hidden(frame, 1, 1)};
    }

    private Font font() { return PlotKit.font(scale()); }

    private double tickStep(double lo, double hi) { return PlotKit.niceStep(hi - lo, 2.5); }

    private Geo geometry() {
        double[] r = range();
        double w = canvas.getWidth(), h = canvas.getHeight();
        if (r == null || !(r[1] > r[0])) return null;
        double s = scale(), fs = font().getSize(), tick = 4 * s, gap = 4 * s;
        double labels = 0;
        for (double v : PlotKit.ticks(r[0], r[1], tickStep(r[0], r[1]))) labels = Math.max(labels, PlotKit.width(PlotKit.tick(v), font()));
        String[] names = axisNames();
        double nameW = Math.max(PlotKit.width(names[0], font()), PlotKit.width(names[1], font()));
        double left = nameW + 2 * gap + labels + gap + tick, right = 10 * s, top = 10 * s;
        double bottom = tick + gap + fs * 1.2 + fs * 1.4;
        double size = Math.floor(Math.min(w - left - right, h - top - bottom));
        if (size < 20) return null;
        double x = Math.round(left + (w - left - right - size) / 2), y = Math.round(top + (h - top - bottom - size) / 2);
        return new Geo(x, y, size, r[0], r[1]);
    }

    /** Index of the grid cell of [lo, hi] split into {@code grid} that holds {@code v}. */
    private static int cell(double v, double lo, double hi, int grid) {
        return Math.max(0, Math.min(grid - 1, (int) Math.floor((v - lo) / (hi - lo) * grid)));
    }

    // ------------------------------------------------------------------ drawing

    @Override
    protected void redraw() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        Geo geo = frame == null || w < 10 || h < 10 ? null : geometry();
        raster.resize(Math.max(1, w), Math.max(1, h), outputScale());
        raster.clear(box());
        if (geo != null) drawBackground(geo);
        redrawOverlay(geo, w, h);
        overlayLayer.composeInto(raster);
        raster.commit();
        GraphicsContext hg = hoverLayer.begin(w, h);
        if (geo != null && hoverText().isPresent()) {
            drawHover(hg, geo);
            hoverLayer.drawn();
        }
    }

    /** Repaints the overlay if anything on it differs from what it shows. */
    private void redrawOverlay(Geo geo, double w, double h) {
        overlay.setWidth(w);
        overlay.setHeight(h);
        GraphicsContext g = overlayLayer.redraw(overlayKey(geo, w, h));
        if (g == null) return;
        if (frame == null || w < 10 || h < 10) return;
        if (geo == null) {
            String why = hiddenSpace && frame.hidden() == null ? "no hidden layer"
                    : hiddenSpace || frame.plane() != null ? "too small to draw"
                    : "no input plane: the data has " + frame.sizes()[0] + " inputs, not 2";
            PlotKit.note(g, why, muted(), font(), 0, 0, w, h);
            return;
        }
        drawAxes(g, geo);
        if (hiddenSpace) {
            PlaygroundFrame.Hidden hid = frame.hidden();
            if (showTest) drawPoints(g, geo, hid.test(), true);
            drawPoints(g, geo, hid.train(), false);
            drawStacks(g, geo, hid.train());
        } else {
            stacks = List.of();
            if (showTest) drawPoints(g, geo, frame.test(), true);
            drawPoints(g, geo, frame.train(), false);
            if (frame.perceptron() != null) drawPerceptron(g, geo, frame.perceptron());
        }
        if (hiddenSpace && surface() == null) drawNoMapNote(g, geo);
    }

    /**
     * Everything the overlay depends on. Points compare by array identity: the session hands out
     * the same arrays until the data changes. Hidden coordinates and the perceptron move with
     * every update, so those frames always repaint.
     */
    private List<Object> overlayKey(Geo geo, double w, double h) {
        if (frame == null || geo == null || hiddenSpace || frame.perceptron() != null) return List.of(new Object());
        return java.util.Arrays.asList(w, h, scale(), geo.x, geo.y, geo.size, geo.lo, geo.hi, frame.train().xy(), frame.test().xy(), List.of(axisNames()),
                showTest, ink(), muted(), box(), border(), accent(), lineScale(), frame.plane(), raster.pixelWidth(), raster.scale());
    }

    private static final String NO_MAP = "output map needs exactly 2 units in hidden layer 1";

    /** Over the points (they may fill the square), in a box at the top centre. */
    private void drawNoMapNote(GraphicsContext g, Geo geo) {
        Font f = PlotKit.font(scale() * 0.9);
        double pad = 3 * scale();
        // More classes or a number: the output is not one probability to shade over (h1, h2).
        String note = frame.classes() == 2 ? NO_MAP : "no output map here: the output is not one probability";
        double[] size = PlotKit.readoutSize(List.of(note), f, pad);
        PlotKit.readout(g, List.of(note), f, geo.x + (geo.size - size[0]) / 2, geo.y + 6 * scale(), pad,
                PlotKit.alpha(box(), 0.85), border(), muted(), lineScale());
    }

    /** The output units' maps when they are the probabilities of more than two classes (input plane only); else null. */
    private float[][] classMaps() {
        if (frame == null || hiddenSpace || frame.classes() <= 2 || frame.maps() == null) return null;
        return frame.maps().get(frame.maps().size() - 1);
    }

    /** The output unit with the highest value at grid point {@code i}: the class the network answers there. */
    private static int winner(float[][] outs, int i) {
        int best = 0;
        for (int k = 1; k < outs.length; k++) if (outs[k][i] > outs[best][i]) best = k;
        return best;
    }

    /**
     * More than two classes: each cell in the colour of the class the network answers there, pale
     * where that answer's probability is near chance (1/K) and full where it is near 1.
     */
    private void drawClassMap(Geo geo, float[][] outs) {
        PlaygroundFrame.Plane p = frame.plane();
        int g = p.grid(), k = outs.length;
        int[] argb = new int[g * g];
        for (int i = 0; i < argb.length; i++) {
            int w = winner(outs, i);
            double sure = Math.max(0, Math.min(1, (outs[w][i] - 1.0 / k) / (1 - 1.0 / k)));
            argb[i] = argb(Palette.ZERO.interpolate(Palette.classColour(w, k), 0.15 + 0.7 * sure));
        }
        double x0 = geo.px(p.lo()), y0 = geo.py(p.hi());
        raster.cells(x0, y0, geo.px(p.hi()) - x0, argb, g);
    }

    /**
     * A regression's output on the colour scale's [0, 1]: −range at 0, 0 at ½, +range at 1 (range:
     * the largest |target|), so the map and the points read on the same blue–orange scale.
     */
    private static float[] onScale(float[] values, float range) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) out[i] = 0.5f + 0.5f * values[i] / range;
        return out;
    }

    private void drawBackground(Geo geo) {
        float[][] outs = classMaps();
        if (outs != null) {
            drawClassMap(geo, outs);
            return;
        }
        Surface s = surface();
        if (s == null) {
            raster.roundRect(geo.x, geo.y, geo.size, geo.size, 0, track(), null, 0);
            return;
        }
        if (!hiddenSpace && frame.fit() != null) s = new Surface(s.plane, onScale(s.values, frame.fit().range()));
        // The surface's plane is the plot's range in both modes, so the map fills the plot.
        double x0 = geo.px(s.plane.lo()), y0 = geo.py(s.plane.hi()), side = geo.px(s.plane.hi()) - x0;
        raster.heatMap(x0, y0, side, s.values, s.plane.grid(), LUT, NAN_ARGB);
    }

    private void drawAxes(GraphicsContext g, Geo geo) {
        double s = scale(), tick = 4 * s, gap = 4 * s, fs = font().getSize();
        g.setStroke(border());
        g.setLineWidth(lineScale());
        g.setLineDashes();
        g.strokeRect(geo.x - 0.5, geo.y - 0.5, geo.size + 1, geo.size + 1);
        g.setStroke(muted());
        g.setLineWidth(Math.max(1, s) * lineScale());
        g.setFill(muted());
        g.setFont(font());
        double labels = 0;
        for (double v : PlotKit.ticks(geo.lo, geo.hi, tickStep(geo.lo, geo.hi))) {
            String t = PlotKit.tick(v);
            labels = Math.max(labels, PlotKit.width(t, font()));
            double px = Math.round(geo.px(v)) + 0.5, py = Math.round(geo.py(v)) + 0.5;
            g.strokeLine(px, geo.y + geo.size + 1, px, geo.y + geo.size + 1 + tick);
            g.strokeLine(geo.x - 1, py, geo.x - 1 - tick, py);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(t, px, geo.y + geo.size + tick + gap);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(t, geo.x - tick - gap, py);
        }
        String[] names = axisNames();
        g.setFill(ink());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(names[0], geo.x + geo.size / 2, geo.y + geo.size + tick + gap + fs * 1.2);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(names[1], geo.x - tick - 2 * gap - labels, geo.y + geo.size / 2);
    }

    /** Larger dots for a handful of points (truth tables), where each one matters. */
    private double radius() {
        int n = frame == null ? 0 : frame.train().size() + frame.test().size();
        return (n <= 16 ? 7 : 4) * scale();
    }

    /** Radius of the ring round the sample the perceptron just visited. */
    double ringRadius() { return radius() * 2.2; }

    private static final Color HALO = Color.rgb(29, 33, 39, 0.55);

    private void drawPoints(GraphicsContext g, Geo geo, Points pts, boolean test) {
        double r = radius();
        boolean few = r > 4 * scale();
        double mid = (geo.lo + geo.hi) / 2;
        g.setLineDashes();
        g.setLineWidth((test ? 1.6 : 1.3) * scale());
        g.setStroke(test ? TEST_OUTLINE : Color.WHITE);
        for (int i = 0; i < pts.size(); i++) {
            float[] p = pts.xy()[i];
            double x = geo.px(p[0]), y = geo.py(p.length > 1 ? p[1] : mid);
            g.setFill(pts.values() != null ? Palette.diverging(pts.values()[i], frame.fit() == null ? 1 : frame.fit().range())
                    : Palette.classColour(pts.labels()[i], frame.classes()));
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            if (!test && few) {
                // A thin dark halo outside the white ring: a dot stays visible on a map of its own colour.
                double h = r + g.getLineWidth();
                g.setStroke(HALO);
                g.setLineWidth(0.9 * scale());
                g.strokeOval(x - h, y - h, 2 * h, 2 * h);
                g.setStroke(Color.WHITE);
                g.setLineWidth(1.3 * scale());
            }
        }
    }

    private List<Integer> stacks = List.of();

    /** How many training points share each spot that holds more than one, as last drawn in hidden space (tests). */
    List<Integer> stacks() { return stacks; }

    /**
     * In hidden space several inputs can land on one spot (the learned XOR sends both orange
     * points to the same corner): one dot would hide the others. Each such spot gets a ring and
     * its count, and a line under the plot says what the count means. The grouping is by where
     * the dots are drawn: within half a dot of each other, they read as one.
     */
    private void drawStacks(GraphicsContext g, Geo geo, Points pts) {
        double r = radius(), mid = (geo.lo + geo.hi) / 2;
        int n = pts.size();
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            float[] p = pts.xy()[i];
            x[i] = geo.px(p[0]);
            y[i] = geo.py(p.length > 1 ? p[1] : mid);
        }
        boolean[] taken = new boolean[n];
        List<Integer> counts = new java.util.ArrayList<>();
        Font f = PlotKit.font(scale());
        g.setLineDashes();
        for (int i = 0; i < n; i++) {
            if (taken[i]) continue;
            int count = 1;
            for (int j = i + 1; j < n; j++) {
                if (!taken[j] && Math.hypot(x[i] - x[j], y[i] - y[j]) < r / 2) {
                    taken[j] = true;
                    count++;
                }
            }
            if (count < 2) continue;
            counts.add(count);
            double ring = r + 4 * scale();
            g.setStroke(ink());
            g.setLineWidth(1.5 * scale());
            g.strokeOval(x[i] - ring, y[i] - ring, 2 * ring, 2 * ring);
            g.setFill(ink());
            g.setFont(f);
            g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
            g.setTextBaseline(javafx.geometry.VPos.CENTER);
            g.fillText("\u00d7" + count, x[i] + ring + 2 * scale(), y[i]);
        }
        stacks = List.copyOf(counts);
        if (counts.isEmpty()) return;
        String note = "\u00d7n: n points the hidden layer maps to one spot";
        double pad = 3 * scale();
        Font nf = PlotKit.font(scale() * 0.9);
        double[] size = PlotKit.readoutSize(List.of(note), nf, pad);
        PlotKit.readout(g, List.of(note), nf, geo.x + (geo.size - size[0]) / 2, geo.y + geo.size - size[1] - 6 * scale(), pad,
                PlotKit.alpha(box(), 0.85), border(), muted(), lineScale());
    }

    /** The line w0 + w1·x1 + w2·x2 = 0 across the plot, and a ring round the sample just visited. */
    private void drawPerceptron(GraphicsContext g, Geo geo, PlaygroundFrame.Perceptron p) {
        double w0 = p.weights()[0], w1 = p.weights()[1], w2 = p.weights()[2];
        double s = scale();
        if (Math.abs(w1) > 1e-12 || Math.abs(w2) > 1e-12) {
            double ax, ay, bx, by;
            if (Math.abs(w2) >= Math.abs(w1)) { // not steeper than 45°: solve for x2 at both edges
                ax = geo.lo; bx = geo.hi;
                ay = -(w0 + w1 * ax) / w2; by = -(w0 + w1 * bx) / w2;
            } else {
                ay = geo.lo; by = geo.hi;
                ax = -(w0 + w2 * ay) / w1; bx = -(w0 + w2 * by) / w1;
            }
            double[] seg = clip(ax, ay, bx, by, geo.lo, geo.hi);
            if (seg != null) {
                double x1 = geo.px(seg[0]), y1 = geo.py(seg[1]), x2 = geo.px(seg[2]), y2 = geo.py(seg[3]);
                g.setLineDashes();
                g.setStroke(PlotKit.alpha(box(), 0.8)); // a halo, so the line reads on both colours of the map
                g.setLineWidth(4 * s);
                g.strokeLine(x1, y1, x2, y2);
                g.setStroke(ink());
                g.setLineWidth(2 * s * lineScale());
                g.strokeLine(x1, y1, x2, y2);
            }
        }
        int i = p.lastSample();
        if (i >= 0 && i < frame.train().size()) {
            float[] q = frame.train().xy()[i];
            double x = geo.px(q[0]), y = geo.py(q[1]), r = ringRadius();
            g.setStroke(PlotKit.alpha(box(), 0.85));
            g.setLineWidth(4.5 * s);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            g.setStroke(p.lastWasUpdate() ? accent() : ink());
            g.setLineWidth(2.5 * s * lineScale());
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        }
    }

    /** The part of the segment (ax, ay)–(bx, by) inside [lo, hi]² (Liang–Barsky), or null. */
    static double[] clip(double ax, double ay, double bx, double by, double lo, double hi) {
        double t0 = 0, t1 = 1, dx = bx - ax, dy = by - ay;
        double[] p = {-dx, dx, -dy, dy}, q = {ax - lo, hi - ax, ay - lo, hi - ay};
        for (int k = 0; k < 4; k++) {
            if (p[k] == 0) {
                if (q[k] < 0) return null;
            } else {
                double t = q[k] / p[k];
                if (p[k] < 0) t0 = Math.max(t0, t);
                else t1 = Math.min(t1, t);
            }
        }
        return t0 > t1 ? null : new double[] {ax + t0 * dx, ay + t0 * dy, ax + t1 * dx, ay + t1 * dy};
    }

    private void drawHover(GraphicsContext g, Geo geo) {
        Optional<String> text = hoverText();
        if (text.isEmpty()) return;
        // A small cross where the value is read.
        double arm = 5 * scale(), cx = Math.round(hoverX) + 0.5, cy = Math.round(hoverY) + 0.5;
        g.setLineDashes();
        g.setLineWidth(3 * scale());
        g.setStroke(PlotKit.alpha(box(), 0.8));
        g.strokeLine(cx - arm, cy, cx + arm, cy);
        g.strokeLine(cx, cy - arm, cx, cy + arm);
        g.setLineWidth(Math.max(1, scale()) * lineScale());
        g.setStroke(ink());
        g.strokeLine(cx - arm, cy, cx + arm, cy);
        g.strokeLine(cx, cy - arm, cx, cy + arm);
        Font f = PlotKit.font(scale() * 0.95);
        double pad = 4 * scale(), margin = 6 * scale();
        List<String> lines = List.of(text.get());
        double[] size = PlotKit.readoutSize(lines, f, pad);
        // Top-left corner, unless the cursor (or the no-map note) is up there: then bottom-left.
        boolean top = (hoverY > geo.y + size[1] + 2 * margin || hoverX > geo.x + size[0] + 2 * margin)
                && !(hiddenSpace && surface() == null);
        double y = top ? geo.y + margin : geo.y + geo.size - margin - size[1];
        PlotKit.readout(g, lines, f, geo.x + margin, y, pad, PlotKit.alpha(box(), 0.88), border(), ink(), lineScale());
    }

    private static int argb(Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }
}
