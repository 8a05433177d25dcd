package backprop.app.cli;

import backprop.engine.spec.NetworkSpec;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.StepTrace;
import backprop.engine.trace.TraceTensor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/** A {@link StepTrace} as the JSON document described in docs/trace-format.md. */
final class TraceJson {
    static final String FORMAT = "backprop-studio.trace";
    static final int VERSION = 1;

    private TraceJson() {}

    static String write(StepTrace t, NetworkSpec spec, long seed) {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        if (spec.name() != null) root.put("network", spec.name());
        root.put("seed", seed);
        root.put("lossName", t.lossName());
        root.put("batchSize", t.batchSize());
        root.put("loss", t.loss());
        Json.putMatrix(root, "input", t.input());
        Json.putMatrix(root, "target", t.target());
        Json.putMatrix(root, "output", t.output());
        ArrayNode layers = root.putArray("layers");
        for (LayerTrace l : t.layers()) layers.add(layer(l));
        // Added after version 1's fields (none renamed): which backend's kernels computed the numbers.
        root.put("backend", t.backend());
        return Json.document(root);
    }

    private static ObjectNode layer(LayerTrace l) {
        ObjectNode o = Json.object();
        o.put("name", l.name());
        o.put("type", l.type());
        if (l.activation() == null) o.putNull("activation");
        else o.put("activation", l.activation());
        // Version 1's fields, in its order; each as nested arrays of its own shape: [N][units] for a
        // dense layer (exactly as before), [N][C][H][W] for an image layer.
        for (String key : FIELDS) put(o, key, l.tensor(key));
        extra(o, l);
        return o;
    }

    /** Version 1's layer fields, always written, in this order, never renamed. */
    private static final List<String> FIELDS = List.of("input", "weights", "bias", "a", "z", "gPrime", "delta", "gradWeights", "gradBias");

    /** Anything else a layer records is added after version 1's fields; the weights after an update never are. */
    private static final Set<String> WRITTEN = Set.of("input", "weights", "bias", "a", "z", "gPrime", "delta", "gradWeights", "gradBias",
            "weightsAfter", "biasAfter");

    /** A tensor as nested arrays, or JSON null for a quantity the layer does not have. */
    private static void put(ObjectNode o, String key, TraceTensor t) {
        if (t == null) o.putNull(key);
        else o.set(key, nested(t.shape(), t.data(), 0, 0));
    }

    private static void extra(ObjectNode o, LayerTrace l) {
        l.attributes().forEach((k, v) -> { if (!k.equals("activation")) o.put(k, v); });
        l.tensors().forEach((k, t) -> { if (!WRITTEN.contains(k)) o.set(k, nested(t.shape(), t.data(), 0, 0)); });
    }

    /** A tensor of any rank as nested arrays, batch first. */
    private static JsonNode nested(int[] shape, float[] data, int axis, int offset) {
        ArrayNode a = Json.object().arrayNode();
        int stride = 1;
        for (int i = axis + 1; i < shape.length; i++) stride *= shape[i];
        for (int i = 0; i < shape[axis]; i++) {
            if (axis == shape.length - 1) a.add(data[offset + i]);
            else a.add(nested(shape, data, axis + 1, offset + i * stride));
        }
        return a;
    }
}
