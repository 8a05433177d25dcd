package backprop.app.cli;

import backprop.engine.spec.NetworkSpec;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.StepTrace;
import backprop.engine.trace.TraceTensor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@link StepTrace} as the JSON document described in docs/trace-format.md. */
final class TraceJson {
    static final String FORMAT = "backprop-studio.trace";
    static final int VERSION = 1;

    private TraceJson() {}

    static String write(StepTrace t, NetworkSpec spec, long seed) {
        return write(t, spec, seed, 0);
    }

    /**
     * The trace as JSON. For a network over sequences ({@code spec.steps()} = T), {@code
     * targetSteps} is the number of steps the targets had: T, or 1 for a target after the last step.
     */
    static String write(StepTrace t, NetworkSpec spec, long seed, int targetSteps) {
        int n = t.batchSize(), steps = spec.isSequence() ? spec.steps() : 0;
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        if (spec.name() != null) root.put("network", spec.name());
        root.put("seed", seed);
        root.put("lossName", t.lossName());
        root.put("batchSize", t.batchSize());
        root.put("loss", t.loss());
        if (steps == 0) {
            Json.putMatrix(root, "input", t.input());
            Json.putMatrix(root, "target", t.target());
            Json.putMatrix(root, "output", t.output());
        } else {
            // The engine keeps a sample's steps side by side in one row; here each step is its own array.
            root.set("input", bySteps(t.input(), steps));
            root.set("target", bySteps(t.target(), targetSteps));
            root.set("output", bySteps(t.output(), targetSteps));
        }
        ArrayNode layers = root.putArray("layers");
        for (int k = 0; k < t.layers().size(); k++) {
            LayerTrace l = t.layers().get(k);
            ObjectNode o = isRecurrent(l) ? recurrent(l, n) : layer(l, n, steps);
            // Added after every other field of the layer: its figures for this step (docs/trace-format.md, "Statistics").
            if (t.statistics() != null) StatisticsJson.put(o.putObject("statistics"), t.statistics().get(k));
            layers.add(o);
        }
        // Added after version 1's fields (none renamed): which backend's kernels computed the numbers.
        root.put("backend", t.backend());
        return Json.document(root);
    }

    private static ObjectNode layer(LayerTrace l, int n, int steps) {
        ObjectNode o = Json.object();
        o.put("name", l.name());
        o.put("type", l.type());
        if (l.activation() == null) o.putNull("activation");
        else o.put("activation", l.activation());
        // Version 1's fields, in its order; each as nested arrays of its own shape: [N][units] for a
        // dense layer (exactly as before), [N][C][H][W] for an image layer.
        for (String key : FIELDS) put(o, key, bySample(key, l.tensor(key), n, steps));
        extra(o, l);
        return o;
    }

    /** Per-sample quantities: in a network over sequences, a layer other than the recurrent ones runs on N·T rows, one per step. */
    private static final Set<String> PER_SAMPLE = Set.of("input", "a", "z", "gPrime", "delta");

    /** A per-sample [N·T][units] tensor of a sequence network as [N][T][units]; anything else as it is. */
    private static TraceTensor bySample(String key, TraceTensor t, int n, int steps) {
        boolean perSample = PER_SAMPLE.contains(key) || key.matches("input[0-9]+");
        if (steps == 0 || t == null || !perSample || t.rank() != 2 || t.dim(0) != n * steps) return t;
        return new TraceTensor(new int[] {n, steps, t.dim(1)}, t.data());
    }

    /** Rows [N][T·F] as [N][T][F]. */
    private static JsonNode bySteps(float[][] rows, int steps) {
        int n = rows.length, width = n == 0 || steps == 0 ? 0 : rows[0].length / steps;
        float[] data = new float[n * steps * width];
        for (int i = 0; i < n; i++) System.arraycopy(rows[i], 0, data, i * steps * width, steps * width);
        return nested(new int[] {n, steps, width}, data, 0, 0);
    }

    // ---------------------------------------------------------------- recurrent layers

    /** Block parameters of a recurrent layer's trace: "U", "U.i", "gradW.f", "gradB", … */
    private static final Pattern BLOCK = Pattern.compile("(U|W|b|gradU|gradW|gradB)(?:\\.(.+))?");

    private static boolean isRecurrent(LayerTrace l) { return l.attributes().containsKey("cell"); }

    /**
     * A recurrent layer: version 1's fields (input [N][T][in], z = h and delta = ∂L_n/∂h_t as
     * [N][T][H], the others null: its weights are gate blocks, not one matrix), its attributes,
     * then "steps", one object per time step with every gate and state as [N][H], then U, W, b
     * and their gradients, keyed by block for LSTM and GRU and plain for the RNN.
     */
    private static ObjectNode recurrent(LayerTrace l, int n) {
        ObjectNode o = Json.object();
        o.put("name", l.name());
        o.put("type", l.type());
        o.putNull("activation");
        for (String key : FIELDS) {
            TraceTensor t = switch (key) {
                case "input" -> l.tensor("input");
                case "z" -> l.tensor("h");
                case "delta" -> l.tensor("dh");
                default -> null;
            };
            put(o, key, t);
        }
        // "steps" names the array below; T is its length, so the attribute of that name is left out.
        l.attributes().forEach((k, v) -> { if (!k.equals("activation") && !k.equals("steps")) o.put(k, v); });
        Map<String, TraceTensor> perStep = new LinkedHashMap<>();
        Map<String, ObjectNode> blocks = new LinkedHashMap<>();
        Map<String, TraceTensor> plain = new LinkedHashMap<>();
        l.tensors().forEach((k, t) -> {
            // The gates' pre-activations ("pre.i", …) are there for the app's equations; the file
            // keeps to the quantities docs/trace-format.md lists (the RNN's "a" is among them).
            if (k.equals("input") || k.startsWith("pre.")) return;
            Matcher m = BLOCK.matcher(k);
            if (t.rank() == 3) perStep.put(k, t);
            else if (m.matches() && m.group(2) != null) {
                blocks.computeIfAbsent(m.group(1), g -> Json.object()).set(m.group(2), nested(t.shape(), t.data(), 0, 0));
            } else plain.put(k, t);
        });
        ArrayNode steps = o.putArray("steps");
        int count = perStep.isEmpty() ? 0 : perStep.values().iterator().next().dim(1);
        for (int step = 0; step < count; step++) {
            ObjectNode s = steps.addObject();
            for (Map.Entry<String, TraceTensor> e : perStep.entrySet()) s.set(e.getKey(), atStep(e.getValue(), step));
        }
        for (String g : List.of("U", "W", "b", "gradU", "gradW", "gradB")) {
            if (blocks.containsKey(g)) o.set(g, blocks.get(g));
            else if (plain.containsKey(g)) put(o, g, plain.remove(g));
        }
        plain.forEach((k, t) -> put(o, k, t));
        return o;
    }

    /** Step {@code step} of an [N][T][H] tensor, as [N][H]. */
    private static JsonNode atStep(TraceTensor t, int step) {
        int n = t.dim(0), steps = t.dim(1), h = t.dim(2);
        float[] d = new float[n * h];
        for (int i = 0; i < n; i++) System.arraycopy(t.data(), (i * steps + step) * h, d, i * h, h);
        return nested(new int[] {n, h}, d, 0, 0);
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
