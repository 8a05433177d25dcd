package backprop.app.editor;

import backprop.app.draw.CanvasPane;
import backprop.app.editor.model.Analysis;
import backprop.app.editor.model.AutoLayout;
import backprop.app.editor.model.Edge;
import backprop.app.editor.document.EditorDocument;
import backprop.app.editor.model.EditorGraph;
import backprop.app.editor.model.EditorNode;
import backprop.app.editor.model.NodeRole;
import backprop.app.draw.Sci;
import backprop.app.theme.Palette;
import backprop.engine.layers.LayerKinds;
import backprop.engine.trace.Histogram;
import backprop.engine.trace.LayerStatistics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.StyleableObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The graph on a canvas: nodes as boxes with an input port on the left and an output port on the
 * right, a parameter badge and, when the engine refuses the node, a red outline with its one-line
 * reason beneath; edges as curves labelled with the tensor shape they carry. Every shape, count and
 * reason comes from the document's {@link Analysis}. Zoom and pan are a view transform; the model
 * keeps canvas units. {@link CanvasInput} turns pointer and keys into edits.
 */
public final class EditorCanvas extends CanvasPane {
    static final double PORT = 6;
    /** The colour of a refused node, {@code -editor-error} in the view's stylesheet. */
    private static final CssMetaData<EditorCanvas, Paint> ERROR = new CssMetaData<>("-editor-error", StyleConverter.getPaintConverter(), Color.web("#b00020")) {
        @Override public boolean isSettable(EditorCanvas c) { return !c.error.isBound(); }

        @Override public StyleableProperty<Paint> getStyleableProperty(EditorCanvas c) { return c.error; }
    };
    private final StyleableObjectProperty<Paint> error = new SimpleStyleableObjectProperty<>(ERROR, this, "error", Color.web("#b00020"));

    private final EditorDocument doc;
    private final Selection selection;
    private double zoom = 1, panX, panY;
    /** While nodes are dragged: where each stands now (the model still has where it stood). */
    private Map<Integer, double[]> dragged = Map.of();
    /** A connection being drawn: from this node's output port to the pointer. */
    private Integer connectFrom;
    private double pointerX, pointerY;
    /** The rubber band, in screen coordinates, or null. */
    private double[] band;
    /** While the run panel trains: the newest step's statistics of each layer, by node key (else empty). */
    private Map<Integer, LayerStatistics> run = Map.of();
    /** The largest edge gradient norm of that step: the end of the colour scale. */
    private float runMaxNorm;

    public EditorCanvas(EditorDocument doc, Selection selection) {
        this.doc = doc;
        this.selection = selection;
        setFocusTraversable(true);
        error.addListener((o, a, b) -> redraw());
        doc.addListener(this::redraw); // once per edit: the graph's own events come once per node and edge
        selection.addListener(this::redraw);
    }

    // ------------------------------------------------------------------ view transform

    public double zoom() { return zoom; }

    public double toModelX(double sx) { return (sx - panX) / zoom; }

    public double toModelY(double sy) { return (sy - panY) / zoom; }

    double toScreenX(double mx) { return mx * zoom + panX; }

    double toScreenY(double my) { return my * zoom + panY; }

    /** Zooms by {@code factor} keeping the model point under (sx, sy) where it is. */
    public void zoomAt(double factor, double sx, double sy) {
        double mx = toModelX(sx), my = toModelY(sy);
        zoom = Math.max(0.2, Math.min(4, zoom * factor));
        panX = sx - mx * zoom;
        panY = sy - my * zoom;
        redraw();
    }

    public void panBy(double dx, double dy) {
        panX += dx;
        panY += dy;
        redraw();
    }

    /** Zoom and pan so that every node fits, at most at 100 %. */
    public void fit() {
        List<EditorNode> nodes = doc.graph().nodes();
        double w = getWidth(), h = getHeight();
        if (nodes.isEmpty() || w <= 0 || h <= 0) {
            zoom = 1;
            panX = panY = 0;
            redraw();
            return;
        }
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (EditorNode n : nodes) {
            minX = Math.min(minX, n.x());
            minY = Math.min(minY, n.y());
            maxX = Math.max(maxX, n.x() + AutoLayout.NODE_WIDTH);
            maxY = Math.max(maxY, n.y() + AutoLayout.NODE_HEIGHT + 30);
        }
        double margin = 40 * scale();
        // Full size (presenter size in presenter mode) when it fits, smaller when not.
        zoom = Math.max(0.2, Math.min(scale(), Math.min((w - 2 * margin) / (maxX - minX), (h - 2 * margin) / (maxY - minY))));
        panX = (w - (maxX - minX) * zoom) / 2 - minX * zoom;
        panY = (h - (maxY - minY) * zoom) / 2 - minY * zoom;
        redraw();
    }

