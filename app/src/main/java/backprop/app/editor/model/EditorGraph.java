package backprop.app.editor.model;

import backprop.engine.layers.LayerKind;
import backprop.engine.layers.LayerKinds;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The network being edited, as a graph: nodes in file order and edges in {@code from} order, plus
 * the network's own fields ({@code name}, {@code description}, {@code seed}, {@code training},
 * {@code dataset}) as the file writes them. Plain data with change notification; every edit a
 * user makes goes through a command ({@code editor.edit}) so that it can be undone. No JavaFX.
 */
public final class EditorGraph {
    private final List<EditorNode> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private ObjectNode network = JsonNodeFactory.instance.objectNode();
    private final List<Runnable> listeners = new ArrayList<>();
    private int nextKey = 1;

    /** Called after every change (FX thread in the app). */
    public void addListener(Runnable r) { listeners.add(r); }

    private void changed() {
        sourceIndex = null;
        for (Runnable r : List.copyOf(listeners)) r.run();
    }

    /** Each node's sources, built once per change: the analysis asks for them many times per pass. */
    private java.util.Map<Integer, List<Integer>> sourceIndex;

    public List<EditorNode> nodes() { return List.copyOf(nodes); }

    public List<Edge> edges() { return List.copyOf(edges); }

    public boolean isEmpty() { return nodes.isEmpty(); }

    public int newKey() { return nextKey++; }

    public EditorNode node(int key) {
        for (EditorNode n : nodes) if (n.key() == key) return n;
        return null;
    }

    public int indexOf(int key) {
        for (int i = 0; i < nodes.size(); i++) if (nodes.get(i).key() == key) return i;
        return -1;
    }

    /** The nodes {@code key} reads, in {@code from} order. */
    public List<Integer> sources(int key) {
        if (sourceIndex == null) {
            java.util.Map<Integer, List<Integer>> index = new java.util.HashMap<>();
            for (Edge e : edges) index.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
            sourceIndex = index;
        }
        return List.copyOf(sourceIndex.getOrDefault(key, List.of()));
    }

    /** The nodes that read {@code key}. */
    public List<Integer> targets(int key) {
        List<Integer> out = new ArrayList<>();
        for (Edge e : edges) if (e.from() == key) out.add(e.to());
        return out;
    }

    public ObjectNode network() { return network.deepCopy(); }

    public void setNetwork(ObjectNode n) {
        network = n.deepCopy();
        changed();
    }

    /** Puts {@code n} at position {@code index} of the file order. */
    public void insertNode(int index, EditorNode n) {
        if (node(n.key()) != null) throw new IllegalArgumentException("node " + n.key() + " is already there");
        nodes.add(Math.min(index, nodes.size()), n);
        nextKey = Math.max(nextKey, n.key() + 1);
        changed();
    }

    /** Removes a node that no edge touches any more; returns where it stood. */
    public int removeNode(int key) {
        int i = indexOf(key);
        for (Edge e : edges) if (e.from() == key || e.to() == key) throw new IllegalStateException("node " + key + " still has edges");
        nodes.remove(i);
        changed();
        return i;
    }

    /** Replaces the node with the same key (moved, renamed, new fields). */
    public void replace(EditorNode n) {
        int i = indexOf(n.key());
        nodes.set(i, n);
        changed();
    }

    /** Adds an edge at position {@code index} of the edge list (its place among the target's inputs). */
    public void insertEdge(int index, Edge e) {
        edges.add(Math.min(index, edges.size()), e);
        changed();
    }

    /** Removes an edge; returns where it stood. */
    public int removeEdge(Edge e) {
        int i = edges.indexOf(e);
        edges.remove(i);
        changed();
        return i;
    }

    /** An independent copy (to try an edit on before making it). */
    public EditorGraph copy() {
        EditorGraph c = new EditorGraph();
        for (EditorNode n : nodes) c.nodes.add(n.withFields(n.fieldsCopy()));
        c.edges.addAll(edges);
        c.network = network.deepCopy();
        c.nextKey = nextKey;
        return c;
    }

    /** Empties the graph (New, or before loading a file). */
    public void clear() {
        nodes.clear();
        edges.clear();
        network = JsonNodeFactory.instance.objectNode();
        changed();
    }

    /** Why {@code from → to} cannot be drawn, in one sentence; empty if it can. */
    public Optional<String> cannotConnect(int from, int to) {
        EditorNode a = node(from), b = node(to);
        if (a == null || b == null) return Optional.of("there is no such node");
        if (from == to) return Optional.of(label(a) + " cannot read its own output: that would be a cycle");
        if (b.role() == NodeRole.INPUT) return Optional.of("the input reads nothing; connect from its output port instead");
        if (a.role() == NodeRole.OUTPUT) return Optional.of("the output has no output port; connect from the layer before it");
        if (edges.contains(new Edge(from, to))) return Optional.of(label(b) + " already reads " + label(a));
        int max = maxInputs(b);
        if (sources(to).size() >= max) {
            return Optional.of(label(b) + " takes " + max + " input" + (max == 1 ? "" : "s") + " and has " + (max == 1 ? "one" : "them all")
                    + "; disconnect it first" + (max == 1 ? ", or combine several with an add or concat layer" : ""));
        }
        List<Integer> path = path(to, from);
        if (!path.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (int k : path) names.add(label(node(k)));
            return Optional.of("connecting " + label(a) + " → " + label(b) + " would make a cycle: " + String.join(" → ", names)
                    + " already leads back to " + label(a));
        }
        return Optional.empty();
    }

    /** How many inputs the node takes: the kind's maximum, 1 for the output, 0 for the input. */
    public static int maxInputs(EditorNode n) {
        return switch (n.role()) {
            case INPUT -> 0;
            case OUTPUT -> 1;
            case LAYER -> {
                LayerKind<?> k = LayerKinds.byType(n.type());
                yield k == null ? 1 : k.maxInputs();
            }
        };
    }

    /** A path of edges from {@code start} to {@code goal} (both included), or empty if none. */
    private List<Integer> path(int start, int goal) {
        Deque<List<Integer>> todo = new ArrayDeque<>();
        Set<Integer> seen = new HashSet<>();
        todo.add(List.of(start));
        while (!todo.isEmpty()) {
            List<Integer> p = todo.poll();
            int last = p.get(p.size() - 1);
            if (last == goal) return p;
            if (!seen.add(last)) continue;
            for (int t : targets(last)) {
                List<Integer> next = new ArrayList<>(p);
                next.add(t);
                todo.add(next);
            }
        }
        return List.of();
    }

    /** What the editor calls a node in messages and menus: its name, else its default name. */
    public String label(EditorNode n) {
        if (n.role() == NodeRole.INPUT) return "input";
        if (n.role() == NodeRole.OUTPUT) return "output";
        if (n.name() != null) return n.name();
        if (n.layerId() != null) return n.layerId();
        int position = 0;
        for (EditorNode m : nodes) {
            if (m.role() == NodeRole.LAYER) position++;
            if (m.key() == n.key()) break;
        }
        return n.type() + position;
    }

    /** "dense_1", "dense_2", …: the first such name no node has. */
    public String freshName(String type) {
        Set<String> used = new HashSet<>();
        for (EditorNode n : nodes) {
            if (n.name() != null) used.add(n.name());
            if (n.layerId() != null) used.add(n.layerId());
            used.add(label(n));
        }
        for (int i = 1; ; i++) if (!used.contains(type + "_" + i)) return type + "_" + i;
    }
}
