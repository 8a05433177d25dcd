package backprop.app.editor.edit;

import backprop.app.editor.model.Edge;
import backprop.app.editor.model.EditorGraph;

/** Draws or removes one connection; the graph refused a bad one before this was made. */
public final class Connect implements Edit {
    private final EditorGraph graph;
    private final Edge edge;
    private final boolean connect;
    private final String description;
    private int index = -1;

    private Connect(EditorGraph graph, Edge edge, boolean connect) {
        this.graph = graph;
        this.edge = edge;
        this.connect = connect;
        this.description = (connect ? "connect " : "disconnect ") + graph.label(graph.node(edge.from())) + " → " + graph.label(graph.node(edge.to()));
    }

    public static Connect connect(EditorGraph graph, Edge e) { return new Connect(graph, e, true); }

    public static Connect disconnect(EditorGraph graph, Edge e) { return new Connect(graph, e, false); }

    @Override public void apply() {
        if (connect) graph.insertEdge(graph.edges().size(), edge);
        else index = graph.removeEdge(edge);
    }

    @Override public void undo() {
        if (connect) graph.removeEdge(edge);
        else graph.insertEdge(index, edge);
    }

    @Override public String description() { return description; }
}
