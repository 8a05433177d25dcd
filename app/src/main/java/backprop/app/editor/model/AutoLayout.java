package backprop.app.editor.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places nodes left to right by depth (the longest path from the input), top to bottom in file
 * order within a column, on the grid.
 */
public final class AutoLayout {
    public static final double GRID = 20;
    public static final double NODE_WIDTH = 160;
    public static final double NODE_HEIGHT = 60;
    static final double COLUMN = 260;
    static final double ROW = 100;

    private AutoLayout() {}

    /** Each node's new {x, y}. */
    public static Map<Integer, double[]> positions(EditorGraph g) {
        Map<Integer, Integer> depth = new HashMap<>();
        List<EditorNode> ordered = new ArrayList<>();
        EditorNode input = NetworkJson.find(g, NodeRole.INPUT);
        if (input != null) ordered.add(input);
        ordered.addAll(FileOrder.of(g));
        for (EditorNode n : g.nodes()) if (n.role() == NodeRole.OUTPUT) ordered.add(n);
        for (EditorNode n : ordered) {
            int d = 0;
            for (int s : g.sources(n.key())) d = Math.max(d, depth.getOrDefault(s, 0) + 1);
            depth.put(n.key(), d);
        }
        Map<Integer, Integer> rows = new HashMap<>();
        Map<Integer, double[]> out = new HashMap<>();
        for (EditorNode n : ordered) {
            int d = depth.get(n.key());
            int row = rows.merge(d, 1, Integer::sum) - 1;
            out.put(n.key(), new double[] {GRID * 2 + d * COLUMN, GRID * 2 + row * ROW});
        }
        return out;
    }

    /** {@code v} on the nearest grid line. */
    public static double snap(double v) { return Math.round(v / GRID) * GRID; }
}
