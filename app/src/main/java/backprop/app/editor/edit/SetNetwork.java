package backprop.app.editor.edit;

import backprop.app.editor.model.EditorGraph;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A new value for one of the network's own fields (name, description, seed); typing merges. */
public final class SetNetwork implements Edit {
    private final EditorGraph graph;
    private final ObjectNode before;
    private final ObjectNode after;
    private final String field;

    public SetNetwork(EditorGraph graph, ObjectNode before, ObjectNode after, String field) {
        this.graph = graph;
        this.before = before.deepCopy();
        this.after = after.deepCopy();
        this.field = field;
    }

    @Override public void apply() { graph.setNetwork(after); }

    @Override public void undo() { graph.setNetwork(before); }

    @Override public String description() { return "set the network's " + field; }

    @Override public Edit mergedWith(Edit next) {
        return next instanceof SetNetwork s && s.field.equals(field) ? new SetNetwork(graph, before, s.after, field) : null;
    }
}
