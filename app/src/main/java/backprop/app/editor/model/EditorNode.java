package backprop.app.editor.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One node of the editor's graph. Its properties are kept as the network file writes them (an
 * {@link ObjectNode} of the kind's own fields, {@code shape} for the input, {@code loss} for the
 * output), so any kind the engine registers can be edited without the editor knowing its fields;
 * the engine's reader checks them. Edits replace the whole object (see {@link EditorGraph}), so a
 * command can keep the old one for undo.
 *
 * @param key          the editor's own handle, stable across edits, never written to the file
 * @param role         input, layer or output
 * @param type         the layer type ("dense"), or "input" / "output"
 * @param name         the layer's {@code name}, null when the file leaves it to the default
 * @param layerId      the layer's {@code id}, null when it is the name
 * @param fields       the kind's own fields, as written in the file
 * @param explicitFrom whether the file wrote {@code from} even where the layer before was meant
 * @param x            left edge on the canvas, in canvas units
 * @param y            top edge on the canvas
 */
public record EditorNode(int key, NodeRole role, String type, String name, String layerId, ObjectNode fields,
                         boolean explicitFrom, double x, double y) {

    public EditorNode withFields(ObjectNode f) { return new EditorNode(key, role, type, name, layerId, f, explicitFrom, x, y); }

    public EditorNode at(double nx, double ny) { return new EditorNode(key, role, type, name, layerId, fields, explicitFrom, nx, ny); }

    public EditorNode named(String n, String id) { return new EditorNode(key, role, type, n, id, fields, explicitFrom, x, y); }

    /** A deep copy of the fields, so that an edit of the copy never reaches this node. */
    public ObjectNode fieldsCopy() { return fields.deepCopy(); }
}
