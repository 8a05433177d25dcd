package backprop.app.playground;

import backprop.app.draw.CanvasPane;
import backprop.app.draw.HeatMapImages;
import backprop.app.draw.HeatMapImages.ColourScale;
import backprop.app.math.Num;
import backprop.app.raster.HoverLayer;
import backprop.app.raster.PixelCanvas;
import backprop.app.raster.StillLayer;
import backprop.app.raster.StrokePath;
import backprop.app.theme.Palette;
import backprop.app.theme.Styles;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The playground's network: a column per layer, each unit a thumbnail of what it computes over
 * the input plane (or a circle when the data is not 2-D), edges coloured and thickened by their
 * weights, a bias marker at each unit's lower-left corner. A merge (add, concat) is a column like
 * any other, joined to what it reads by dashed identity connections of fixed weight 1; a
 * connection that skips columns arcs above (upper units) or below (lower units) the columns it
 * skips, so it never runs through their units. Hovering names the exact value;
 * clicking a weight or a unit opens a {@link WeightEditor}, and dragging an edge up or down
 * changes its weight. Edits go to {@link #setOnWeightEdit}: this canvas only draws frames, so an
 * edit shows once the engine sends the frame with the new value.
 */
public final class NetworkCanvas extends CanvasPane {
    /** Where edits go. Layer 0 is the first layer after the inputs; i indexes the column before it, j the one after. */
    public interface WeightEdit {
        void weight(int layer, int i, int j, float value);

        void bias(int layer, int j, float value);
    }

    /** Something the pointer can be on. */
    sealed interface Item permits Unit, Edge, Link {}

    record Unit(int column, int unit) implements Item {}

    /** A learnable weight: unit {@code from} of the column layer {@code layer} reads to its unit {@code to}. */
    record Edge(int layer, int from, int to) implements Item {}

    /** A merge's fixed identity connection: unit {@code unit} of its input {@code input} (0-based) to the merge. */
    record Link(int layer, int input, int unit) implements Item {}

    private static final double HIT_DISTANCE = 5;
    // Bézier samples for hit-testing: enough that the polyline strays well under a pixel from the curve.
    private static final int CURVE_SAMPLES = 24;
    private static final double DRAG_THRESHOLD = 4;
    /** Circle diameter (no maps) as a fraction of the thumbnail size. */
    private static final double CIRCLE = 0.8;
    /** Weights below this fraction of the range are drawn towards grey. */
    private static final double FAINT = 0.12;

    private PlaygroundFrame frame;
    private WeightEdit onEdit;
    private int highlightColumn = -1;
    private double topInset;
    private double weightRange = 1;

    private Item hover;
    private double pointerX, pointerY;
    private Item pressed;
    private double pressY;
    private float pressValue;
    private boolean dragging;

    private final WeightEditor editor = new WeightEditor();
    private Item editing;
    private double editorX, editorY;

    public NetworkCanvas() {
        getChildren().add(0, raster.view()); // beneath the text canvas
        // The raster paints every pixel opaquely: the renderer need not draw what lies beneath.
        setOpaqueInsets(javafx.geometry.Insets.EMPTY);
        getChildren().add(getChildren().indexOf(canvas) + 1, hoverLayer);
        getStyleClass().add(Styles.NETWORK_CANVAS);
        setMinSize(240, 180);
        getChildren().add(editor);
        // However the editor closes (Escape, focus elsewhere, a click), the edited item loses its outline.
        editor.visibleProperty().addListener((o, was, is) -> {
            if (!is && editing != null) {
                editing = null;
                redraw();
            }
        });
        canvas.setOnMouseMoved(e -> hoverAt(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> hoverAt(Double.NaN, Double.NaN));
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
    }

    /** Draws {@code f} (FX thread). An open editor follows the engine's new value of what it edits. */
    public void show(PlaygroundFrame f) {
        frame = f;
        weightRange = 1e-6;
        for (float[][] w : f.weights()) for (float[] row : w) for (float v : row) weightRange = Math.max(weightRange, Math.abs(v));
        if (editing != null) {
            if (exists(editing) && editable()) editor.refresh(value(editing));
            else closeEditor();
        }
        if (hover != null && !exists(hover)) hover = null;
        redraw();
    }

    public void setOnWeightEdit(WeightEdit e) { onEdit = e; }

    /** Marks column {@code c} (−1: none), e.g. the layer a control is about to change. */
    public void setHighlightColumn(int c) {
        if (c == highlightColumn) return;
        highlightColumn = c;
        redraw();
    }

    /** Space kept free above the units, in pixels, for controls the view overlays there. */
    public void setTopInset(double px) {
        if (px == topInset) return;
        topInset = px;
        redraw();
    }

    /** The exact value under the pointer, as the hover label shows it; empty when over nothing. */
    public Optional<String> hoverText() {
        return hover == null || frame == null ? Optional.empty() : Optional.of(describe(hover));
    }

    /**
     * Horizontal centre of column {@code column} (0 = inputs) in this pane's coordinates, after
     * layout; NaN if the frame shown has no such column (yet: a layer was just added).
     */
    public double columnCentreX(int column) {
        return frame == null || column < 0 || column >= frame.sizes().length ? Double.NaN : geometry().cx[column];
    }

    /** Top of the tallest column's first unit, so controls can sit just above the columns. */
    public double topOfUnits() {
        if (frame == null) return Double.NaN;
        Geometry g = geometry();
        return g.unitY(g.maxUnits, 0) - g.size / 2;
    }

    // ------------------------------------------------------------------ geometry

    /** Sizes and positions for the current frame, pane size and scale. */
    private final class Geometry {
        final double s = scale();
        final Font label = Font.font("System", Math.max(10, 12 * s));
        final Font caption = Font.font("System", FontWeight.BOLD, Math.max(9, 11 * s));
        final Font captionSmall = Font.font("System", Math.max(9, 10.5 * s));
        final int cols = frame.sizes().length;
        final int maxUnits;
        final double[] cx = new double[cols];
        final String[][] captions = new String[cols][];
        final double size, pitch, midY, captionY, lineH;
        /** Room above and below the units for arcs of skip connections (0 for a stack), and the step between nested arcs. */
        final double band, gap;

        Geometry() {
            double W = canvas.getWidth(), H = canvas.getHeight(), pad = 8 * s;
            int m = 1;
            for (int n : frame.sizes()) m = Math.max(m, n);
            maxUnits = m;
            lineH = Math.max(11, 13.5 * s);
            gap = 5 * s;
            band = skipLevels() == 0 ? 0 : gap * (skipLevels() + 1) + 2 * s;
            double top = topInset + pad + band, bottom = H - pad - 2 * lineH - 4 * s - band;
            double slot = Math.max(1, (bottom - top) / maxUnits);
            double labelW = 0;
            for (String n : frame.inputNames()) labelW = Math.max(labelW, textWidth(n, label));
            labelW += 6 * s;
            // Captions of the outer columns must not run off the sides.
            double leftCap = 0, rightCap = 0;
            for (int c = 0; c < cols; c++) captions[c] = caption(c, Double.POSITIVE_INFINITY);
            leftCap = captionWidth(captions[0]) / 2;
            rightCap = captionWidth(captions[cols - 1]) / 2;
            // Units grow with the room (a large window or a projector), within reason.
            // With few units (XOR on a projector) they take the room rather than sit in a thin band.
            double sz = Math.min(Math.min(96 * s, Math.max(52 * s, Math.min(W, H) / 6)), slot * 0.82);
            for (int pass = 0; pass < 2; pass++) {
                double x0 = Math.max(pad + labelW + sz / 2, pad + leftCap), x1 = W - Math.max(pad + sz / 2, pad + rightCap);
                double spacing = cols > 1 ? (x1 - x0) / (cols - 1) : 0;
                if (pass == 0 && cols > 1) sz = Math.min(sz, spacing * 0.5);
                for (int c = 0; c < cols; c++) cx[c] = cols > 1 ? x0 + spacing * c : W / 2;
            }
            size = Math.max(10, sz);
            pitch = Math.min(slot, size * 1.32 + 6 * s);
            midY = (top + bottom) / 2;
            captionY = midY + maxUnits / 2.0 * pitch + 2 * s + band;
            double spacing = cols > 1 ? cx[1] - cx[0] : W;
            for (int c = 0; c < cols; c++) captions[c] = caption(c, spacing - 6 * s);
        }

        double unitY(int n, int u) { return midY + (u - (n - 1) / 2.0) * pitch; }

        /** Nested arcs on each side: half the units of the widest column a skip leaves from. */
        private int skipLevels() {
            int levels = 0;
            for (int l = 0; l < frame.layers(); l++) {
                for (int src : frame.sources().get(l)) if (src < l) levels = Math.max(levels, (frame.sizes()[src] + 1) / 2);
            }
            return levels;
        }

        /** 6 px (times the presenter scale) at most, but never so thick that small thumbnails drown in edges. */
        double maxEdgeWidth() { return Math.min(6 * s, Math.max(3, size * 0.13)); }

        /** A curve as a polyline in the raster's pixels. */
        double[] pixels(double[] curve) {
            double[] xy = StrokePath.cubic(curve, CURVE_SAMPLES);
            for (int k = 0; k < xy.length; k++) xy[k] *= raster.scale();
            return xy;
        }

        /** Every edge's pixels, laid out once per layout (not per frame: frames of one network share them). */
        StrokePath[][][] paths() {
            List<Object> key = java.util.Arrays.asList(java.util.Arrays.toString(cx), size, pitch, midY, java.util.Arrays.toString(frame.sizes()),
                    java.util.Arrays.deepToString(frame.sources().toArray()), frame.activations(), frame.maps() == null, raster.pixelWidth(), raster.pixelHeight(), raster.scale(), s);
            if (key.equals(pathKey)) return pathCache;
            double reach = maxEdgeWidth() / 2 * raster.scale() + 1.5;
            StrokePath[][][] out = new StrokePath[cols - 1][][];
            List<double[]> dashes = new ArrayList<>();
            for (int l = 0; l < cols - 1; l++) {
                int[] src = frame.sources().get(l);
                if (frame.isMerge(l)) {
                    out[l] = new StrokePath[0][];
                    for (int q = 0; q < src.length; q++) {
                        for (int u = 0; u < frame.sizes()[src[q]]; u++) dashes.addAll(StrokePath.dashes(pixels(linkCurve(l, q, u)), 5 * s * raster.scale(), 4 * s * raster.scale()));
                    }
                    continue;
                }
                out[l] = new StrokePath[frame.sizes()[src[0]]][frame.sizes()[l + 1]];
                for (int i = 0; i < out[l].length; i++) {
                    for (int j = 0; j < frame.sizes()[l + 1]; j++) out[l][i][j] = StrokePath.of(pixels(curve(l, i, j)), reach, raster.pixelWidth(), raster.pixelHeight());
                }
            }
            linkCache = dashes.isEmpty() ? null : StrokePath.of(dashes, reach, raster.pixelWidth(), raster.pixelHeight());
            pathKey = key;
            pathCache = out;
            return out;
        }

        /** Every identity connection of the merges, dashed, as one path (they share colour and width); null if none. */
        StrokePath links() {
            paths();
            return linkCache;
        }

        Rectangle2D unit(int column, int u) {
            double y = unitY(frame.sizes()[column], u);
            return new Rectangle2D(cx[column] - size / 2, y - size / 2, size, size);
        }

        /** Endpoints and control points of edge (layer, i, j): x0 y0 c1x c1y c2x c2y x1 y1. */
        double[] curve(int layer, int i, int j) {
            return connection(frame.sources().get(layer)[0], i, layer + 1, j);
        }

        /** The identity connection from unit {@code u} of a merge's input {@code q} to the merge's unit it lands on. */
        double[] linkCurve(int layer, int q, int u) {
            int[] src = frame.sources().get(layer);
            int offset = 0;
            if ("concat".equals(frame.activations().get(layer))) for (int k = 0; k < q; k++) offset += frame.sizes()[src[k]];
            return connection(src[q], u, layer + 1, offset + u);
        }

        /**
         * From unit i of column a to unit j of column b: an S-curve between neighbours; across
         * skipped columns an arc over them (units in the upper half) or under them (the lower
         * half), nested so that arcs of one column do not cross, and high enough to clear every
         * skipped unit with a gap.
         */
        double[] connection(int a, int i, int b, int j) {
            double half = frame.maps() == null ? size * CIRCLE / 2 : size / 2;
            double x0 = cx[a] + half, y0 = unitY(frame.sizes()[a], i);
            double x1 = cx[b] - half, y1 = unitY(frame.sizes()[b], j);
            double mx = (x0 + x1) / 2;
            if (b - a == 1) return new double[] {x0, y0, mx, y0, mx, y1, x1, y1};
            int n = frame.sizes()[a], upper = (n + 1) / 2;
            boolean above = i < upper;
            double clear = above ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            for (int c = a + 1; c < b; c++) {
                double edge = unitY(frame.sizes()[c], above ? 0 : frame.sizes()[c] - 1) + (above ? -size / 2 : size / 2);
                clear = above ? Math.min(clear, edge) : Math.max(clear, edge);
            }
            double level = above ? clear - gap * (upper - i) : clear + gap * (i - upper + 1);
            // Leave sideways first (not straight up along the column's own units), then solve the
            // control height so the curve is at the level over each skipped column's whole width.
            double k = (cx[a + 1] - cx[a]) * 0.45;
            double[] b3 = {x0, y0, x0 + k, 0, x1 - k, 0, x1, y1};
            double yc = above ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            for (int c = a + 1; c < b; c++) {
                for (double x : new double[] {cx[c] - half - gap, cx[c], cx[c] + half + gap}) {
                    double t = tAtX(b3, x), w = 3 * t * (1 - t);
                    double need = (level - y0 * Math.pow(1 - t, 3) - y1 * t * t * t) / w;
                    yc = above ? Math.min(yc, need) : Math.max(yc, need);
                }
            }
            b3[3] = yc;
            b3[5] = yc;
            return b3;
        }

        /** The parameter where a curve with increasing x reaches x (bisection: laid out once, not per frame). */
        private static double tAtX(double[] b, double x) {
            double lo = 0, hi = 1;
            for (int it = 0; it < 40; it++) {
                double m = (lo + hi) / 2;
                if (bezier(b, m, 0) < x) lo = m;
                else hi = m;
            }
            return (lo + hi) / 2;
        }

        /**
         * Two caption lines for a column, the longest form that fits {@code width}: "Hidden 1 ·
         * tanh" over "4 units", then "Hidden 1" over "tanh · 4", then "H1" over "tanh·4".
         */
        String[] caption(int c, double width) {
            int n = frame.sizes()[c];
            String act = c == 0 ? null : frame.activations().get(c - 1);
            String name = c == 0 ? "Input" : c == cols - 1 ? "Output" : "Hidden " + c;
            String units = n + (n == 1 ? " unit" : " units");
            if (c > 0 && frame.isMerge(c - 1)) {
                String what = mergeFormula(c - 1, -1);
                return pick(width, new String[][] {{name + " \u00b7 " + act, what + " \u00b7 " + units}, {name + " \u00b7 " + act, what},
                        {"H" + c + " " + act, what}, {act, what.replace(" ", "")}});
            }
            String[][] forms = act == null
                    ? new String[][] {{name, units}, {name, String.valueOf(n)}}
                    : new String[][] {{name + " \u00b7 " + act, units}, {name, act + " \u00b7 " + n},
                            {c == cols - 1 ? "Out" : "H" + c, act + "\u00b7" + n}};
            return pick(width, forms);
        }

        /** The longest of {@code forms} that fits {@code width}, else the shortest. */
        private String[] pick(double width, String[][] forms) {
            for (String[] f : forms) if (captionWidth(f) <= width) return f;
            return forms[forms.length - 1];
        }

        double captionWidth(String[] lines) {
            return Math.max(textWidth(lines[0], caption), textWidth(lines[1], captionSmall));
        }
    }

    private Geometry geometry;
    private PlaygroundFrame geometryFrame;
    private List<Object> pathKey = List.of();
    private StrokePath[][][] pathCache;
    private StrokePath linkCache;
    private List<Object> geometryKey = List.of();

    /**
     * The layout of the current frame at the current size, computed once: the layer bar asks for
     * column positions several times per frame, and captions cost text measurements.
     */
    private Geometry geometry() {
        List<Object> key = List.of(canvas.getWidth(), canvas.getHeight(), scale(), topInset);
        if (geometry == null || geometryFrame != frame || !key.equals(geometryKey)) {
            geometry = new Geometry();
            geometryFrame = frame;
            geometryKey = key;
        }
        return geometry;
    }

    /** Bounds of a unit's thumbnail or circle, for tests and overlays. */
    Rectangle2D unitBounds(int column, int unit) { return geometry().unit(column, unit); }

    /** The point halfway along an edge's curve. */
    Point2D edgeMidpoint(int layer, int i, int j) {
        double[] b = geometry().curve(layer, i, j);
        return new Point2D(bezier(b, 0.5, 0), bezier(b, 0.5, 1));
    }

    /** The control polygon of a merge's identity connection, for tests of where it runs. */
    double[] linkCurve(int layer, int input, int unit) { return geometry().linkCurve(layer, input, unit); }

    private static double bezier(double[] b, double t, int k) {
        double u = 1 - t;
        return u * u * u * b[k] + 3 * u * u * t * b[2 + k] + 3 * u * t * t * b[4 + k] + t * t * t * b[6 + k];
    }

    // ------------------------------------------------------------------ drawing

    /**
     * Everything that changes while training (edges, thumbnails, bias markers, outlines) is drawn
     * into {@link #raster}, a software canvas beneath {@link #canvas}; the canvas keeps only the
     * text, redrawn when the text changes and copied into the raster while it stays the same. In software rendering a JavaFX canvas re-rasterises each
     * anti-aliased curve whenever it changes, which cost about 10 ms a frame for a 2-8-8-8-1
     * network; the raster draws the same frame in about a millisecond (see {@link PixelCanvas}).
     */
    private final PixelCanvas raster = new PixelCanvas();
    private int[][][] thumbs = new int[0][][];
    /** The names and captions, drawn on {@link #canvas} and copied into the raster once they stand still. */
    private final StillLayer text = new StillLayer(canvas);
    /** The hover label, over everything. */
    private final HoverLayer hoverLayer = new HoverLayer();

    @Override
    protected void redraw() {
        GraphicsContext hg = hoverLayer.begin(canvas.getWidth(), canvas.getHeight());
        if (frame == null || canvas.getWidth() < 60 || canvas.getHeight() < 60) {
            raster.resize(Math.max(1, canvas.getWidth()), Math.max(1, canvas.getHeight()), outputScale());
            raster.clear(box());
            raster.commit();
            text.redraw(List.of());
            return;
        }
        Geometry geo = geometry();
        drawRaster(geo);
        List<Object> key = java.util.Arrays.asList(geometryKey, java.util.Arrays.deepToString(geo.captions), java.util.Arrays.toString(geo.cx),
                geo.size, geo.pitch, geo.midY, frame.inputNames(), java.util.Arrays.toString(frame.sizes()), highlightColumn,
                ink(), muted(), accent(), lineScale(), raster.pixelWidth(), raster.pixelHeight(), raster.scale());
        GraphicsContext g = text.redraw(key);
        if (g != null) {
            inputLabels(g, geo);
            captions(g, geo);
        }
        text.composeInto(raster);
        raster.commit();
        if (hover != null) {
            hoverLabel(hg, geo);
            hoverLayer.drawn();
        }
    }

    private void drawRaster(Geometry geo) {
        raster.resize(canvas.getWidth(), canvas.getHeight(), outputScale());
        raster.clear(box());
        if (highlightColumn >= 0 && highlightColumn < geo.cols) columnBand(geo, highlightColumn);
        edges(geo);
        highlightedEdge(geo);
        for (int c = 0; c < geo.cols; c++) {
            for (int u = 0; u < frame.sizes()[c]; u++) unit(geo, c, u);
        }
        raster.commit();
    }

    private void columnBand(Geometry geo, int c) {
        int n = frame.sizes()[c];
        double w = geo.size + 16 * geo.s, top = geo.unitY(n, 0) - geo.size / 2 - 8 * geo.s;
        double h = geo.captionY + 2 * geo.lineH + 4 * geo.s - top;
        raster.roundRect(geo.cx[c] - w / 2, top, w, h, 7 * geo.s, accent(0.1), null, 0);
    }

    /**
     * Every edge, coloured and thickened by its weight, weakest first so the strong edges, which
     * matter, lie on top where they cross.
     */
    private void edges(Geometry geo) {
        StrokePath[][][] paths = geo.paths();
        int n = 0;
        for (float[][] w : frame.weights()) n += w.length * (w.length == 0 ? 0 : w[0].length);
        long[] order = new long[n];
        int e = 0;
        for (int l = 0; l < frame.layers(); l++) {
            float[][] w = frame.weights().get(l);
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) {
                    // |w| as sortable float bits in the high half, the edge's address in the low.
                    order[e++] = (long) Float.floatToIntBits(Math.abs(w[i][j])) << 32 | l << 20 | i << 10 | j;
                }
            }
        }
        java.util.Arrays.sort(order);
        int[] colours = edgeColours();
        for (long o : order) {
            int l = (int) (o >> 20) & 0x3ff, i = (int) (o >> 10) & 0x3ff, j = (int) o & 0x3ff;
            float v = frame.weights().get(l)[i][j];
            double t = Math.min(1, Math.abs(v) / weightRange);
            int level = (int) Math.round(t * EDGE_SHADES);
            raster.stroke(paths[l][i][j], colours[v < 0 ? EDGE_SHADES - level : EDGE_SHADES + level], edgeWidth(geo, t));
        }
        // Identity connections last: thin, dashed and neutral, they carry no weight to colour by.
        StrokePath links = geo.links();
        if (links != null) raster.stroke(links, muted(), LINK_WIDTH * geo.s);
    }

    /** Identity connections are drawn at this width (times the presenter scale): between the faintest and the strongest weights. */
    private static final double LINK_WIDTH = 1.6;

    /** Shades of edge colour per sign: finer than the eye separates, and a table instead of colour arithmetic per edge. */
    private static final int EDGE_SHADES = 256;
    private int[] edgeShades;
    private Color edgeShadesFaint;

    /**
     * Edge colours from −1 to +1 of the weight range (index {@code EDGE_SHADES + round(t · EDGE_SHADES)}),
     * premultiplied. The palette's zero is near white: tiny weights lean towards the border grey so
     * the connection stays visible.
     */
    private int[] edgeColours() {
        Color faint = border();
        if (edgeShades == null || !faint.equals(edgeShadesFaint)) {
            edgeShades = new int[2 * EDGE_SHADES + 1];
            for (int k = -EDGE_SHADES; k <= EDGE_SHADES; k++) {
                double t = (double) k / EDGE_SHADES, a = Math.abs(t);
                Color c = Palette.diverging(t, 1);
                edgeShades[k + EDGE_SHADES] = PixelCanvas.premultiplied(a < FAINT ? faint.interpolate(c, a / FAINT) : c);
            }
            edgeShadesFaint = faint;
        }
        return edgeShades;
    }

    private Edge haloEdge;
    private StrokePath haloPath;
    private Geometry haloGeometry;

    /** The hovered or edited edge, drawn over the others with a halo. */
    private void highlightedEdge(Geometry geo) {
        if ((editing instanceof Edge ? editing : hover) instanceof Edge e) {
            float w = frame.weights().get(e.layer())[e.from()][e.to()];
            double t = Math.min(1, Math.abs(w) / weightRange), width = edgeWidth(geo, t);
            if (!e.equals(haloEdge) || haloGeometry != geo) {
                // Wider than the edges' own paths reach, so laid out on its own (one curve: cheap).
                haloPath = StrokePath.of(geo.pixels(geo.curve(e.layer(), e.from(), e.to())), (geo.maxEdgeWidth() + 7 * geo.s) / 2 * raster.scale() + 1.5,
                        raster.pixelWidth(), raster.pixelHeight());
                haloEdge = e;
                haloGeometry = geo;
            }
            raster.stroke(haloPath, accent(0.45), width + 7 * geo.s);
            raster.stroke(haloPath, Palette.diverging(w, weightRange), width + 1.5 * geo.s);
        }
    }

    /** 0.5 to 6 px (times the presenter scale), but never so thick that small thumbnails drown in edges. */
    private static double edgeWidth(Geometry geo, double t) {
        double max = geo.maxEdgeWidth();
        return 0.5 * geo.s + (max - 0.5 * geo.s) * Math.min(1, t);
    }

    private void unit(Geometry geo, int c, int u) {
        Rectangle2D r = geo.unit(c, u);
        double arc = Math.min(6 * geo.s, r.getWidth() * 0.125);
        boolean maps = frame.maps() != null;
        boolean marked = hover instanceof Unit h && h.column() == c && h.unit() == u || editing instanceof Unit e && e.column() == c && e.unit() == u;
        double o = 2.5 * geo.s;
        if (maps) {
            int grid = frame.plane().grid();
            raster.imageRect(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight(), arc, thumbnail(c, u), grid, border(), lineScale());
            if (c > 0 && !frame.isMerge(c - 1)) biasMarker(geo, r, frame.biases().get(c - 1)[u]);
            if (marked) raster.roundRect(r.getMinX() - o, r.getMinY() - o, r.getWidth() + 2 * o, r.getHeight() + 2 * o, arc + o, null, accent(), 2.5 * geo.s * lineScale());
        } else {
            double d = r.getWidth() * CIRCLE, x = r.getMinX() + (r.getWidth() - d) / 2, y = r.getMinY() + (r.getHeight() - d) / 2;
            raster.roundRect(x, y, d, d, d / 2, c == 0 || frame.isMerge(c - 1) ? box() : Palette.diverging(frame.biases().get(c - 1)[u], weightRange),
                    c == 0 ? ink() : border(), lineScale() * (c == 0 ? 1.2 : 1));
            if (marked) raster.roundRect(x - o, y - o, d + 2 * o, d + 2 * o, d / 2 + o, null, accent(), 2.5 * geo.s * lineScale());
        }
    }

    private void biasMarker(Geometry geo, Rectangle2D r, float b) {
        double m = Math.max(5, Math.min(9 * geo.s, r.getWidth() * 0.22));
        double x = r.getMinX() - m * 0.35, y = r.getMaxY() - m * 0.65;
        raster.roundRect(x, y, m, m, 0, Palette.diverging(b, weightRange), ink(), 0.8 * lineScale());
    }

    /** The unit's thumbnail as pixels, repainted from the frame into a reused array. */
    private int[] thumbnail(int c, int u) {
        int cols = frame.sizes().length, grid = frame.plane().grid();
        if (thumbs.length != cols) thumbs = new int[cols][][];
        if (thumbs[c] == null || thumbs[c].length != frame.sizes()[c]) thumbs[c] = new int[frame.sizes()[c]][];
        float[] values = frame.maps().get(c)[u];
        return thumbs[c][u] = HeatMapImages.pixels(values, grid, scaleFor(c, values), thumbs[c][u]);
    }

    /** Bounded outputs keep their natural scale (so maps compare across units); unbounded ones fit their own range. */
    ColourScale scaleFor(int column, float[] values) {
        // On a slice the held inputs are constant: scaled to the plane, they read as their value (about 0), not as full colour.
        if (column == 0 && frame.slice() != null) return ColourScale.symmetric(Math.max(Math.abs(frame.plane().lo()), Math.abs(frame.plane().hi())));
        if (column == 0) return ColourScale.fitted(values);
        return switch (frame.activations().get(column - 1)) {
            case "sigmoid", "step", "softmax" -> ColourScale.probability();
            case "tanh" -> ColourScale.symmetric(1);
            default -> ColourScale.fitted(values);
        };
    }

    private void inputLabels(GraphicsContext g, Geometry geo) {
        g.setFont(geo.label);
        g.setFill(ink());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        List<String> names = frame.inputNames();
        for (int u = 0; u < frame.sizes()[0] && u < names.size(); u++) {
            g.fillText(names.get(u), geo.cx[0] - geo.size / 2 - 6 * geo.s, geo.unitY(frame.sizes()[0], u));
        }
    }

    private void captions(GraphicsContext g, Geometry geo) {
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int c = 0; c < geo.cols; c++) {
            g.setFill(c == highlightColumn ? accent() : ink());
            g.setFont(geo.caption);
            g.fillText(geo.captions[c][0], geo.cx[c], geo.captionY);
            g.setFill(muted());
            g.setFont(geo.captionSmall);
            g.fillText(geo.captions[c][1], geo.cx[c], geo.captionY + geo.lineH);
        }
    }

    private void hoverLabel(GraphicsContext g, Geometry geo) {
        String text = describe(hover);
        Font f = Font.font("System", Math.max(11, 12.5 * geo.s));
        double pad = 5 * geo.s, w = textWidth(text, f) + 2 * pad, h = f.getSize() * 1.35 + 2 * pad;
        double x = pointerX + 14 * geo.s, y = pointerY + 16 * geo.s;
        if (x + w > canvas.getWidth() - 2) x = pointerX - 10 * geo.s - w;
        if (y + h > canvas.getHeight() - 2) y = pointerY - 10 * geo.s - h;
        x = Math.max(2, x);
        y = Math.max(2, y);
        g.setFill(box());
        g.fillRoundRect(x, y, w, h, 8 * geo.s, 8 * geo.s);
        g.setStroke(border());
        g.setLineWidth(lineScale());
        g.strokeRoundRect(x, y, w, h, 8 * geo.s, 8 * geo.s);
        g.setFill(ink());
        g.setFont(f);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x + pad, y + h / 2);
    }

    // ------------------------------------------------------------------ names and values

    /** A float as the engine holds it: the shortest decimal that reads back as the same float, never in E notation. */
    static String exact(float v) {
        if (!Float.isFinite(v)) return Float.toString(v);
        String s = new BigDecimal(Float.toString(v)).stripTrailingZeros().toPlainString();
        return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
    }

    private String unitName(int c, int u) {
        if (c == 0) return u < frame.inputNames().size() ? frame.inputNames().get(u) : "x" + (u + 1);
        if (c == frame.sizes().length - 1) return frame.sizes()[c] == 1 ? "\u0177" : "\u0177" + (u + 1);
        return UnitNames.hidden(frame, c, u);
    }

    private String edgeName(Edge e) {
        return "w" + subscript(e.from() + 1, e.to() + 1) + " (" + unitName(frame.sources().get(e.layer())[0], e.from()) + " \u2192 "
                + unitName(e.layer() + 1, e.to()) + ")";
    }

    /**
     * What merge layer {@code layer} computes, in the names of the columns it reads: "h1 + h2"
     * (unit {@code u} ≥ 0: "h1,2 + h2,2"), "[h1, h2]" for a concat.
     */
    private String mergeFormula(int layer, int u) {
        int[] src = frame.sources().get(layer);
        List<String> names = new ArrayList<>();
        for (int s : src) names.add(u < 0 ? (s == 0 ? "input" : "h" + s) : unitName(s, u));
        if ("add".equals(frame.activations().get(layer))) return String.join(" + ", names);
        if (u < 0) return "[" + String.join(", ", names) + "]";
        int k = 0, unit = u;
        while (unit >= frame.sizes()[src[k]]) unit -= frame.sizes()[src[k++]];
        return "concat: " + unitName(src[k], unit);
    }

    private static String subscript(int i, int j) {
        String s = i >= 10 || j >= 10 ? i + "," + j : "" + i + j;
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) b.append(ch == ',' ? ',' : (char) ('\u2080' + (ch - '0')));
        return b.toString();
    }

    private String describe(Item item) {
        if (item instanceof Edge e) return edgeName(e) + " = " + exact(value(e));
        if (item instanceof Link k) {
            int[] src = frame.sources().get(k.layer());
            int to = k.unit();
            if (!"add".equals(frame.activations().get(k.layer()))) for (int q = 0; q < k.input(); q++) to += frame.sizes()[src[q]];
            return unitName(src[k.input()], k.unit()) + " \u2192 " + unitName(k.layer() + 1, to)
                    + " \u00b7 identity, weight 1 (fixed)";
        }
        Unit u = (Unit) item;
        if (u.column() == 0) return unitName(0, u.unit()) + " \u00b7 input";
        if (frame.isMerge(u.column() - 1)) return mergeUnit(u);
        return unitName(u.column(), u.unit()) + " \u00b7 " + frame.activations().get(u.column() - 1) + " \u00b7 b = " + exact(value(u));
    }

    /**
     * "h3,1 = add: h1,1 + h2,1", then the range of its values over the plane as the engine
     * computed them (a merge has no bias to show).
     */
    private String mergeUnit(Unit u) {
        String what = frame.activations().get(u.column() - 1);
        String formula = mergeFormula(u.column() - 1, u.unit());
        String head = unitName(u.column(), u.unit()) + " = " + (formula.startsWith(what) ? formula : what + ": " + formula);
        if (frame.maps() == null) return head;
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (float v : frame.maps().get(u.column())[u.unit()]) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        return head + " \u00b7 " + Num.fixed(lo, 3) + " to " + Num.fixed(hi, 3) + " over the plane";
    }

    /** The edge's weight or the unit's bias (inputs have none: 0). */
    private float value(Item item) {
        if (item instanceof Edge e) return frame.weights().get(e.layer())[e.from()][e.to()];
        if (item instanceof Link) return 1;
        Unit u = (Unit) item;
        return u.column() == 0 || frame.isMerge(u.column() - 1) ? 0 : frame.biases().get(u.column() - 1)[u.unit()];
    }

    private boolean exists(Item item) {
        int[] n = frame.sizes();
        if (item instanceof Edge e) return e.layer() < n.length - 1 && e.from() < frame.weights().get(e.layer()).length && e.to() < n[e.layer() + 1];
        if (item instanceof Link k) return k.layer() < n.length - 1 && frame.isMerge(k.layer()) && k.input() < frame.sources().get(k.layer()).length
                && k.unit() < n[frame.sources().get(k.layer())[k.input()]];
        Unit u = (Unit) item;
        return u.column() < n.length && u.unit() < n[u.column()];
    }

    // ------------------------------------------------------------------ pointer

    /** What lies at (x, y): a unit (its square, slightly enlarged) before an edge within a few pixels. */
    Item itemAt(double x, double y) {
        if (frame == null || Double.isNaN(x)) return null;
        Geometry geo = geometry();
        double grow = 3 * geo.s;
        for (int c = 0; c < geo.cols; c++) {
            for (int u = 0; u < frame.sizes()[c]; u++) {
                Rectangle2D r = geo.unit(c, u);
                if (x >= r.getMinX() - grow && x <= r.getMaxX() + grow && y >= r.getMinY() - grow && y <= r.getMaxY() + grow) return new Unit(c, u);
            }
        }
        Item best = null;
        double bestD = HIT_DISTANCE * Math.max(1, geo.s);
        for (int l = 0; l < frame.layers(); l++) {
            int[] src = frame.sources().get(l);
            for (int q = 0; q < src.length; q++) {
                if (x < geo.cx[src[q]] || x > geo.cx[l + 1]) continue;
                for (int i = 0; i < frame.sizes()[src[q]]; i++) {
                    if (frame.isMerge(l)) {
                        double d = distanceToCurve(geo.linkCurve(l, q, i), x, y);
                        if (d < bestD) { bestD = d; best = new Link(l, q, i); }
                        continue;
                    }
                    for (int j = 0; j < frame.sizes()[l + 1]; j++) {
                        double d = distanceToCurve(geo.curve(l, i, j), x, y);
                        if (d < bestD) { bestD = d; best = new Edge(l, i, j); }
                    }
                }
            }
        }
        return best;
    }

    private static double distanceToCurve(double[] b, double x, double y) {
        double best = Double.POSITIVE_INFINITY, px = b[0], py = b[1];
        for (int k = 1; k <= CURVE_SAMPLES; k++) {
            double t = (double) k / CURVE_SAMPLES, qx = bezier(b, t, 0), qy = bezier(b, t, 1);
            best = Math.min(best, StrokePath.segmentDistance(x, y, px, py, qx, qy));
            px = qx;
            py = qy;
        }
        return best;
    }

    /** Moves the pointer to (x, y) (NaN: gone), updating the highlight and the hover label. */
    void hoverAt(double x, double y) {
        Item next = itemAt(x, y);
        boolean moved = next != null && (x != pointerX || y != pointerY);
        pointerX = x;
        pointerY = y;
        canvas.setCursor(next != null && editable(next) ? (next instanceof Edge ? Cursor.V_RESIZE : Cursor.HAND) : Cursor.DEFAULT);
        if (java.util.Objects.equals(next, hover) && !moved) return;
        hover = next;
        redraw();
    }

    private boolean editable() { return onEdit != null && frame != null && frame.perceptron() == null; }

    /** Weights and biases are; inputs, merges and their identity connections have nothing to edit. */
    private boolean editable(Item item) {
        return editable() && !(item instanceof Link) && !(item instanceof Unit u && (u.column() == 0 || frame.isMerge(u.column() - 1)));
    }

    private void pressed(MouseEvent e) {
        pressed = itemAt(e.getX(), e.getY());
        pressY = e.getY();
        dragging = false;
        if (pressed != null && editable(pressed)) pressValue = value(pressed);
        if (editing != null) closeEditor();
    }

    private void dragged(MouseEvent e) {
        if (pressed == null || !editable(pressed)) return;
        double dy = pressY - e.getY();
        if (!dragging && Math.abs(dy) < DRAG_THRESHOLD) return;
        dragging = true;
        // The slider's span over about 200 px of drag: fine enough to aim, quick enough to flip a sign.
        double perPixel = Math.max(4, 2 * Math.abs(pressValue)) / 100 / scale();
        apply(pressed, (float) (pressValue + dy * perPixel));
    }

    private void released(MouseEvent e) {
        if (pressed != null && !dragging && editable(pressed) && pressed.equals(itemAt(e.getX(), e.getY()))) openEditor(pressed, e.getX(), e.getY());
        pressed = null;
        dragging = false;
    }

    private void apply(Item item, float v) {
        if (onEdit == null) return;
        if (item instanceof Edge e) onEdit.weight(e.layer(), e.from(), e.to(), v);
        else if (item instanceof Unit u && u.column() > 0) onEdit.bias(u.column() - 1, u.unit(), v);
    }

    // ------------------------------------------------------------------ editor

    /** Opens the editor on {@code item} next to (x, y). */
    void openEditor(Item item, double x, double y) {
        editing = item;
        editorX = x;
        editorY = y;
        String name = item instanceof Edge e ? edgeName(e) : "b of " + unitName(((Unit) item).column(), ((Unit) item).unit());
        editor.open(name, value(item), v -> apply(item, v), box(), border(), ink());
        requestLayout();
        redraw();
    }

    private void closeEditor() {
        editor.close();
        editing = null;
    }

    /** The open editor (tests type into it). */
    WeightEditor editor() { return editor; }

    private Runnable onResized = () -> { };

    /**
     * Called after the drawing took a new size, when its columns have moved: controls placed over
     * them (laid out before it in the same pass) must be placed again.
     */
    void setOnResized(Runnable r) { onResized = r; }

    @Override
    protected void layoutChildren() {
        double oldW = canvas.getWidth(), oldH = canvas.getHeight();
        super.layoutChildren();
        if (canvas.getWidth() != oldW || canvas.getHeight() != oldH) onResized.run();
        if (!editor.isVisible()) return;
        editor.applyCss();
        editor.autosize();
        double w = editor.getWidth(), h = editor.getHeight(), W = getWidth(), H = getHeight();
        double x = editorX + 12, y = editorY + 12;
        if (x + w > W - 4) x = editorX - 12 - w;
        if (y + h > H - 4) y = editorY - 12 - h;
        editor.relocate(Math.max(4, Math.min(x, W - w - 4)), Math.max(4, Math.min(y, H - h - 4)));
    }
}
