package backprop.app.editor.model;

import backprop.engine.layers.LayerKind;
import backprop.engine.layers.LayerKinds;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.LayerCosts;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecReader;
import backprop.engine.tensor.Shapes;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the engine says about the graph as it stands: each node's output shape and parameter
 * count, each node's problem in one line, and the totals. The graph is written as a network file
 * and handed to the engine's reader; a layer it refuses gets the reader's message (which shows
 * the arithmetic, e.g. a kernel that does not fit) and is left out with everything after it, and
 * the rest is read again, so every independent problem shows at once. Shapes and counts come from
 * the layer kinds through the engine's {@link LayerCosts} ({@link LayerKind#outputShape},
 * {@link LayerKind#parameterCount}, {@link LayerKind#multiplyAdds}): the editor does no shape
 * arithmetic of its own.
 *
 * @param shapes      each node's output shape (per step for sequences), for nodes that read
 * @param parameters  each layer's weights and biases
 * @param multiplyAdds each layer's multiply-adds for one sample (all T steps), from {@link LayerCosts}
 * @param errors      each refused node's problem
 * @param steps       T for a network over sequences, else 0
 * @param problem     a problem of the whole network (no input node, a limit), else null
 */
public record Analysis(Map<Integer, int[]> shapes, Map<Integer, Long> parameters, Map<Integer, Long> multiplyAdds, Map<Integer, String> errors, int steps,
                       String problem) {
    private static final Pattern LAYER_PATH = Pattern.compile("^\\$\\.layers\\[(\\d+)\\](?:\\.(.*))?$");

    /** The parameters of every layer that reads. */
    public long totalParameters() { return parameters.values().stream().mapToLong(Long::longValue).sum(); }

    /** Multiply-adds of one sample's forward pass through every layer that reads. */
    public long totalMultiplyAdds() { return multiplyAdds.values().stream().mapToLong(Long::longValue).sum(); }

    /** Float32 weights and biases, in bytes. */
    public long weightBytes() { return totalParameters() * Float.BYTES; }

    /** Every node's output for one sample (all T steps of a sequence), float32, in bytes. */
    public long activationBytesPerSample(EditorGraph g) {
        long values = 0;
        for (EditorNode n : g.nodes()) {
            int[] s = shapes.get(n.key());
            if (s != null && n.role() != NodeRole.OUTPUT) values += Shapes.product(s) * Math.max(1, steps);
        }
        return values * Float.BYTES;
    }

    public boolean ok() { return errors.isEmpty() && problem == null; }

    /** A shape as the editor labels it: [T, n] over sequences, [C, H, W] for images. */
    public String shapeText(int key) {
        int[] s = shapes.get(key);
        if (s == null) return "?";
        StringBuilder b = new StringBuilder("[");
        if (steps > 0) b.append(steps).append(", ");
        for (int i = 0; i < s.length; i++) b.append(i == 0 ? "" : ", ").append(s[i]);
        return b.append(']').toString();
    }

    /** Checks {@code g}; never throws for anything a user can draw. */
    public static Analysis of(EditorGraph g) {
        Map<Integer, int[]> shapes = new HashMap<>();
        Map<Integer, Long> params = new HashMap<>();
        Map<Integer, Long> macs = new HashMap<>();
        Map<Integer, String> errors = new HashMap<>();
        EditorNode input = NetworkJson.find(g, NodeRole.INPUT);
        EditorNode output = NetworkJson.find(g, NodeRole.OUTPUT);
        List<EditorNode> order = FileOrder.of(g);
        Map<Integer, String> ids = NetworkJson.ids(g, order);
        Set<Integer> out = new HashSet<>();
        for (EditorNode n : order) {
            if (LayerKinds.byType(n.type()) == null) {
                errors.put(n.key(), "this build has no '" + n.type() + "' layer (known: " + String.join(", ", LayerKinds.types()) + ")");
                out.add(n.key());
            } else if (g.sources(n.key()).isEmpty()) {
                errors.put(n.key(), "not connected: drag from the output port of the layer it reads to its input port");
                out.add(n.key());
            }
        }
        if (output != null && g.sources(output.key()).isEmpty()) errors.put(output.key(), "not connected: drag from the last layer's output port to it");
        if (input == null) {
            return new Analysis(shapes, params, macs, errors, 0, order.isEmpty() ? null : "the network has no input: drag one from the palette");
        }
        Integer last = FileOrder.outputSource(g);
        if (last != null && !order.isEmpty() && order.get(order.size() - 1).key() != last) {
            EditorNode other = order.get(order.size() - 1);
            errors.put(output.key(), "the output must read the network's last layer, and " + g.label(other) + " comes after " + g.label(g.node(last))
                    + "; connect it on the way to the output or delete it");
        }
        String loss = NetworkJson.loss(g);
        int steps = 0;
        String problem = null;
        for (int round = 0; round <= order.size() + 1; round++) {
            excludeDownstream(g, order, out);
            List<EditorNode> kept = new ArrayList<>();
            for (EditorNode n : order) if (!out.contains(n.key())) kept.add(n);
            if (kept.isEmpty()) {
                inputOnly(input, shapes);
                break;
            }
            String lossNow = kept.get(kept.size() - 1).key() == (last == null ? -1 : last) ? loss : "mse";
            ObjectNode json = NetworkJson.write(g, kept, ids, true, lossNow);
            try {
                NetworkSpec spec = SpecReader.parse(NetworkJson.print(json), "network");
                steps = spec.steps();
                read(spec, input, kept, shapes, params, macs);
                if (output != null && last != null && shapes.containsKey(last)) shapes.put(output.key(), shapes.get(last));
                break;
            } catch (SpecException e) {
                String path = e.path() == null ? "" : e.path();
                Matcher m = LAYER_PATH.matcher(path);
                if (m.matches()) {
                    EditorNode bad = kept.get(Integer.parseInt(m.group(1)));
                    errors.put(bad.key(), (m.group(2) == null ? "" : m.group(2) + ": ") + e.problem());
                    out.add(bad.key());
                } else if (path.startsWith("$.input")) {
                    errors.put(input.key(), (path.length() > 7 ? path.substring(2) + ": " : "") + e.problem());
                    break;
                } else if (path.startsWith("$.loss") && output != null && !errors.containsKey(output.key())) {
                    errors.put(output.key(), "loss: " + e.problem());
                    loss = "mse"; // check the layers once more without it
                } else {
                    problem = (path.isEmpty() ? "" : path + ": ") + e.problem();
                    break;
                }
            } catch (RuntimeException e) { // the reader is fuzzed not to; a canvas must still draw if it ever does
                problem = "the engine could not check this network (" + e.getClass().getSimpleName() + ")";
                break;
            }
        }
        return new Analysis(shapes, params, macs, errors, steps, problem);
    }

    private static void inputOnly(EditorNode input, Map<Integer, int[]> shapes) {
        try {
            int[] s = new int[input.fields().get("shape").size()];
            for (int i = 0; i < s.length; i++) s[i] = input.fields().get("shape").get(i).asInt();
            if (s.length > 0) shapes.put(input.key(), s.length == 3 ? s : new int[] {s[s.length - 1]});
        } catch (RuntimeException e) {
            // a shape still being typed: no label until it reads
        }
    }

    /** Shapes, parameter counts and multiply-adds of a spec that read, as the layer kinds give them. */
    private static void read(NetworkSpec spec, EditorNode input, List<EditorNode> kept, Map<Integer, int[]> shapes, Map<Integer, Long> params,
                             Map<Integer, Long> macs) {
        LayerCosts costs = LayerCosts.of(spec);
        shapes.put(input.key(), costs.inputShape());
        for (int i = 0; i < costs.layers().size(); i++) {
            LayerCosts.Layer l = costs.layers().get(i);
            int key = kept.get(i).key();
            shapes.put(key, l.outputShape());
            params.put(key, l.parameters());
            macs.put(key, l.multiplyAdds());
        }
    }

    /** Adds to {@code out} every layer that reads, directly or not, a layer already in it. */
    private static void excludeDownstream(EditorGraph g, List<EditorNode> order, Set<Integer> out) {
        for (EditorNode n : order) {
            for (int s : g.sources(n.key())) if (out.contains(s)) out.add(n.key());
        }
    }
}
