package backprop.app.editor.edit;

import backprop.app.editor.model.Edge;
import backprop.app.editor.model.EditorGraph;
import backprop.app.editor.model.EditorNode;
import java.util.List;

/** Adds nodes and the edges among them (one from the palette, a paste, a duplicate). */
public final class AddNodes implements Edit {
    private final EditorGraph graph;
    private final List<EditorNode> nodes;
    private final List<Edge> edges;
    private final String description;

    public AddNodes(EditorGraph graph, List<EditorNode> nodes, List<Edge> edges, String description) {
        this.graph = graph;
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        this.description = description;
    }

    @Override public void apply() {
        for (EditorNode n : nodes) graph.insertNode(graph.nodes().size(), n);
        for (Edge e : edges) graph.insertEdge(graph.edges().size(), e);
    }

    @Override public void undo() {
        for (int i = edges.size() - 1; i >= 0; i--) graph.removeEdge(edges.get(i));
        for (int i = nodes.size() - 1; i >= 0; i--) graph.removeNode(nodes.get(i).key());
    }

    @Override public String description() { return description; }
}
