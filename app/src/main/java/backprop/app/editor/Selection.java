package backprop.app.editor;

import backprop.app.editor.model.Edge;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What is selected on the canvas: nodes in the order they were picked (so "connect" knows which
 * came first) or one edge. Plain Java with change notification.
 */
public final class Selection {
    private final LinkedHashSet<Integer> nodes = new LinkedHashSet<>();
    private Edge edge;
    private final List<Runnable> listeners = new ArrayList<>();

    public void addListener(Runnable r) { listeners.add(r); }

    public Set<Integer> nodes() { return Set.copyOf(nodes); }

    /** The selected nodes in the order they were picked. */
    public List<Integer> ordered() { return List.copyOf(nodes); }

    public Edge edge() { return edge; }

    public boolean contains(int key) { return nodes.contains(key); }

    public void set(Iterable<Integer> keys) {
        nodes.clear();
        for (int k : keys) nodes.add(k);
        edge = null;
        changed();
    }

    public void only(int key) { set(List.of(key)); }

    public void toggle(int key) {
        if (!nodes.remove(key)) nodes.add(key);
        edge = null;
        changed();
    }

    public void edge(Edge e) {
        nodes.clear();
        edge = e;
        changed();
    }

    public void clear() {
        if (nodes.isEmpty() && edge == null) return;
        nodes.clear();
        edge = null;
        changed();
    }

    /** Drops keys and edges that no longer exist (after an undo). */
    public void retain(Set<Integer> existing, List<Edge> edges) {
        boolean changed = nodes.retainAll(existing);
        if (edge != null && !edges.contains(edge)) {
            edge = null;
            changed = true;
        }
        if (changed) changed();
    }

    private void changed() { for (Runnable r : List.copyOf(listeners)) r.run(); }
}
