package backprop.app.editor.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The editor's graph exactly as it is, positions and half-typed fields included, as JSON: what the
 * clipboard and the recovery file hold. Unlike a network file it may hold a network the reader
 * would refuse, so unsaved work that is not yet valid survives a crash too.
 */
public final class GraphJson {
    public static final String FORMAT = "backprop-studio.editor-graph";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphJson() {}

    /** The nodes with keys in {@code keys} (all if null) and the edges among them. */
    public static String write(EditorGraph g, Collection<Integer> keys, String file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        if (file != null) root.put("file", file);
        root.set("network", g.network());
        ArrayNode nodes = root.putArray("nodes");
        for (EditorNode n : g.nodes()) {
            if (keys != null && !keys.contains(n.key())) continue;
            ObjectNode o = nodes.addObject();
            o.put("key", n.key());
            o.put("role", n.role().name());
            o.put("type", n.type());
            if (n.name() != null) o.put("name", n.name());
            if (n.layerId() != null) o.put("id", n.layerId());
            o.set("fields", n.fieldsCopy());
            o.put("explicitFrom", n.explicitFrom());
            o.put("x", n.x());
            o.put("y", n.y());
        }
        ArrayNode edges = root.putArray("edges");
        for (Edge e : g.edges()) {
            if (keys == null || keys.contains(e.from()) && keys.contains(e.to())) edges.addArray().add(e.from()).add(e.to());
        }
        return NetworkJson.print(root);
    }

    /** What {@link #read} gives: nodes under fresh keys of {@code g}, their edges, the network fields and the file named. */
    public record Part(List<EditorNode> nodes, List<Edge> edges, ObjectNode network, String file) {}

    /**
     * Reads text {@link #write} produced, giving every node a fresh key of {@code g} (nothing is
     * added to it), or keeping the keys written when {@code g} is null. Throws IllegalArgumentException with one line if the text is not such a graph.
     */
    public static Part read(String text, EditorGraph g, double dx, double dy) {
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || !FORMAT.equals(root.path("format").asText())) throw new IllegalArgumentException("not an editor graph");
            Map<Integer, Integer> keys = new HashMap<>();
            List<EditorNode> nodes = new ArrayList<>();
            for (JsonNode o : root.path("nodes")) {
                int key = g == null ? o.get("key").asInt() : g.newKey();
                keys.put(o.get("key").asInt(), key);
                nodes.add(new EditorNode(key, NodeRole.valueOf(o.get("role").asText()), o.get("type").asText(),
                        o.hasNonNull("name") ? o.get("name").asText() : null, o.hasNonNull("id") ? o.get("id").asText() : null,
                        (ObjectNode) o.get("fields"), o.path("explicitFrom").asBoolean(), o.get("x").asDouble() + dx, o.get("y").asDouble() + dy));
            }
            List<Edge> edges = new ArrayList<>();
            for (JsonNode e : root.path("edges")) edges.add(new Edge(keys.get(e.get(0).asInt()), keys.get(e.get(1).asInt())));
            ObjectNode network = root.get("network") instanceof ObjectNode n ? n : JSON.createObjectNode();
            return new Part(nodes, edges, network, root.hasNonNull("file") ? root.get("file").asText() : null);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an editor graph (" + e.getClass().getSimpleName() + ")");
        }
    }
}
