package backprop.app.editor.edit;

import backprop.app.editor.model.Edge;
import backprop.app.editor.model.EditorGraph;
import backprop.app.editor.model.EditorNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/** Deletes nodes with every edge that touches them; undo puts both back where they stood. */
public final class DeleteNodes implements Edit {
    private final EditorGraph graph;
    private final Set<Integer> keys;
    private final String description;
    private final TreeMap<Integer, EditorNode> nodesAt = new TreeMap<>();
    private final TreeMap<Integer, Edge> edgesAt = new TreeMap<>();

    public DeleteNodes(EditorGraph graph, Set<Integer> keys) {
        this.graph = graph;
        this.keys = Set.copyOf(keys);
        this.description = keys.size() == 1 ? "delete " + graph.label(graph.node(keys.iterator().next())) : "delete " + keys.size() + " nodes";
    }

    @Override public void apply() {
        nodesAt.clear();
        edgesAt.clear();
        List<Edge> edges = graph.edges();
        for (int i = 0; i < edges.size(); i++) {
            Edge e = edges.get(i);
            if (keys.contains(e.from()) || keys.contains(e.to())) edgesAt.put(i, e);
        }
        List<EditorNode> nodes = graph.nodes();
        for (int i = 0; i < nodes.size(); i++) if (keys.contains(nodes.get(i).key())) nodesAt.put(i, nodes.get(i));
        for (Edge e : new ArrayList<>(edgesAt.descendingMap().values())) graph.removeEdge(e);
        for (EditorNode n : new ArrayList<>(nodesAt.descendingMap().values())) graph.removeNode(n.key());
    }

    @Override public void undo() {
        nodesAt.forEach(graph::insertNode);
        edgesAt.forEach(graph::insertEdge);
    }

    @Override public String description() { return description; }
}
