package backprop.app.playground;

import backprop.app.playground.PlaygroundSetup.Hidden;
import backprop.engine.layers.dense.DenseSpec;
import backprop.engine.layers.merge.AddKind;
import backprop.engine.layers.merge.ConcatKind;
import backprop.engine.layers.merge.MergeSpec;
import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.NetworkSpec.InitSpec;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import backprop.engine.spec.Wiring;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the playground's hidden layers connect when they are not a plain stack: which nodes each
 * reads (node 0 is the input, node k hidden layer k, as the engine's {@code Model} numbers them)
 * and what an edit may change without breaking that wiring. The output layer always reads the
 * last hidden layer. Every refusal is one line the message bar can show as it is.
 */
public final class HiddenWiring {
    private HiddenWiring() {}

    /** The merges the playground draws. */
    static final List<String> MERGES = List.of(AddKind.TYPE, ConcatKind.TYPE);

    /** A node's name as the canvas and the messages write it: "input", "h1", "h2", … */
    public static String name(int node) {
        return node == 0 ? Wiring.INPUT : "h" + node;
    }

    /** True when some layer reads anything but the layer before it. */
    public static boolean isGraph(List<Hidden> hidden) {
        for (Hidden h : hidden) if (h.from() != null || h.isMerge()) return true;
        return false;
    }

    /** The nodes hidden layer k (0-based) reads. */
    static List<Integer> sources(List<Hidden> hidden, int k) {
        Hidden h = hidden.get(k);
        return h.from() == null ? List.of(k) : h.from();
    }

    /**
     * The playground's hidden layers for a file's layers (all but the last, which must be a dense
     * output reading the layer before it); ids become node numbers.
     */
    static List<Hidden> fromLayers(List<LayerSpec> layers, String where) {
        Map<String, Integer> nodes = new HashMap<>(Map.of(Wiring.INPUT, 0));
        List<Hidden> hidden = new ArrayList<>();
        int last = layers.size() - 1;
        for (int k = 0; k < layers.size(); k++) {
            LayerSpec l = layers.get(k);
            boolean merge = l instanceof MergeSpec && MERGES.contains(l.type());
            if (!(l instanceof DenseSpec) && !merge) {
                throw new IllegalArgumentException(where + ": layer " + (k + 1) + " is " + l.type() + "; the playground shows dense, add and concat layers");
            }
            List<Integer> from = null;
            if (l.from() != null) {
                from = new ArrayList<>();
                for (String ref : l.from()) from.add(nodes.get(ref));
                if (from.equals(List.of(k))) from = null; // the layer before, named explicitly
            }
            if (k == last) {
                if (merge || from != null) throw new IllegalArgumentException(where + ": the playground's output layer is dense and reads the layer before it");
                break;
            }
            nodes.put(Wiring.id(l, k), k + 1);
            hidden.add(merge ? new Hidden(0, null, l.type(), from) : new Hidden(((DenseSpec) l).units(), ((DenseSpec) l).activation(), null, from));
        }
        return sized(hidden, 2);
    }

    /** The layers with each merge's size worked out from what it reads ({@code inputs}: the input's size). */
    static List<Hidden> sized(List<Hidden> hidden, int inputs) {
        List<Hidden> out = new ArrayList<>();
        int[] sizes = new int[hidden.size() + 1];
        sizes[0] = inputs;
        for (int k = 0; k < hidden.size(); k++) {
            Hidden h = hidden.get(k);
            if (h.isMerge()) {
                int n = 0;
                for (int s : sources(hidden, k)) n = AddKind.TYPE.equals(h.merge()) ? sizes[s] : n + sizes[s];
                h = h.withUnits(n);
            }
            out.add(h);
            sizes[k + 1] = h.units();
        }
        return out;
    }

    /** Null if the wiring holds, else what is wrong: a merge reading fewer than two nodes, an add of unequal sizes. */
    static String problem(List<Hidden> hidden, int inputs) {
        List<Hidden> h = sized(hidden, inputs);
        for (int k = 0; k < h.size(); k++) {
            List<Integer> src = sources(h, k);
            for (int s : src) if (s < 0 || s > k) return name(k + 1) + " can only read the input or earlier layers";
            if (!h.get(k).isMerge()) {
                if (src.size() != 1) return name(k + 1) + " is dense and reads one layer, not " + src.size();
                continue;
            }
            if (src.size() < 2) return name(k + 1) + " (" + h.get(k).merge() + ") needs two inputs or more";
            if (!AddKind.TYPE.equals(h.get(k).merge())) continue;
            for (int s : src) {
                int n = s == 0 ? inputs : h.get(s - 1).units();
                int first = src.get(0) == 0 ? inputs : h.get(src.get(0) - 1).units();
                if (n != first) return "add " + describe(h, k) + " needs equal sizes: " + name(src.get(0)) + " has " + first + " units, " + name(s) + " " + n;
            }
        }
        return null;
    }

    /** "h1 + h2" for an add, "[h1, h2]" for a concat. */
    static String describe(List<Hidden> hidden, int k) {
        List<String> names = sources(hidden, k).stream().map(HiddenWiring::name).toList();
        return AddKind.TYPE.equals(hidden.get(k).merge()) ? String.join(" + ", names) : "[" + String.join(", ", names) + "]";
    }

    /**
     * Layer k with {@code units} units, its wiring kept; refused in one line when it is a merge
     * (its size follows its inputs) or when an add reads it and needs equal sizes.
     */
    static List<Hidden> withUnits(List<Hidden> hidden, int k, int units, int inputs) {
        Hidden h = hidden.get(k);
        if (h.isMerge()) throw new IllegalArgumentException(name(k + 1) + " is " + h.merge() + " " + describe(hidden, k) + ": its size follows its inputs");
        List<Hidden> next = new ArrayList<>(hidden);
        next.set(k, h.withUnits(units));
        String problem = problem(next, inputs);
        if (problem != null) throw new IllegalArgumentException(name(k + 1) + " keeps " + h.units() + " units: " + problem);
        return sized(next, inputs);
    }

    /** Layer k with another activation; a merge has none. */
    static List<Hidden> withActivation(List<Hidden> hidden, int k, String activation) {
        Hidden h = hidden.get(k);
        if (h.isMerge()) throw new IllegalArgumentException(name(k + 1) + " is " + h.merge() + " " + describe(hidden, k) + ": it has no activation");
        List<Hidden> next = new ArrayList<>(hidden);
        next.set(k, h.withActivation(activation));
        return next;
    }

    /**
     * A dense layer appended after the last hidden one (which the output then stops reading):
     * nothing reads the new position yet, so the wiring stays as it was. It copies the last dense
     * layer's activation and the last layer's size.
     */
    static List<Hidden> withLayerAdded(List<Hidden> hidden) {
        List<Hidden> next = new ArrayList<>(hidden);
        String act = "tanh";
        for (Hidden h : hidden) if (!h.isMerge()) act = h.activation();
        next.add(new Hidden(hidden.isEmpty() ? 4 : Math.min(PlaygroundSetup.MAX_UNITS, hidden.get(hidden.size() - 1).units()), act));
        return next;
    }

    /** The spec of hidden layer k: ids "h1", "h2", … so that {@code from} can name them. */
    static LayerSpec layer(Hidden h, int k, InitSpec init) {
        List<String> from = h.from() == null ? null : h.from().stream().map(HiddenWiring::name).toList();
        Common common = new Common(null, name(k + 1), from);
        if (h.isMerge()) return new MergeSpec(h.merge(), common);
        return DenseSpec.of(h.units(), h.activation()).withInitializer(init).withCommon(common);
    }
}
