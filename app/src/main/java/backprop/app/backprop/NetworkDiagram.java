package backprop.app.backprop;

import backprop.app.draw.CanvasPane;
import backprop.app.math.Num;
import backprop.app.theme.Palette;
import backprop.app.theme.Styles;
import backprop.app.timeline.NodeNames;
import backprop.app.timeline.Snapshot;
import backprop.app.timeline.StepKind;
import backprop.app.timeline.Timeline;
import backprop.app.timeline.TimelineStep;
import backprop.engine.trace.LayerTrace;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The network drawn on one canvas: a box per node with its a, z and δ (blank until the
 * timeline reaches them, "?" while a guess is pending), edges coloured and thickened by w
 * with their w and, once computed, ∂R/∂w and the updated w. The current step is outlined in
 * the accent colour; its operands are outlined lightly. All values come from the snapshot.
 */
final class NetworkDiagram extends CanvasPane {
    /** Layers with more edges than this only label the edges the current step uses. */
    static final int MAX_LABELLED_EDGES = 9;

    private Timeline timeline;
    private Snapshot snap;
    private TimelineStep current;
    private boolean hidden;
    private double rangeA = 1, rangeZ = 1, rangeD = 1, rangeW = 1, rangeG = 1;

    private final javafx.scene.control.Tooltip lossTip = new javafx.scene.control.Tooltip(LossMeaning.TEXT);
    private double[] lossBox; // x, y, w, h of the loss panel as last drawn; null when not drawn
    private boolean lossTipOn;

    NetworkDiagram() {
        getStyleClass().add(Styles.NETWORK_DIAGRAM);
        setMinSize(300, 220);
        lossTip.setWrapText(true);
        lossTip.setMaxWidth(420);
        // The canvas has no nodes to hang a tooltip on: it is installed while the pointer is over the loss panel.
        setOnMouseMoved(e -> {
            boolean over = tooltipAt(e.getX(), e.getY()) != null;
            if (over != lossTipOn) {
                if (over) javafx.scene.control.Tooltip.install(this, lossTip);
                else javafx.scene.control.Tooltip.uninstall(this, lossTip);
                lossTipOn = over;
            }
        });
    }

    /** The tooltip text at a point of the diagram (the meaning of R over the loss panel), or null. */
    String tooltipAt(double x, double y) {
        double[] b = lossBox;
        return b != null && x >= b[0] && x <= b[0] + b[2] && y >= b[1] && y <= b[1] + b[3] ? lossTip.getText() : null;
    }

    /** Centre of the loss panel as last drawn (tests hover there), or null. */
    javafx.geometry.Point2D lossPanelCentre() {
        return lossBox == null ? null : new javafx.geometry.Point2D(lossBox[0] + lossBox[2] / 2, lossBox[1] + lossBox[3] / 2);
    }

    void show(Timeline t, Snapshot s, TimelineStep step, boolean hiddenCurrent) {
        if (t != timeline && t != null) ranges(t);
        timeline = t;
        snap = s;
        current = step;
        hidden = hiddenCurrent;
        redraw();
    }

    /** Colour scales per quantity, from the trace, so colours compare within one step. */
    private void ranges(Timeline t) {
        rangeA = rangeZ = rangeD = rangeW = rangeG = 1e-6;
        for (LayerTrace l : t.trace().layers()) {
            rangeA = Math.max(rangeA, maxAbs(l.a()));
            rangeZ = Math.max(rangeZ, maxAbs(l.z()));
            rangeD = Math.max(rangeD, maxAbs(l.delta()));
            rangeW = Math.max(rangeW, maxAbs(l.weights()));
            rangeG = Math.max(rangeG, maxAbs(l.gradWeights()));
        }
    }

    private static double maxAbs(float[][] m) {
        double r = 0;
        if (m != null) for (float[] row : m) for (float v : row) r = Math.max(r, Math.abs(v));
        return r;
    }

    // ------------------------------------------------------------------ geometry

    private double top, bottom, left, right, colGap, slotH, bw, bh, bhIn, fs, lh, nameW;
    private boolean compact, chips, twoRow;