    // ------------------------------------------------------------------ transient state from the input handler

    void setDragged(Map<Integer, double[]> at) {
        dragged = at;
        redraw();
    }

    void setConnecting(Integer from, double sx, double sy) {
        connectFrom = from;
        pointerX = sx;
        pointerY = sy;
        redraw();
    }

    void setBand(double[] screenRect) {
        band = screenRect;
        redraw();
    }

    // ------------------------------------------------------------------ training overlay

    /**
     * Shows a training step's statistics on the graph (empty: none): each layer's histogram of its
     * outputs in its box, and each edge coloured by the gradient norm of the weights it carries.
     */
    public void showRun(Map<Integer, LayerStatistics> layers) {
        run = Map.copyOf(layers);
        runMaxNorm = 0;
        for (Edge e : doc.graph().edges()) {
            float g = edgeGradient(e);
            if (Float.isFinite(g)) runMaxNorm = Math.max(runMaxNorm, g);
        }
        redraw();
    }

    /** The statistics drawn now, by node key. */
    public Map<Integer, LayerStatistics> runLayers() { return run; }

    /**
     * An edge's gradient norm: ‖∂R/∂W‖ of the weights of the layer it feeds (a dense layer's W sits
     * on its incoming connection), as the engine measured it; NaN when that layer has no weights or
     * nothing trains.
     */
    public float edgeGradient(Edge e) {
        LayerStatistics s = run.get(e.to());
        return s == null ? Float.NaN : s.gradNorm();
    }

    // ------------------------------------------------------------------ hit testing

    /** What lies under a screen point. */
    public record Hit(Kind kind, int key, Edge edge) {
        public enum Kind { NONE, NODE, IN_PORT, OUT_PORT, EDGE }

        static final Hit NONE = new Hit(Kind.NONE, -1, null);
    }

    public Hit hit(double sx, double sy) {
        List<EditorNode> nodes = doc.graph().nodes();
        int out = portAt(sx, sy, true), in = portAt(sx, sy, false);
        if (out >= 0) return new Hit(Hit.Kind.OUT_PORT, out, null);
        if (in >= 0) return new Hit(Hit.Kind.IN_PORT, in, null);
        double mx = toModelX(sx), my = toModelY(sy);
        for (int i = nodes.size() - 1; i >= 0; i--) {
            double[] p = at(nodes.get(i));
            if (mx >= p[0] && mx <= p[0] + AutoLayout.NODE_WIDTH && my >= p[1] && my <= p[1] + AutoLayout.NODE_HEIGHT) {
                return new Hit(Hit.Kind.NODE, nodes.get(i).key(), null);
            }
        }
        for (Edge e : doc.graph().edges()) {
            double[] c = curve(e);
            for (int s = 0; s <= 24; s++) {
                double[] q = bezier(c, s / 24.0);
                if (Math.hypot(mx - q[0], my - q[1]) <= 5 / zoom) return new Hit(Hit.Kind.EDGE, -1, e);
            }
        }
        return Hit.NONE;
    }

