package backprop.app.graph;

import backprop.app.draw.CanvasPane;
import backprop.app.math.Num;
import backprop.app.theme.Palette;
import backprop.app.theme.Styles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The computational graph drawn micrograd-style: one box per node with its name, op, value
 * and gradient, columns by depth (inputs left, output right), arrows from operands to
 * results. In the backward pass the arrows the current gradient flows back along are drawn
 * in the accent colour.
 */
final class GraphDiagram extends CanvasPane {

    private final GraphViewModel vm;

    GraphDiagram(GraphViewModel vm) {
        this.vm = vm;
        getStyleClass().add(Styles.GRAPH_DIAGRAM);
        setMinSize(300, 200);
        vm.indexProperty().addListener((o, a, b) -> redraw());
        vm.graphProperty().addListener((o, a, b) -> redraw());
        vm.markedProperty().addListener((o, a, b) -> redraw());
    }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        double W = canvas.getWidth(), H = canvas.getHeight();
        ExpressionGraph graph = vm.graphProperty().get();
        GraphStep cur = vm.currentProperty().get();
        if (graph == null || W < 50) return;
        List<GraphNode> nodes = graph.nodes();
        int maxDepth = 0;
        Map<String, Integer> depth = new HashMap<>(), rowInCol = new HashMap<>();
        Map<Integer, Integer> colCount = new HashMap<>();
        for (GraphNode n : nodes) {
            int d = graph.depth(n.name());
            depth.put(n.name(), d);
            rowInCol.put(n.name(), colCount.getOrDefault(d, 0));
            colCount.merge(d, 1, Integer::sum);
            maxDepth = Math.max(maxDepth, d);
        }
        double colGap = W / (maxDepth + 1);
        double zoom = scale(); // presenter mode: everything grows as far as the canvas allows
        double bw = Math.min(colGap * 0.48, 230 * zoom), bh = Math.min(H * 0.3, 140 * zoom), fs = Math.max(12, Math.min(22 * zoom, bh / 5.2));
        Map<String, double[]> pos = new HashMap<>();
        for (GraphNode n : nodes) {
            int d = depth.get(n.name()), k = colCount.get(d);
            double x = colGap * (d + 0.5), y = H * (rowInCol.get(n.name()) + 0.5) / k;
            pos.put(n.name(), new double[] {x, y});
        }
        double range = 1e-6;
        for (GraphNode n : nodes) range = Math.max(range, Math.max(Math.abs(n.value()), Math.abs(n.grad())));
        // Arrows from each operand to its result; in the backward pass those leaving the current node's consumers glow.
        for (GraphNode n : nodes) {
            for (String in : n.inputs()) {
                double[] a = pos.get(in), b = pos.get(n.name());
                boolean flow = cur != null && cur.backward() && in.equals(cur.node().name());
                boolean feed = cur != null && !cur.backward() && n.name().equals(cur.node().name());
                double x1 = a[0] + bw / 2, y1 = a[1], x2 = b[0] - bw / 2, y2 = b[1];
                if (flow || feed) {
                    g.setStroke(accent(0.35));
                    g.setLineWidth(10 * zoom);
                    g.strokeLine(x1, y1, x2, y2);
                }
                g.setStroke(flow || feed ? accent() : muted());
                g.setLineWidth(2.2 * zoom);
                g.strokeLine(x1, y1, x2, y2);
                arrowHead(g, x1, y1, x2, y2, flow || feed ? accent() : muted());
            }
        }
        for (GraphNode n : nodes) {
            double[] p = pos.get(n.name());
            double x = p[0] - bw / 2, y = p[1] - bh / 2;
            boolean isCur = cur != null && cur.node().name().equals(n.name());
            if (n.name().equals(vm.markedProperty().get())) {
                // A lesson points at this node: a wide halo around the box, outside its border.
                double m = 7 * zoom;
                g.setStroke(accent(0.45));
                g.setLineWidth(6 * zoom);
                g.strokeRoundRect(x - m, y - m, bw + 2 * m, bh + 2 * m, 20, 20);
            }
            g.setFill(box());
            g.fillRoundRect(x, y, bw, bh, 14, 14);
            g.setStroke(isCur ? accent() : border());
            g.setLineWidth(isCur ? 4 * Math.max(1, 0.75 * lineScale()) : 1.4 * lineScale());
            g.strokeRoundRect(x, y, bw, bh, 14, 14);
            double pad = fs * 0.6, lh = bh / 3.4;
            g.setTextBaseline(VPos.CENTER);
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(ink());
            Font nameFont = Font.font("System", FontWeight.BOLD, fs * 1.15);
            g.setFont(nameFont);
            g.fillText(n.name(), x + pad, y + lh * 0.75);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(muted());
            g.setFont(Font.font("System", fs * 0.85));
            // The op shrinks to the room beside the name rather than running into it.
            double room = bw - 2 * pad - textWidth(n.name(), nameFont) - fs * 0.5;
            g.fillText(n.leaf() ? "input" : n.symbol() + "  (" + n.op() + ")", x + bw - pad, y + lh * 0.75, Math.max(10, room));
            boolean valueCur = isCur && !cur.backward(), gradCur = isCur && cur.backward();
            row(g, x, y + lh * 1.75, bw, lh, fs, "value", vm.valueShown(n) ? n.value() : null, range, valueCur);
            row(g, x, y + lh * 2.75, bw, lh, fs, "∂" + graph.output().name() + "/∂" + n.name(), vm.gradShown(n) ? n.grad() : null, range, gradCur);
        }
    }

    private void row(GraphicsContext g, double x, double y, double bw, double lh, double fs, String name, Double v, double range, boolean cur) {
        double pad = fs * 0.6;
        if (cur) {
            g.setFill(highlight());
            g.fillRect(x + 3, y - lh * 0.45, bw - 6, lh * 0.9);
        }
        // Right to left: the number, its colour chip just before it, then the name in what room is left (never under the chip).
        Font valueFont = Font.font("System", cur ? FontWeight.BOLD : FontWeight.NORMAL, fs * 1.1);
        String text = v == null ? "" : Num.shortFmt(v);
        double left = x + bw - pad - textWidth(text, valueFont) - fs * 0.4;
        if (v != null) {
            double chip = fs * 0.7;
            if (left - chip - fs * 2.5 > x + pad) { // only where the name keeps a few letters of room
                g.setFill(Palette.diverging(v, range));
                g.fillRoundRect(left - chip, y - chip / 2, chip, chip, 3, 3);
                left -= chip + fs * 0.4;
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font("System", fs * 0.85));
        g.setFill(muted());
        g.fillText(name, x + pad, y, Math.max(fs, left - x - pad));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFont(valueFont);
        g.setFill(cur ? accent() : ink());
        g.fillText(text, x + bw - pad, y);
    }

    private void arrowHead(GraphicsContext g, double x1, double y1, double x2, double y2, Color c) {
        double ang = Math.atan2(y2 - y1, x2 - x1), len = 12 * scale();
        g.setFill(c);
        g.fillPolygon(new double[] {x2, x2 - len * Math.cos(ang - 0.4), x2 - len * Math.cos(ang + 0.4)},
                new double[] {y2, y2 - len * Math.sin(ang - 0.4), y2 - len * Math.sin(ang + 0.4)}, 3);
    }
}