    /**
     * Box and font sizes from the canvas size and the presenter scale. Normally the font follows
     * the column width (about 1/18.6 of it); in presenter mode it is the scale times that, as far
     * as the height allows, and boxes trade the colour chip for a thin bar and take a larger
     * share of the column so the bigger numbers fit.
     */
    private void geometry() {
        double W = canvas.getWidth(), H = canvas.getHeight(), s = scale();
        boolean presenter = s > 1;
        NodeNames nn = timeline.names();
        int cols = nn.columns();
        int maxUnits = 1;
        for (int c = 0; c < cols; c++) maxUnits = Math.max(maxUnits, nn.size(c));
        // Title row and legend row: room for their text at either scale.
        top = 40;
        bottom = presenter ? 38 : 40;
        left = 16;
        // The targets sit right of the output boxes; the loss panel slides in below them when
        // this margin is narrow, so the columns keep the width their numbers need.
        right = Math.min(150 * s, W * 0.13);
        colGap = (W - left - right) / cols;
        slotH = (H - top - bottom) / maxUnits;
        chips = !presenter;
        // Full boxes need header + a, z, δ, b lines; when the tallest column leaves too little
        // room, boxes go compact: a|z and δ|b side by side.
        double lines = presenter ? 6.6 : 7.4; // box height in font sizes
        double full = Math.min(slotH * (presenter ? 0.93 : 0.84), 200 * s);
        double wide = Math.min(colGap / 18.6 * s, colGap * 0.6 / 6.6);
        compact = full < 12 * s * lines;
        twoRow = false;
        if (compact) {
            bh = slotH * 0.88;
            // 3 rows of 1.2 + padding: 4.45 font sizes high; two "name value" cells a row: about
            // 12.5 wide. Boxes may take a little over half the column; the edges keep the rest.
            double widest = colGap * (presenter ? 0.6 : 0.54);
            fs = Math.max(9, Math.min(15 * s, Math.min(bh / 4.45, widest / 12.5)));
            bw = Math.min(widest, fs * 15);
            // Tall columns leave little height per box, but often width to spare: the name moves beside the
            // values and the box keeps two rows (a|z, δ|b), so its text can be about half as large again.
            double nameEm = 0;
            for (int c = 1; c < cols; c++) for (int u = 0; u < nn.size(c); u++) nameEm = Math.max(nameEm, nn.plain(c, u).length() * 0.66 + 0.9);
            double wide2 = colGap * (presenter ? 0.7 : 0.62);
            double fs2 = Math.min(18 * s, Math.min(bh / 3.0, wide2 / (nameEm + 14.2)));
            if (fs2 > fs * 1.12) {
                twoRow = true;
                fs = fs2;
                nameW = fs * nameEm;
                bw = Math.min(wide2, fs * (nameEm + 14.2));
            }
        } else {
            bh = full;
            fs = Math.max(10, Math.min(28 * s, Math.min(bh / lines, wide)));
            bh = Math.min(bh, fs * (lines + 0.2));
            bw = Math.min(colGap * (presenter ? 0.6 : 0.42), fs * (presenter ? 6.6 : 7.8));
        }
        lh = fs * (compact ? 1.2 : presenter ? 1.18 : 1.3);
        bhIn = Math.min(bh, fs * (presenter ? 3.3 : 3.6));
    }

    /** Font size of the values in the node boxes as last drawn (tests compare presenter and normal). */
    double boxFontSize() { return fs; }

    private double cx(int column) { return left + colGap * (column + 0.5); }

    private double cy(int column, int unit) {
        int n = timeline.names().size(column);
        double mid = top + (canvas.getHeight() - top - bottom) / 2;
        return mid + (unit - (n - 1) / 2.0) * slotH;
    }

    private double boxH(int column) { return column == 0 ? bhIn : bh; }

    /** Input boxes hold one value: no wider than that needs, so the first edges keep room for their labels. */
    private double boxW(int column) { return column == 0 ? Math.min(bw, fs * 8.5) : bw; }

