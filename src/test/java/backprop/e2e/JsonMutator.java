package backprop.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of a JSON text, the kinds of damage a hand-edited or hostile file carries:
 * flipped bytes, truncation, values of the wrong type, huge and tiny numbers, deep nesting,
 * huge shapes, duplicated keys, long strings, control characters, missing and unknown keys.
 * The same seed gives the same mutant, so a failure is reproduced from its seed alone.
 */
final class JsonMutator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // A string the serialiser writes as "@@RAW<n>@@", replaced afterwards by raw text (numbers
    // a tree cannot hold such as 1e400, duplicate keys).
    private static final String RAW = "@@RAW";

    private static final String[] NUMBERS = {"0", "-1", "1", "2", "3", "17", "1000", "65536", "65537", "100001", "1000001",
            "46341", "2147483647", "2147483648", "-2147483648", "9223372036854775807", "99999999999999999999999",
            "1e308", "-1e308", "1e400", "1e-320", "-0.0", "0.5", "0.1", "0.999", "1.5", "3.4028235E38", "3.5e38", "1e-45"};
    private static final String[] SHAPE_KEYS = {"units", "pieces", "samples", "inputs", "epochs", "batchSize", "patience"};
    private static final String[] CONTROL = {"\n", "\r", "\t", "\u0000", "\u0007", "\u001b[31m", "\u2028", "\u0085", "\"", "\\", "'"};

    private final Random random;
    private final List<String> raw = new ArrayList<>();

    JsonMutator(long seed) { this.random = new Random(seed); }

    /** One to three mutations of {@code text}. */
    String mutate(String text) {
        String s = text;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) s = once(s);
        return s;
    }

    private String once(String text) {
        int kind = random.nextInt(12);
        if (kind == 0) return flipBytes(text);
        if (kind == 1) return text.substring(0, random.nextInt(text.length() + 1));
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (Exception e) {
            return flipBytes(text); // already broken: only byte damage applies
        }
        if (root == null || !root.isContainerNode()) return flipBytes(text);
        raw.clear();
        switch (kind) {
            case 2, 3 -> replaceRandom(root, wrongType());
            case 4, 5 -> replaceRandom(root, rawNode(NUMBERS[random.nextInt(NUMBERS.length)]), JsonNode::isNumber);
            case 6 -> replaceRandom(root, nest(root), n -> true);
            case 7 -> hugeShape(root);
            case 8 -> duplicateKey(root);
            case 9 -> replaceRandom(root, NODES.textNode("x".repeat(1 + random.nextInt(random.nextInt(4) > 0 ? 200 : 100_000))), JsonNode::isTextual);
            case 10 -> replaceRandom(root, NODES.textNode(controlText()), JsonNode::isTextual);
            default -> removeOrAddKey(root);
        }
        return write(root);
    }

    private String flipBytes(String text) {
        if (text.isEmpty()) return "\u0000";
        char[] c = text.toCharArray();
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) c[random.nextInt(c.length)] = (char) random.nextInt(random.nextBoolean() ? 128 : 0x3000);
        return new String(c);
    }

    private JsonNode wrongType() {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.textNode("two");
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.nullNode();
            case 3 -> NODES.arrayNode().add(1).add("a");
            case 4 -> NODES.objectNode().put("type", "dense");
            case 5 -> NODES.arrayNode();
            default -> NODES.numberNode(random.nextInt(5) - 1);
        };
    }

    private JsonNode nest(JsonNode root) {
        int depth = random.nextBoolean() ? 2 + random.nextInt(60) : 100 + random.nextInt(3000);
        return rawNode("[".repeat(depth) + "1" + "]".repeat(depth));
    }

    private String controlText() {
        StringBuilder s = new StringBuilder("sigmoid");
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) s.insert(random.nextInt(s.length() + 1), CONTROL[random.nextInt(CONTROL.length)]);
        return s.toString();
    }

    /** A size key set far too large (or tiny), or the input shape widened. */
    private void hugeShape(JsonNode root) {
        String value = random.nextBoolean() ? NUMBERS[6 + random.nextInt(10)] : String.valueOf(random.nextInt(5000));
        if (random.nextInt(3) == 0 && root.path("input").isObject()) {
            ((ObjectNode) root.get("input")).set("shape", NODES.arrayNode().add(rawNode(value)));
            return;
        }
        String key = SHAPE_KEYS[random.nextInt(SHAPE_KEYS.length)];
        List<ObjectNode> owners = new ArrayList<>();
        collect(root, n -> n.isObject() && n.has(key), owners);
        if (owners.isEmpty()) collect(root, JsonNode::isObject, owners);
        if (owners.isEmpty()) return;
        owners.get(random.nextInt(owners.size())).set(key, rawNode(value));
    }

    private void duplicateKey(JsonNode root) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(root, n -> n.isObject() && n.size() > 0, objects);
        if (objects.isEmpty()) return;
        ObjectNode o = objects.get(random.nextInt(objects.size()));
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        String key = keys.get(random.nextInt(keys.size()));
        // "@@RAW<n>@@": <copy>, written as a second "key": <copy>
        raw.add(JSON.valueToTree(key).toString());
        o.set(RAW + (raw.size() - 1) + "@@", o.get(key).deepCopy());
    }

    private void removeOrAddKey(JsonNode root) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(root, JsonNode::isObject, objects);
        if (objects.isEmpty()) return;
        ObjectNode o = objects.get(random.nextInt(objects.size()));
        if (random.nextBoolean() && o.size() > 0) {
            List<String> keys = new ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            o.remove(keys.get(random.nextInt(keys.size())));
        } else {
            o.put(random.nextBoolean() ? "colour" : "", 1);
        }
    }

    private void replaceRandom(JsonNode root, JsonNode replacement) { replaceRandom(root, replacement, n -> true); }

    /** Replaces one node that matches (or any node, when none does) with {@code replacement}. */
    private void replaceRandom(JsonNode root, JsonNode replacement, java.util.function.Predicate<JsonNode> which) {
        List<ContainerNode<?>> parents = new ArrayList<>();
        collect(root, n -> n.isContainerNode() && n.size() > 0 && any(n, which), parents);
        if (parents.isEmpty()) collect(root, n -> n.isContainerNode() && n.size() > 0, parents);
        if (parents.isEmpty()) return;
        ContainerNode<?> p = parents.get(random.nextInt(parents.size()));
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) if (which.test(child(p, i))) slots.add(i);
        int i = slots.isEmpty() ? random.nextInt(p.size()) : slots.get(random.nextInt(slots.size()));
        if (p instanceof ArrayNode a) a.set(i, replacement);
        else ((ObjectNode) p).set(fieldName((ObjectNode) p, i), replacement);
    }

    private static boolean any(JsonNode container, java.util.function.Predicate<JsonNode> which) {
        for (JsonNode c : container) if (which.test(c)) return true;
        return false;
    }

    private static JsonNode child(ContainerNode<?> p, int i) {
        return p instanceof ArrayNode a ? a.get(i) : p.get(fieldName((ObjectNode) p, i));
    }

    private static String fieldName(ObjectNode o, int i) {
        var it = o.fieldNames();
        for (int k = 0; k < i; k++) it.next();
        return it.next();
    }

    @SuppressWarnings("unchecked")
    private static <T extends JsonNode> void collect(JsonNode n, java.util.function.Predicate<JsonNode> which, List<T> out) {
        if (which.test(n)) out.add((T) n);
        for (JsonNode c : n) collect(c, which, out);
    }

    private TextNode rawNode(String text) {
        raw.add(text);
        return NODES.textNode(RAW + (raw.size() - 1) + "@@");
    }

    private String write(JsonNode root) {
        String s = root.toString();
        for (int i = 0; i < raw.size(); i++) s = s.replace("\"" + RAW + i + "@@\"", raw.get(i));
        return s;
    }
}
