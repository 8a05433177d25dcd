package backprop.app.cli;

import backprop.engine.spec.NetworkSpec;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.StepTrace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        Json.putMatrix(o, "input", l.input());
        Json.putMatrix(o, "weights", l.weights());
        Json.putVector(o, "bias", l.bias());
        Json.putMatrix(o, "a", l.a());
        Json.putMatrix(o, "z", l.z());
        Json.putMatrix(o, "gPrime", l.gPrime());
        Json.putMatrix(o, "delta", l.delta());
        Json.putMatrix(o, "gradWeights", l.gradWeights());
        Json.putVector(o, "gradBias", l.gradBias());
        extra(o, l);
        return o;
    }

    /** The fields above are version 1's and never renamed; anything else a layer records is added after them. */
    private static final Set<String> WRITTEN = Set.of("input", "weights", "bias", "a", "z", "gPrime", "delta", "gradWeights", "gradBias",
            "weightsAfter", "biasAfter");

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