    // ------------------------------------------------------------------ drawing

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        if (timeline == null || snap == null || canvas.getWidth() < 50) return;
        geometry();
        NodeNames nn = timeline.names();
        titles(g, nn);
        for (int l = 0; l < timeline.layers(); l++) edges(g, l, false);
        for (int l = 0; l < timeline.layers(); l++) edges(g, l, true);
        for (int c = 0; c < nn.columns(); c++) for (int u = 0; u < nn.size(c); u++) node(g, c, u);
        labelled.clear();
        for (int l = 0; l < timeline.layers(); l++) edgeLabels(g, l);
        lossPanel(g);
        legend(g);
    }

    private void titles(GraphicsContext g, NodeNames nn) {
        g.setFill(muted());
        g.setFont(Font.font("System", FontWeight.BOLD, Math.max(11, fs * 0.8)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int c = 0; c < nn.columns(); c++) {
            String t = c == 0 ? "INPUT" : c == nn.columns() - 1 ? "OUTPUT" : nn.columns() == 3 ? "HIDDEN" : "HIDDEN " + c;
            if (c > 0) t += " · " + timeline.layer(c - 1).activation();
            g.fillText(t, cx(c), top / 2);
        }
    }

    private boolean focusEdge(int l, int i, int j) {
        if (current == null) return false;
        return switch (current.kind()) {
            case FORWARD_A -> current.layer() == l && current.unit() == j;
            case DELTA -> current.layer() + 1 == l && current.unit() == i;
            case GRAD_W, UPDATE_W -> current.layer() == l && current.unit() == j && current.from() == i;
            default -> false;
        };
    }

    private boolean currentEdge(int l, int i, int j) {
        return current != null && current.kind().onEdge() && current.layer() == l && current.unit() == j && current.from() == i;
    }

    private void edges(GraphicsContext g, int l, boolean focusPass) {
        LayerTrace t = timeline.layer(l);
        for (int i = 0; i < t.inputs(); i++) {
            for (int j = 0; j < t.units(); j++) {
                boolean focus = focusEdge(l, i, j);
                if (focus != focusPass) continue;
                double x1 = cx(l) + boxW(l) / 2, y1 = cy(l, i), x2 = cx(l + 1) - boxW(l + 1) / 2, y2 = cy(l + 1, j);
                double w = t.weights()[i][j];
                double width = (1.5 + 4.5 * Math.min(1, Math.abs(w) / rangeW)) * scale();
                if (focus) {
                    g.setStroke(currentEdge(l, i, j) ? accent() : accent(0.45));
                    g.setLineWidth(width + 7 * scale());
                    g.strokeLine(x1, y1, x2, y2);
                }
                // A thin grey core first, so an edge whose weight is near zero (palette white) stays visible.
                g.setStroke(border());
                g.setLineWidth(lineScale());
                g.strokeLine(x1, y1, x2, y2);
                g.setStroke(Palette.diverging(w, rangeW));
                g.setLineWidth(width);
                g.strokeLine(x1, y1, x2, y2);
            }
        }
    }

    /**
     * Edge labels never cover each other: the current step's labels are placed first, each near
     * the head of its edge and slid along it to the first free spot; a label of a crowded layer
     * that finds no free spot anywhere along its edge is left out rather than drawn over another
     * (its numbers are in the formulas and on the boxes it joins).
     */
    private void edgeLabels(GraphicsContext g, int l) {
        LayerTrace t = timeline.layer(l);
        boolean all = t.inputs() * t.units() <= MAX_LABELLED_EDGES;
        boolean busy = t.inputs() * t.units() > 4;
        Font f = Font.font("System", Math.max(10, fs * 0.78));
        java.util.List<int[]> order = new java.util.ArrayList<>();
        for (int i = 0; i < t.inputs(); i++) for (int j = 0; j < t.units(); j++) if (focusEdge(l, i, j)) order.add(new int[] {i, j});
        if (all) for (int i = 0; i < t.inputs(); i++) for (int j = 0; j < t.units(); j++) if (!focusEdge(l, i, j)) order.add(new int[] {i, j});
        for (int[] e : order) {
            int i = e[0], j = e[1];
            double x1 = cx(l) + boxW(l) / 2, y1 = cy(l, i), x2 = cx(l + 1) - boxW(l + 1) / 2, y2 = cy(l + 1, j);
            String line1 = Num.fmt(t.weights()[i][j]);
            Double after = snap.weightsAfter[l][i][j];
            if (after != null) line1 += " → " + Num.fmt(after);
            else if (hidden && current.kind() == StepKind.UPDATE_W && currentEdge(l, i, j)) line1 += " → ?";
            Double grad = snap.gradW[l][i][j];
            String line2 = grad != null ? "∂ " + Num.fmt(grad)
                    : hidden && current.kind() == StepKind.GRAD_W && currentEdge(l, i, j) ? "∂ ?" : null;
            if (busy && !focusEdge(l, i, j)) {
                // Crowded layer: one short line with the newest number the timeline has for this weight.
                line1 = after != null ? "→ " + Num.fmt(after) : grad != null ? "∂ " + Num.fmt(grad) : Num.fmt(t.weights()[i][j]);
                line2 = null;
            }
            double lw = Math.max(textWidth(line1, f), line2 == null ? 0 : textWidth(line2, f)) + 10;
            double lh = f.getSize() * 1.25 * (line2 == null ? 1 : 2) + 4;
            double[] at = spot(x1, y1, x2, y2, lw, lh);
            if (at == null) {
                if (!focusEdge(l, i, j)) continue;
                at = new double[] {x1 + 0.72 * (x2 - x1), y1 + 0.72 * (y2 - y1)}; // the step's own label is always shown
            }
            labelled.add(new double[] {at[0] - lw / 2, at[1] - lh / 2, lw, lh});
            label(g, at[0], at[1], line1, line2, f, currentEdge(l, i, j));
        }
    }

    /** Rectangles of the edge labels drawn so far in this frame (tests check that none overlap). */
    private final java.util.List<double[]> labelled = new java.util.ArrayList<>();

    java.util.List<double[]> edgeLabelRects() { return java.util.List.copyOf(labelled); }

    /**
     * Where along the edge a label of lw × lh fits without touching a placed label: tried first
     * near the head (72 % of the way, where the edges into one box have fanned apart), then back
     * and forth from there over the span that keeps it clear of both boxes. Null: nowhere.
     */
    private double[] spot(double x1, double y1, double x2, double y2, double lw, double lh) {
        double lo = x1 + lw / 2 + 4, hi = x2 - lw / 2 - 4;
        if (hi < lo) lo = hi = (x1 + x2) / 2;
        double start = Math.max(lo, Math.min(hi, x1 + 0.72 * (x2 - x1)));
        for (double d = 0; start - d >= lo || start + d <= hi; d += 3) {
            for (double x : new double[] {start - d, start + d}) {
                if (x < lo || x > hi) continue;
                double y = y1 + (x - x1) / (x2 - x1) * (y2 - y1);
                if (free(labelled, x, y, lw, lh)) return new double[] {x, y};
            }
        }
        return null;
    }

    private static boolean free(java.util.List<double[]> placed, double cx, double cy, double w, double h) {
        for (double[] r : placed) {
            boolean apart = cx + w / 2 + 2 < r[0] || cx - w / 2 - 2 > r[0] + r[2] || cy + h / 2 + 2 < r[1] || cy - h / 2 - 2 > r[1] + r[3];
            if (!apart) return false;
        }
        return true;
    }

    private void label(GraphicsContext g, double x, double y, String l1, String l2, Font f, boolean current) {
        double lh = f.getSize() * 1.25;
        double w = Math.max(textWidth(l1, f), l2 == null ? 0 : textWidth(l2, f)) + 10;
        double h = lh * (l2 == null ? 1 : 2) + 4;
        Color bg = box();
        g.setFill(Color.color(bg.getRed(), bg.getGreen(), bg.getBlue(), 0.93));
        g.fillRoundRect(x - w / 2, y - h / 2, w, h, 8, 8);
        g.setStroke(current ? accent() : border());
        g.setLineWidth((current ? 2 : 1) * lineScale());
        g.strokeRoundRect(x - w / 2, y - h / 2, w, h, 8, 8);
        g.setFont(f);
        g.setFill(ink());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        double first = y - h / 2 + 2 + lh / 2;
        g.fillText(l1, x, first);
        if (l2 != null) {
            g.setFill(current ? accent() : ink());
            g.fillText(l2, x, first + lh);
        }
    }

    private void node(GraphicsContext g, int c, int u) {
        NodeNames nn = timeline.names();
        double bw = boxW(c), h = boxH(c), x = cx(c) - bw / 2, y = cy(c, u) - h / 2;
        int l = c - 1;
        boolean cur = current != null && !current.kind().onEdge() && current.kind() != StepKind.LOSS
                && current.layer() == l && current.unit() == u;
        boolean isOperand = operandNode(c, u);
        g.setFill(box());
        g.fillRoundRect(x, y, bw, h, 12, 12);
        g.setStroke(cur ? accent() : isOperand ? accent(0.45) : border());
        g.setLineWidth(cur ? 4 * Math.max(1, 0.75 * lineScale()) : (isOperand ? 2.5 : 1.2) * lineScale());
        g.strokeRoundRect(x, y, bw, h, 12, 12);
        double pad = fs * 0.55;
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(ink());
        g.setFont(Font.font("System", FontWeight.BOLD, fs * 1.05));
        double ry = y + pad + lh / 2;
        boolean beside = twoRow && c > 0; // the name left of the two value rows
        g.fillText(nn.plain(c, u), x + pad, beside ? cy(c, u) : ry, beside ? nameW - pad : bw - 2 * pad);
        int n = timeline.sample();
        if (c == 0) {
            cell(g, x, bw, ry + lh, "x", (double) timeline.trace().input()[n][u], rangeZ, false, false);
            return;
        }
        StepKind k = cur ? current.kind() : null;
        boolean curA = cur && k == StepKind.FORWARD_A, curZ = cur && k == StepKind.FORWARD_Z, curD = cur && k == StepKind.DELTA;
        // Bias: before-update value, its gradient, then its new value as the timeline reaches them.
        LayerTrace t = timeline.layer(l);
        Double after = snap.biasAfter[l][u], gb = snap.gradB[l][u];
        boolean biasCur = cur && (k == StepKind.GRAD_B || k == StepKind.UPDATE_B);
        String bias;
        if (compact) {
            double x0 = beside ? x + nameW : x, half = (bw - (x0 - x)) / 2;
            double row1 = beside ? cy(c, u) - lh / 2 : ry + lh, row2 = row1 + lh;
            cell(g, x0, half, row1, "a", snap.a[l][u], rangeA, curA, hidden && curA);
            cell(g, x0 + half, half, row1, "z", snap.z[l][u], rangeZ, curZ, hidden && curZ);
            cell(g, x0, half, row2, "δ", snap.delta[l][u], rangeD, curD, hidden && curD);
            bias = biasCur && hidden ? (k == StepKind.GRAD_B ? "∂b ?" : "b → ?")
                    : after != null ? "b → " + Num.fmt(after) : gb != null ? "∂b " + Num.fmt(gb) : "b " + Num.fmt(t.bias()[u]);
            biasText(g, x0 + half, half, row2, bias, biasCur);
        } else {
            cell(g, x, bw, ry + lh, "a", snap.a[l][u], rangeA, curA, hidden && curA);
            cell(g, x, bw, ry + 2 * lh, "z", snap.z[l][u], rangeZ, curZ, hidden && curZ);
            cell(g, x, bw, ry + 3 * lh, "δ", snap.delta[l][u], rangeD, curD, hidden && curD);
            bias = "b " + Num.fmt(t.bias()[u]);
            if (after != null) bias += " → " + Num.fmt(after);
            else if (gb != null) bias += "   ∂ " + Num.fmt(gb);
            if (biasCur && hidden) bias += k == StepKind.GRAD_B ? "   ∂ ?" : " → ?";
            biasText(g, x, bw, ry + 4 * lh - lh * 0.05, bias, biasCur);
        }
        if (l == timeline.layers() - 1) {
            // The target sits next to the output it is compared with.
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(targetFont());
            g.setFill(ink());
            g.fillText(targetText(u), x + bw + 14, cy(c, u));
        }
    }

    private Font targetFont() { return Font.font("System", FontWeight.BOLD, fs * 0.95); }

    private String targetText(int u) { return "y = " + Num.shortFmt(timeline.trace().target()[timeline.sample()][u]); }

    private void biasText(GraphicsContext g, double x, double w, double y, String text, boolean cur) {
        if (cur) {
            g.setFill(highlight());
            g.fillRect(x + 3, y - lh / 2, w - 6, lh);
        }
        g.setFont(Font.font("System", fs * (compact ? 0.88 : 0.78))); // compact boxes give it half a row
        g.setFill(cur ? accent() : muted());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(text, x + fs * 0.55, y, w - fs * 0.8);
    }

    private boolean operandNode(int c, int u) {
        if (current == null) return false;
        int l = c - 1;
        return switch (current.kind()) {
            case FORWARD_A -> c == current.layer() && nodeCol(current) == c + 1; // sources of the current node
            case DELTA -> l == current.layer() + 1;
            case GRAD_W, UPDATE_W -> (c == current.layer() && u == current.from()) || (l == current.layer() && u == current.unit());
            case LOSS -> l == timeline.layers() - 1;
            default -> false;
        };
    }

    private static int nodeCol(TimelineStep s) { return s.layer() + 1; }

    /** One "name ▪ value" line in the horizontal span [x, x + w] of a box. */
    private void cell(GraphicsContext g, double x, double w, double y, String name, Double v, double range, boolean cur, boolean hiddenValue) {
        double pad = fs * 0.55;
        if (cur) {
            g.setFill(highlight());
            g.fillRect(x + 3, y - lh / 2, w - 6, lh);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font("System", fs * 0.9));
        g.setFill(muted());
        g.fillText(name, x + pad, y);
        if (v != null && (compact || !chips)) {
            // Compact and presenter boxes have no room for a chip: a thin bar in the value's colour instead.
            g.setFill(Palette.diverging(v, range));
            g.fillRect(x + pad + fs * 0.85, y - lh * 0.35, fs * 0.3, lh * 0.7);
        } else if (v != null) {
            double chip = fs * 0.7;
            g.setFill(Palette.diverging(v, range));
            g.fillRoundRect(x + pad + fs * 1.1, y - chip / 2, chip, chip, 3, 3);
            g.setStroke(border());
            g.setLineWidth(0.8 * lineScale());
            g.strokeRoundRect(x + pad + fs * 1.1, y - chip / 2, chip, chip, 3, 3);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFont(Font.font("System", cur ? FontWeight.BOLD : FontWeight.NORMAL, fs));
        g.setFill(cur ? accent() : ink());
        String s = hiddenValue ? "?" : v == null ? "" : Num.fmt(v);
        // Squeezed rather than spilling over the name or the box edge (Num.fmt already keeps values short).
        g.fillText(s, x + w - pad, y, Math.max(1, w - 2 * pad - fs * (chips && !compact ? 2.0 : 1.3)));
    }

    private void lossPanel(GraphicsContext g) {
        int outCol = timeline.names().columns() - 1;
        double targets = 0;
        for (int u = 0; u < timeline.names().size(outCol); u++) targets = Math.max(targets, textWidth(targetText(u), targetFont()));
        double pfs = Math.max(fs, 13);
        String caption = "loss R (" + timeline.trace().lossName().replace('_', ' ') + ", " + timeline.trace().batchSize() + " samples)";
        String v = current != null && current.kind() == StepKind.LOSS && hidden ? "?" : snap.loss() == null ? "—" : Num.fmt(snap.loss());
        Font valueFont = Font.font("System", FontWeight.BOLD, pfs * 1.1), captionFont = Font.font("System", pfs * 0.78);
        double need = Math.max(textWidth("R = " + v, valueFont), textWidth(caption, captionFont)) + 20;
        // Right of the targets if there is room; otherwise slid left (it sits below the output boxes).
        double x = cx(outCol) + bw / 2 + 14 + targets + 18, h = pfs * 3.4, y = canvas.getHeight() - bottom - h - 4;
        x = Math.max(cx(outCol) + bw / 2 + 8, Math.min(x, canvas.getWidth() - need - 10));
        double w = canvas.getWidth() - x - 10;
        lossBox = null;
        if (w < 60) return;
        lossBox = new double[] {x, y, w, h};
        boolean cur = current != null && current.kind() == StepKind.LOSS;
        g.setFill(cur ? highlight() : box());
        g.fillRoundRect(x, y, w, h, 12, 12);
        g.setStroke(cur ? accent() : border());
        g.setLineWidth(cur ? 4 * Math.max(1, 0.75 * lineScale()) : 1.2 * lineScale());
        g.strokeRoundRect(x, y, w, h, 12, 12);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(muted());
        g.setFont(captionFont);
        g.fillText(caption, x + 8, y + h * 0.3, w - 12);
        g.setFill(cur ? accent() : ink());
        g.setFont(valueFont);
        g.fillText("R = " + v, x + 8, y + h * 0.68, w - 12);
    }

    private void legend(GraphicsContext g) {
        double x = left + 4, y = canvas.getHeight() - bottom / 2 - 2, w = Math.min(160 * scale(), canvas.getWidth() * 0.15), h = 10 * scale();
        LinearGradient grad = new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE,
                new Stop(0, Palette.NEGATIVE), new Stop(0.25, Palette.NEGATIVE_LIGHT), new Stop(0.5, Palette.ZERO),
                new Stop(0.75, Palette.POSITIVE_LIGHT), new Stop(1, Palette.POSITIVE));
        g.setFill(grad);
        g.fillRoundRect(x, y - h / 2, w, h, 4, 4);
        g.setStroke(border());
        g.setLineWidth(0.8 * lineScale());
        g.strokeRoundRect(x, y - h / 2, w, h, 4, 4);
        g.setFill(muted());
        g.setFont(Font.font("System", Math.max(11, fs * 0.6)));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("negative · 0 · positive     edges: w → w after update,  ∂ = ∂R/∂w (batch mean);  width ∝ |w|", x + w + 8, y);
    }

}
