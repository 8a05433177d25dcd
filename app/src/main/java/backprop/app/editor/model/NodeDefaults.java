package backprop.app.editor.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fields a node dropped from the palette starts with: a working value for the required
 * fields of the kinds the editor knows (4 units, a 3×3 kernel). A kind it does not know starts
 * empty, and the engine's reader asks for its required fields on the node.
 */
public final class NodeDefaults {
    private NodeDefaults() {}

    public static ObjectNode fields(String type) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        switch (type) {
            case "input" -> o.putArray("shape").add(2);
            case "output" -> o.put("loss", "mse");
            case "dense" -> {
                o.put("units", 4);
                o.put("activation", "sigmoid");
            }
            case "maxout" -> o.put("units", 4);
            case "dropout" -> o.put("rate", 0.5);
            case "rnn", "lstm", "gru" -> o.put("units", 8);
            case "conv2d" -> {
                o.put("filters", 4);
                o.put("kernel", 3);
            }
            default -> { }
        }
        return o;
    }

    /** A new node of {@code type} at (x, y), with a fresh name for layers. */
    public static EditorNode node(EditorGraph g, String type, double x, double y) {
        NodeRole role = type.equals("input") ? NodeRole.INPUT : type.equals("output") ? NodeRole.OUTPUT : NodeRole.LAYER;
        String name = role == NodeRole.LAYER ? g.freshName(type) : null;
        return new EditorNode(g.newKey(), role, type, name, null, fields(type), false, x, y);
    }
}
