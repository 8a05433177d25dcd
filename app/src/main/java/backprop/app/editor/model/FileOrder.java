package backprop.app.editor.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The order in which layers are written: a layer only reads layers above it, and the layer the
 * output reads comes last. Among the layers ready at each point the one earliest in the graph's
 * own order is taken, so a file that was opened keeps its order when saved.
 */
public final class FileOrder {
    private FileOrder() {}

    /** The layer nodes of {@code g} in file order (input and output nodes left out). */
    public static List<EditorNode> of(EditorGraph g) {
        List<EditorNode> todo = new ArrayList<>();
        for (EditorNode n : g.nodes()) if (n.role() == NodeRole.LAYER) todo.add(n);
        Integer last = outputSource(g);
        Set<Integer> placed = new HashSet<>();
        for (EditorNode n : g.nodes()) if (n.role() != NodeRole.LAYER) placed.add(n.key());
        List<EditorNode> out = new ArrayList<>();
        while (!todo.isEmpty()) {
            EditorNode pick = null;
            for (EditorNode n : todo) {
                if (last != null && n.key() == last && todo.size() > 1) continue; // the output's layer goes last
                if (placed.containsAll(g.sources(n.key()))) {
                    pick = n;
                    break;
                }
            }
            if (pick == null) pick = todo.get(0); // only a deferred output layer or a cycle (refused when drawn) is left
            todo.remove(pick);
            placed.add(pick.key());
            out.add(pick);
        }
        return out;
    }

    /** The layer the output node reads, or null. */
    public static Integer outputSource(EditorGraph g) {
        EditorNode out = g.nodes().stream().filter(n -> n.role() == NodeRole.OUTPUT).findFirst().orElse(null);
        if (out == null) return null;
        List<Integer> src = g.sources(out.key());
        return src.isEmpty() ? null : src.get(0);
    }
}
