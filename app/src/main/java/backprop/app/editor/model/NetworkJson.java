package backprop.app.editor.model;

import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecWriter;
import backprop.engine.spec.Wiring;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Between the editor's graph and the network file's JSON. Writing puts the layers in
 * {@link FileOrder}; the engine's reader then checks the result and its writer prints it, so the
 * editor never decides on its own what a valid file is. Reading starts from the engine's writer's
 * output of a spec that passed the reader.
 */
public final class NetworkJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The network's own fields, in the order the writer prints them; everything but input, layers and loss. */
    static final List<String> NETWORK_FIELDS = List.of("name", "description", "seed", "training", "dataset");

    private NetworkJson() {}

    /**
     * The file's JSON for the layers {@code layers} (a file-ordered subset of the graph's). With
     * {@code explicit} every layer names its id and its sources, so that leaving layers out (to
     * check the rest) changes no one's default name; otherwise {@code from} is written only where
     * the file had it or the layer does not read the one before.
     */
    public static ObjectNode write(EditorGraph g, List<EditorNode> layers, Map<Integer, String> ids, boolean explicit, String loss) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", NetworkSpec.FORMAT);
        root.put("version", NetworkSpec.VERSION);
        ObjectNode net = g.network();
        copy(net, root, "name");
        copy(net, root, "description");
        EditorNode input = find(g, NodeRole.INPUT);
        ObjectNode in = root.putObject("input");
        if (input != null && input.fields().has("shape")) in.set("shape", input.fields().get("shape").deepCopy());
        ArrayNode arr = root.putArray("layers");
        Integer before = input == null ? null : input.key();
        for (EditorNode n : layers) {
            ObjectNode o = arr.addObject();
            o.put("type", n.type());
            if (n.name() != null) o.put("name", n.name());
            if (explicit) o.put("id", ids.get(n.key()));
            else if (n.layerId() != null) o.put("id", n.layerId());
            List<Integer> src = g.sources(n.key());
            boolean implicit = !explicit && !n.explicitFrom() && src.size() == 1 && before != null && src.get(0).equals(before);
            if (!implicit) {
                ArrayNode from = JSON.createArrayNode();
                for (int s : src) from.add(ids.get(s));
                if (from.size() == 1) o.set("from", from.get(0));
                else o.set("from", from);
            }
            o.setAll(n.fieldsCopy());
            before = n.key();
        }
        root.put("loss", loss);
        copy(net, root, "seed");
        copy(net, root, "training");
        copy(net, root, "dataset");
        return root;
    }

    /** Each node's id in a file of {@code order}: "input", else its id, its name or its default name. */
    public static Map<Integer, String> ids(EditorGraph g, List<EditorNode> order) {
        Map<Integer, String> ids = new HashMap<>();
        for (EditorNode n : g.nodes()) if (n.role() == NodeRole.INPUT) ids.put(n.key(), Wiring.INPUT);
        for (int i = 0; i < order.size(); i++) {
            EditorNode n = order.get(i);
            ids.put(n.key(), n.layerId() != null ? n.layerId() : n.name() != null ? n.name() : n.type() + (i + 1));
        }
        return ids;
    }

    /** The output node's loss, or the format's default. */
    public static String loss(EditorGraph g) {
        EditorNode out = find(g, NodeRole.OUTPUT);
        return out != null && out.fields().hasNonNull("loss") ? out.fields().get("loss").asText() : "mse";
    }

    public static EditorNode find(EditorGraph g, NodeRole role) {
        for (EditorNode n : g.nodes()) if (n.role() == role) return n;
        return null;
    }

    private static void copy(ObjectNode from, ObjectNode to, String field) {
        if (from.has(field)) to.set(field, from.get(field).deepCopy());
    }

    public static String print(JsonNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Fills {@code g} (emptied first) with {@code spec}: an input node, one node per layer wired as
     * its {@code from} says, and an output node reading the last layer. Positions are left at 0;
     * the caller lays the graph out.
     */
    public static void read(NetworkSpec spec, EditorGraph g) {
        ObjectNode root;
        try {
            root = (ObjectNode) JSON.readTree(SpecWriter.toJson(spec));
        } catch (IOException e) {
            throw new IllegalStateException(e); // the engine's own output always parses
        }
        g.clear();
        ObjectNode net = JSON.createObjectNode();
        for (String f : NETWORK_FIELDS) copy(root, net, f);
        g.setNetwork(net);
        ObjectNode inFields = JSON.createObjectNode();
        inFields.set("shape", root.get("input").get("shape").deepCopy());
        EditorNode input = new EditorNode(g.newKey(), NodeRole.INPUT, "input", null, null, inFields, false, 0, 0);
        g.insertNode(0, input);
        List<int[]> sources = Wiring.sources(spec.layers());
        List<Integer> keys = new ArrayList<>();
        keys.add(input.key());
        ArrayNode layers = (ArrayNode) root.get("layers");
        for (int i = 0; i < layers.size(); i++) {
            ObjectNode o = ((ObjectNode) layers.get(i)).deepCopy();
            String type = o.remove("type").asText();
            JsonNode name = o.remove("name"), id = o.remove("id"), from = o.remove("from");
            EditorNode n = new EditorNode(g.newKey(), NodeRole.LAYER, type, name == null ? null : name.asText(),
                    id == null ? null : id.asText(), o, from != null, 0, 0);
            g.insertNode(g.nodes().size(), n);
            keys.add(n.key());
            for (int s : sources.get(i)) g.insertEdge(g.edges().size(), new Edge(keys.get(s), n.key()));
        }
        ObjectNode outFields = JSON.createObjectNode();
        outFields.put("loss", root.get("loss").asText());
        EditorNode output = new EditorNode(g.newKey(), NodeRole.OUTPUT, "output", null, null, outFields, false, 0, 0);
        g.insertNode(g.nodes().size(), output);
        g.insertEdge(g.edges().size(), new Edge(keys.get(keys.size() - 1), output.key()));
    }
}
