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

    /** Each node's new {x, y}, in one row of columns however deep the network is. */
    public static Map<Integer, double[]> positions(EditorGraph g) { return positions(g, Integer.MAX_VALUE); }

    /**
     * Each node's new {x, y}: column by depth, at most {@code columns} columns side by side; a
     * deeper network goes on in a band below, again from the left, so a long stack (LeNet has
     * eleven steps) stays readable on one screen.
     */
    public static Map<Integer, double[]> positions(EditorGraph g, int columns) {
        int perBand = Math.max(2, columns);
        Map<Integer, Integer> depth = new HashMap<>();
        List<EditorNode> ordered = new ArrayList<>();
        EditorNode input = NetworkJson.find(g, NodeRole.INPUT);
        if (input != null) ordered.add(input);
        ordered.addAll(FileOrder.of(g));
        for (EditorNode n : g.nodes()) if (n.role() == NodeRole.OUTPUT) ordered.add(n);
        int deepest = 0;
        for (EditorNode n : ordered) {
            int d = 0;
            for (int s : g.sources(n.key())) d = Math.max(d, depth.getOrDefault(s, 0) + 1);
            depth.put(n.key(), d);
            deepest = Math.max(deepest, d);
        }
        Map<Integer, Integer> rows = new HashMap<>();
        for (EditorNode n : ordered) rows.merge(depth.get(n.key()), 1, Integer::sum);
        // A band is as tall as its fullest column.
        int bands = deepest / perBand + 1;
        double[] bandTop = new double[bands + 1];
        for (int b = 0; b < bands; b++) {
            int tallest = 1;
            for (int d = b * perBand; d <= deepest && d - b * perBand < perBand; d++) tallest = Math.max(tallest, rows.getOrDefault(d, 0));
            bandTop[b + 1] = bandTop[b] + tallest * ROW + GRID * 2;
        }
        Map<Integer, Integer> used = new HashMap<>();
        Map<Integer, double[]> out = new HashMap<>();
        for (EditorNode n : ordered) {
            int d = depth.get(n.key());
            int row = used.merge(d, 1, Integer::sum) - 1;
            out.put(n.key(), new double[] {GRID * 2 + (d % perBand) * COLUMN, GRID * 2 + bandTop[d / perBand] + row * ROW});
        }
        return out;
    }

    /** How many columns fit across {@code width} canvas units. */
    public static int columnsFor(double width) { return (int) Math.max(2, Math.floor((width - GRID * 2 + COLUMN - NODE_WIDTH) / COLUMN)); }

    /** {@code v} on the nearest grid line. */
    public static double snap(double v) { return Math.round(v / GRID) * GRID; }
}
