package backprop.app.editor.edit;

import backprop.app.editor.model.EditorGraph;
import backprop.app.editor.model.EditorNode;

/**
 * A new value for one property of a node (a field, its name or id): the node before and after.
 * Keystrokes typed into the same property one after another merge into one edit.
 */
public final class SetNode implements Edit {
    private final EditorGraph graph;
    private final EditorNode before;
    private final EditorNode after;
    private final String property;
    private final String description;

    public SetNode(EditorGraph graph, EditorNode before, EditorNode after, String property) {
        this.graph = graph;
        this.before = before;
        this.after = after;
        this.property = property;
        this.description = "set " + property + " of " + graph.label(before);
    }

    @Override public void apply() { graph.replace(after); }

    @Override public void undo() { graph.replace(before); }

    @Override public String description() { return description; }

    @Override public Edit mergedWith(Edit next) {
        if (next instanceof SetNode s && s.before.key() == before.key() && s.property.equals(property)) {
            return new SetNode(graph, before, s.after, property);
        }
        return null;
    }
}
