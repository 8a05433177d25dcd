package backprop.app.editor.edit;

import backprop.app.editor.model.EditorGraph;
import backprop.app.editor.model.EditorNode;
import java.util.Map;

/** Moves nodes from where they were to where they were dropped (a drag, the arrow keys, auto-layout). */
public final class MoveNodes implements Edit {
    private final EditorGraph graph;
    private final Map<Integer, double[]> before;
    private final Map<Integer, double[]> after;
    private final String description;

    /** Positions as {x, y} per node key. */
    public MoveNodes(EditorGraph graph, Map<Integer, double[]> before, Map<Integer, double[]> after, String what) {
        this.graph = graph;
        this.before = Map.copyOf(before);
        this.after = Map.copyOf(after);
        this.description = what != null ? what
                : after.size() == 1 ? "move " + graph.label(graph.node(after.keySet().iterator().next())) : "move " + after.size() + " nodes";
    }

    @Override public void apply() { place(after); }

    @Override public void undo() { place(before); }

    private void place(Map<Integer, double[]> at) {
        at.forEach((k, p) -> {
            EditorNode n = graph.node(k);
            graph.replace(n.at(p[0], p[1]));
        });
    }

    @Override public String description() { return description; }

    /** Arrow-key nudges of the same nodes in a row undo as one move. */
    @Override public Edit mergedWith(Edit next) {
        if (next instanceof MoveNodes m && m.after.keySet().equals(after.keySet()) && description.equals(m.description)) {
            return new MoveNodes(graph, before, m.after, description);
        }
        return null;
    }
}