    /** The node whose output port ({@code out}) or input port lies under a screen point, or −1. */
    public int portAt(double sx, double sy, boolean out) {
        double mx = toModelX(sx), my = toModelY(sy), r = (PORT + 4) / zoom;
        List<EditorNode> nodes = doc.graph().nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            EditorNode n = nodes.get(i);
            if (n.role() == (out ? NodeRole.OUTPUT : NodeRole.INPUT)) continue;
            double[] p = at(n);
            if (Math.hypot(mx - (p[0] + (out ? AutoLayout.NODE_WIDTH : 0)), my - (p[1] + AutoLayout.NODE_HEIGHT / 2)) <= r) return n.key();
        }
        return -1;
    }

    /** Nodes whose box meets the screen rectangle {x0, y0, x1, y1}. */
    public List<Integer> nodesIn(double[] rect) {
        double x0 = toModelX(Math.min(rect[0], rect[2])), x1 = toModelX(Math.max(rect[0], rect[2]));
        double y0 = toModelY(Math.min(rect[1], rect[3])), y1 = toModelY(Math.max(rect[1], rect[3]));
        List<Integer> out = new ArrayList<>();
        for (EditorNode n : doc.graph().nodes()) {
            if (n.x() + AutoLayout.NODE_WIDTH >= x0 && n.x() <= x1 && n.y() + AutoLayout.NODE_HEIGHT >= y0 && n.y() <= y1) out.add(n.key());
        }
        return out;
    }

    /** The screen centre of a node (tests aim the robot here). */
    public double[] screenCentre(int key) {
        EditorNode n = doc.graph().node(key);
        return new double[] {toScreenX(n.x() + AutoLayout.NODE_WIDTH / 2), toScreenY(n.y() + AutoLayout.NODE_HEIGHT / 2)};
    }

    /** The screen point of a node's output port ({@code out}) or input port. */
    public double[] screenPort(int key, boolean out) {
        EditorNode n = doc.graph().node(key);
        return new double[] {toScreenX(n.x() + (out ? AutoLayout.NODE_WIDTH : 0)), toScreenY(n.y() + AutoLayout.NODE_HEIGHT / 2)};
    }

    private double[] at(EditorNode n) {
        double[] d = dragged.get(n.key());
        return d != null ? d : new double[] {n.x(), n.y()};
    }

    // ------------------------------------------------------------------ drawing

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        if (doc == null) return;
        double w = canvas.getWidth(), h = canvas.getHeight();
        drawGrid(g, w, h);
        EditorGraph graph = doc.graph();
        Analysis a = doc.analysis();
        g.save();
        g.translate(panX, panY);
        g.scale(zoom, zoom);
        // Only what is in view is drawn, and text only where it is large enough to read: a
        // 200-node graph zoomed out is boxes and lines, and pans at the frame rate.
        double[] view = {toModelX(0), toModelY(0), toModelX(w), toModelY(h)};
        boolean text = zoom * 11 * Math.min(scale(), 1.25) >= 5;
        for (Edge e : graph.edges()) if (visible(curve(e), view)) drawEdge(g, e, a, text);
        for (EditorNode n : graph.nodes()) if (visible(n, view)) drawNode(g, graph, n, a, text);
        if (text) for (EditorNode n : graph.nodes()) if (visible(n, view)) drawProblem(g, n, a); // on top, so no node hides a reason
        if (connectFrom != null && graph.node(connectFrom) != null) {
            double[] p = at(graph.node(connectFrom));
            double x0 = p[0] + AutoLayout.NODE_WIDTH, y0 = p[1] + AutoLayout.NODE_HEIGHT / 2;
            g.setStroke(accent());
            g.setLineWidth(2 * lineScale() / zoom);
            g.setLineDashes(6 / zoom);
            g.strokeLine(x0, y0, toModelX(pointerX), toModelY(pointerY));
            g.setLineDashes();
        }
        g.restore();
        if (band != null) {
            g.setStroke(accent());
            g.setFill(accent(0.12));
            g.setLineWidth(1);
            double x = Math.min(band[0], band[2]), y = Math.min(band[1], band[3]);
            g.fillRect(x, y, Math.abs(band[2] - band[0]), Math.abs(band[3] - band[1]));
            g.strokeRect(x, y, Math.abs(band[2] - band[0]), Math.abs(band[3] - band[1]));
        }
        if (graph.isEmpty()) {
            g.setFill(muted());
            g.setFont(Font.font(14 * scale()));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("Drag an Input from the palette, then layers, then an Output; or start from a template.", w / 2, h / 2);
        }
    }

    private boolean visible(EditorNode n, double[] view) {
        double[] p = at(n);
        return p[0] + AutoLayout.NODE_WIDTH * 2.5 >= view[0] && p[0] <= view[2] && p[1] + AutoLayout.NODE_HEIGHT + 24 >= view[1] && p[1] <= view[3];
    }

    private static boolean visible(double[] c, double[] view) {
        double minX = Math.min(c[0], c[6]) - 80, maxX = Math.max(c[0], c[6]) + 80;
        double minY = Math.min(c[1], c[7]), maxY = Math.max(c[1], c[7]);
        return maxX >= view[0] && minX <= view[2] && maxY >= view[1] && minY <= view[3];
    }

    private void drawGrid(GraphicsContext g, double w, double h) {
        double step = AutoLayout.GRID * zoom;
        if (step < 8) return;
        g.setFill(track());
        double s = Math.max(1, 1.5 * lineScale());
        for (double x = ((panX % step) + step) % step; x < w; x += step) {
            for (double y = ((panY % step) + step) % step; y < h; y += step) g.fillRect(x - s / 2, y - s / 2, s, s);
        }
    }

    private double[] curve(Edge e) {
        EditorGraph graph = doc.graph();
        double[] a = at(graph.node(e.from())), b = at(graph.node(e.to()));
        double x0 = a[0] + AutoLayout.NODE_WIDTH, y0 = a[1] + AutoLayout.NODE_HEIGHT / 2;
        double x1 = b[0], y1 = b[1] + AutoLayout.NODE_HEIGHT / 2;
        if (x1 < x0 + 40) { // back to the left (a wrapped band, a node dragged behind): an S down and across
            double mid = (y0 + y1) / 2;
            return new double[] {x0, y0, x0 + 40, mid, x1 - 40, mid, x1, y1};
        }
        double bend = Math.max(40, Math.abs(x1 - x0) / 2);
        return new double[] {x0, y0, x0 + bend, y0, x1 - bend, y1, x1, y1};
    }

    private static double[] bezier(double[] c, double t) {
        double u = 1 - t;
        double x = u * u * u * c[0] + 3 * u * u * t * c[2] + 3 * u * t * t * c[4] + t * t * t * c[6];
        double y = u * u * u * c[1] + 3 * u * u * t * c[3] + 3 * u * t * t * c[5] + t * t * t * c[7];
        return new double[] {x, y};
    }

    private void drawEdge(GraphicsContext g, Edge e, Analysis a, boolean text) {
        double[] c = curve(e);
        boolean selected = e.equals(selection.edge());
        float grad = edgeGradient(e);
        boolean trained = Float.isFinite(grad);
        g.beginPath();
        g.moveTo(c[0], c[1]);
        g.bezierCurveTo(c[2], c[3], c[4], c[5], c[6], c[7]);
        if (trained) { // a casing, so that the scale's pale end still shows on a light canvas
            g.setStroke(selected ? accent() : muted());
            g.setLineWidth(5 * lineScale());
            g.stroke();
        }
        g.setStroke(trained ? Palette.diverging(grad, runMaxNorm) : selected ? accent() : muted());
        g.setLineWidth((trained ? 3 : selected ? 3 : 1.6) * lineScale());
        g.stroke();
        if (!text) return;
        String label = a.shapeText(e.from());
        double[] mid = bezier(c, 0.5);
        if (trained) { // the norm below the line, so the label does not hide the edge's colour
            Font nf = Font.font(null, FontWeight.BOLD, 10 * Math.min(scale(), 1.25));
            String norm = "‖∇W‖ " + Sci.format(grad);
            double room = Math.abs(c[6] - c[0]) - 8; // between the two nodes' ports
            if (textWidth(norm, nf) + 6 > room && c[6] > c[0]) norm = Sci.format(grad); // a narrow gap keeps the number alone
            g.setFill(box());
            double nw = textWidth(norm, nf) + 6, nh = 14 * Math.min(scale(), 1.25), ny = mid[1] + 10 * Math.min(scale(), 1.25);
            g.fillRoundRect(mid[0] - nw / 2, ny, nw, nh, 4, 4);
            g.setFill(ink());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            text(g, norm, nf, mid[0], ny + nh / 2);
        }
        Font f = Font.font(null, FontWeight.NORMAL, 11 * Math.min(scale(), 1.25)); // labels must fit between columns
        double tw = textWidth(label, f) + 10, th = 16 * Math.min(scale(), 1.25);
        g.setFill(box());
        g.fillRoundRect(mid[0] - tw / 2, mid[1] - th / 2, tw, th, th, th);
        g.setStroke(selected ? accent() : border());
        g.setLineWidth(lineScale());
        g.strokeRoundRect(mid[0] - tw / 2, mid[1] - th / 2, tw, th, th, th);
        g.setFill(ink());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        text(g, label, f, mid[0], mid[1]);
    }

    private void drawNode(GraphicsContext g, EditorGraph graph, EditorNode n, Analysis a, boolean text) {
        double[] p = at(n);
        double x = p[0], y = p[1], w = AutoLayout.NODE_WIDTH, h = AutoLayout.NODE_HEIGHT;
        String problem = a.errors().get(n.key());
        boolean selected = selection.contains(n.key());
        Color err = error.getValue() instanceof Color c ? c : Color.RED;
        g.setFill(n.role() == NodeRole.LAYER ? box() : track());
        g.fillRoundRect(x, y, w, h, 12, 12);
        g.setStroke(problem != null ? err : selected ? accent() : border());
        g.setLineWidth((problem != null || selected ? 2.5 : 1.2) * lineScale());
        g.strokeRoundRect(x, y, w, h, 12, 12);
        if (selected && problem != null) {
            g.setStroke(accent());
            g.setLineWidth(1.5 * lineScale());
            g.strokeRoundRect(x - 4, y - 4, w + 8, h + 8, 16, 16);
        }
        if (!text) return;
        double s = Math.min(scale(), 1.25); // boxes keep their size in canvas units; text grows a little in presenter mode
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(ink());
        Font title = Font.font(null, FontWeight.BOLD, 13 * s);
        text(g, fit(graph.label(n), w - 20, title), title, x + 10, y + 17);
        LayerStatistics st = run.get(n.key());
        g.setFill(muted());
        Font small = Font.font(11 * s);
        text(g, fit(summary(n, graph.label(n)), w - 20 - (st == null ? 0 : HISTOGRAM_WIDTH + 6), small), small, x + 10, y + 40);
        if (st != null) drawHistogram(g, st.histogram(), x + w - HISTOGRAM_WIDTH - 8, y + 26, HISTOGRAM_WIDTH, h - 32);
        Long params = a.parameters().get(n.key());
        if (params != null && params > 0) badge(g, String.format("%,d", params), x + w, y);
        g.setFill(box());
        g.setStroke(ink());
        g.setLineWidth(1.2 * lineScale());
        if (n.role() != NodeRole.INPUT) port(g, x, y + h / 2);
        if (n.role() != NodeRole.OUTPUT) port(g, x + w, y + h / 2);
    }

    static final double HISTOGRAM_WIDTH = 58;

    /**
     * A layer's outputs z as the engine binned them ({@link Histogram}: [−2, 2) in 32 bins, and
     * one bin each for what lies beyond), bars scaled to the fullest bin, each coloured on the
     * signed scale by where its bin lies; the zero line marked.
     */
    private void drawHistogram(GraphicsContext g, int[] counts, double x, double y, double w, double h) {
        g.setFill(track());
        g.fillRect(x, y, w, h);
        int max = 1;
        for (int c : counts) max = Math.max(max, c);
        double bw = w / counts.length;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) continue;
            double lo = Math.max(Histogram.LOW - Histogram.WIDTH, Histogram.lowerEdge(i)), hi = Math.min(Histogram.HIGH + Histogram.WIDTH, Histogram.upperEdge(i));
            g.setFill(Palette.diverging((lo + hi) / 2, 1)); // ±1 and beyond at full strength: sigmoid and tanh outputs show
            double bh = Math.max(1, h * counts[i] / max);
            g.fillRect(x + i * bw, y + h - bh, Math.max(1, bw), bh);
        }
        g.setStroke(border());
        g.setLineWidth(lineScale());
        double zero = x + (1 + (0 - Histogram.LOW) / Histogram.WIDTH) * bw;
        g.strokeLine(zero, y, zero, y + h);
        g.strokeRect(x, y, w, h);
    }

    /** A refused node's reason under it, on a backing so that edges and grid do not cross the text. */
    private void drawProblem(GraphicsContext g, EditorNode n, Analysis a) {
        String problem = a.errors().get(n.key());
        if (problem == null) return;
        double[] p = at(n);
        Font f = Font.font(null, FontWeight.BOLD, 11 * Math.min(scale(), 1.25));
        String text = fit("⚠ " + problem, AutoLayout.NODE_WIDTH * 2.4, f);
        double tw = textWidth(text, f) + 8, th = 16 * Math.min(scale(), 1.25), y = p[1] + AutoLayout.NODE_HEIGHT + 4;
        g.setFill(box());
        g.fillRoundRect(p[0] - 4, y, tw, th, 6, 6);
        g.setFill(error.getValue() instanceof Color c ? c : Color.RED);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        text(g, text, f, p[0], y + th / 2);
    }

    private void badge(GraphicsContext g, String text, double right, double top) {
        Font f = Font.font(null, FontWeight.BOLD, 10 * Math.min(scale(), 1.25));
        double tw = textWidth(text, f) + 10, th = 15 * Math.min(scale(), 1.25);
        g.setFill(accent());
        g.fillRoundRect(right - tw + 6, top - th / 2, tw, th, th, th);
        g.setFill(onAccent());
        g.setTextAlign(TextAlignment.CENTER);
        text(g, text, f, right - tw / 2 + 6, top);
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** Fonts by weight and size as drawn on screen: one per zoom level, not one per call. */
    private final Map<ScreenFont, Font> screenFonts = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<ScreenFont, Font> e) { return size() > 48; }
    };

    /** A font as laid out (graph units) and the size it is drawn at on screen. */
    private record ScreenFont(Font laidOut, double size) {}

    /**
     * {@code fillText} of text laid out in graph units at (x, y), drawn in screen space at the
     * zoomed size. Under the zoom transform JavaFX's software renderer fills every glyph as a path
     * (a third of a pan frame of a 200-node graph went there); untransformed it stamps cached
     * glyph masks, and the text is hinted at the size it is shown.
     */
    private void text(GraphicsContext g, String s, Font f, double x, double y) {
        double size = Math.round(f.getSize() * zoom * 4) / 4.0; // quarter pixels: a few strikes per zoom range
        Font shown = screenFonts.computeIfAbsent(new ScreenFont(f, size), k -> Font.font(f.getFamily(),
                f.getStyle().toLowerCase(java.util.Locale.ROOT).contains("bold") ? FontWeight.BOLD : FontWeight.NORMAL, size));
        g.save();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setFont(shown);
        g.fillText(s, panX + x * zoom, panY + y * zoom);
        g.restore();
    }

    private static void port(GraphicsContext g, double cx, double cy) {
        g.fillOval(cx - PORT, cy - PORT, 2 * PORT, 2 * PORT);
        g.strokeOval(cx - PORT, cy - PORT, 2 * PORT, 2 * PORT);
    }

    /** The second line of a node: its kind unless its name says it, then its scalar fields ("units 4 · sigmoid"). */
    static String summary(EditorNode n, String label) {
        List<String> parts = new ArrayList<>();
        if (!label.startsWith(n.type())) parts.add(LayerKinds.byType(n.type()) != null || n.role() != NodeRole.LAYER ? n.type() : n.type() + "?");
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = n.fields().fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().isTextual()) parts.add(e.getValue().asText());
            else if (e.getValue().isValueNode()) parts.add(e.getKey() + " " + e.getValue().asText());
            else if (e.getKey().equals("shape")) parts.add(e.getValue().toString());
            else parts.add(e.getKey() + " …");
        }
        return String.join(" · ", parts);
    }

    private static String fit(String s, double width, Font f) {
        if (textWidth(s, f) <= width) return s;
        String t = s;
        while (t.length() > 1 && textWidth(t + "…", f) > width) t = t.substring(0, t.length() - 1);
        return t + "…";
    }

    /** The positions nodes had before a drag, for the move edit. */
    Map<Integer, double[]> positionsOf(Iterable<Integer> keys) {
        Map<Integer, double[]> out = new HashMap<>();
        for (int k : keys) {
            EditorNode n = doc.graph().node(k);
            if (n != null) out.put(k, new double[] {n.x(), n.y()});
        }
        return out;
    }

    // The pane's list is read per call: CanvasPane fills its own as its first instance is made.
    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(super.getCssMetaData());
        all.add(ERROR);
        return all;
    }
}
