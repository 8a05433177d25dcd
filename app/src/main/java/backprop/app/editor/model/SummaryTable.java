package backprop.app.editor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The network as a text table, one row per node in file order (name, type, output shape,
 * parameters, multiply-adds per sample) and the totals: what Keras' model.summary() prints, for pasting into notes. Every
 * number comes from the {@link Analysis}.
 */
public final class SummaryTable {
    private SummaryTable() {}

    public static String of(EditorGraph g, Analysis a) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"layer", "type", "output", "parameters", "mult-adds"});
        List<EditorNode> order = new ArrayList<>();
        EditorNode input = NetworkJson.find(g, NodeRole.INPUT);
        if (input != null) order.add(input);
        order.addAll(FileOrder.of(g));
        for (EditorNode n : order) {
            Long p = a.parameters().get(n.key());
            String problem = a.errors().get(n.key());
            Long m = a.multiplyAdds().get(n.key());
            rows.add(new String[] {g.label(n), n.type(), problem != null ? "error: " + problem : a.shapeText(n.key()), p == null ? "" : String.format("%,d", p),
                    m == null ? "" : String.format("%,d", m)});
        }
        int[] width = new int[5];
        for (String[] r : rows) for (int i = 0; i < 5; i++) width[i] = Math.max(width[i], r[i].length());
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            b.append(String.format("%-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %" + width[3] + "s  %" + width[4] + "s",
                    r[0], r[1], r[2], r[3], r[4]).stripTrailing()).append('\n');
        }
        b.append(String.format("total: %,d parameters, %,d bytes of float32 weights, %,d multiply-adds per sample%n", a.totalParameters(), a.weightBytes(),
                a.totalMultiplyAdds()));
        return b.toString();
    }
}
