package backprop.app.editor.document;

import backprop.app.editor.model.Analysis;
import backprop.app.editor.model.AutoLayout;
import backprop.app.editor.model.Edge;
import backprop.app.editor.model.EditorGraph;
import backprop.app.editor.model.EditorNode;
import backprop.app.editor.model.FileOrder;
import backprop.app.editor.model.GraphJson;
import backprop.app.editor.model.NetworkJson;
import backprop.app.editor.model.NodeDefaults;
import backprop.app.editor.model.NodeRole;

import backprop.app.editor.edit.AddNodes;
import backprop.app.editor.edit.Connect;
import backprop.app.editor.edit.DeleteNodes;
import backprop.app.editor.edit.EditHistory;
import backprop.app.editor.edit.MoveNodes;
import backprop.app.editor.edit.SetNetwork;
import backprop.app.editor.edit.SetNode;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecReader;
import backprop.engine.spec.SpecWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The network the editor has open: the graph, its edit history, the file it came from and whether
 * it changed since. Every user edit is an {@code editor.edit} command performed here, after the
 * checks that refuse it with a reason (a cycle, a second input, a field the reader refuses). Plain
 * Java, no JavaFX: the tests drive it directly.
 */
public final class EditorDocument {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EditorGraph graph = new EditorGraph();
    private final EditHistory history = new EditHistory();
    private final List<Runnable> listeners = new ArrayList<>();
    private Path file;
    private long savedVersion;
    private Analysis analysis;
    private int layoutColumns = Integer.MAX_VALUE;

    public EditorDocument() {
        graph.addListener(() -> analysis = null);
        history.addListener(this::changed);
        savedVersion = history.version();
    }

    /** Called after every edit, undo, redo, open and save. */
    public void addListener(Runnable r) { listeners.add(r); }

    private void changed() { for (Runnable r : List.copyOf(listeners)) r.run(); }

    public EditorGraph graph() { return graph; }

    public EditHistory history() { return history; }

    /** The engine's verdict on the graph as it stands (computed once per change). */
    public Analysis analysis() {
        if (analysis == null) analysis = Analysis.of(graph);
        return analysis;
    }

    public Path file() { return file; }

    public boolean dirty() { return history.version() != savedVersion; }

    /** "xor.json" (or "untitled") with a leading "• " while there are unsaved changes. */
    public String title() {
        return (dirty() ? "• " : "") + (file == null ? "untitled" : String.valueOf(file.getFileName()));
    }

    // ------------------------------------------------------------------ edits

    /** Adds a node of {@code type} (a layer type, "input" or "output") at (x, y); refuses a second input or output. */
    public Optional<String> add(String type, double x, double y) {
        if (!type.equals("input") && !type.equals("output") && backprop.engine.layers.LayerKinds.byType(type) == null) {
            return Optional.of("this build has no '" + type + "' layer");
        }
        for (EditorNode n : graph.nodes()) {
            if (n.type().equals(type) && n.role() != NodeRole.LAYER) return Optional.of("the network has its " + type + " already; a network has one");
        }
        EditorNode n = NodeDefaults.node(graph, type, AutoLayout.snap(x), AutoLayout.snap(y));
        history.perform(new AddNodes(graph, List.of(n), List.of(), "add " + graph.label(n)));
        return Optional.empty();
    }

    /** The key of the node added last (tests and the keyboard's "add" select it). */
    public int lastKey() {
        List<EditorNode> all = graph.nodes();
        return all.isEmpty() ? -1 : all.stream().mapToInt(EditorNode::key).max().getAsInt();
    }

    /** Connects {@code from}'s output to {@code to}'s input, or says why not (a cycle, a full input). */
    public Optional<String> connect(int from, int to) {
        Optional<String> why = graph.cannotConnect(from, to);
        if (why.isPresent()) return why;
        history.perform(Connect.connect(graph, new Edge(from, to)));
        return Optional.empty();
    }

    public void disconnect(Edge e) {
        if (graph.edges().contains(e)) history.perform(Connect.disconnect(graph, e));
    }

    public void delete(Set<Integer> keys) {
        if (!keys.isEmpty()) history.perform(new DeleteNodes(graph, keys));
    }

    /** Moves nodes to {@code after} (positions snap to the grid); {@code what} names the edit, or null. */
    public void move(Map<Integer, double[]> before, Map<Integer, double[]> after, String what) {
        Map<Integer, double[]> snapped = new HashMap<>();
        after.forEach((k, p) -> snapped.put(k, new double[] {AutoLayout.snap(p[0]), AutoLayout.snap(p[1])}));
        boolean moved = false;
        for (var e : snapped.entrySet()) {
            double[] b = before.get(e.getKey());
            moved |= b == null || b[0] != e.getValue()[0] || b[1] != e.getValue()[1];
        }
        if (moved) history.perform(new MoveNodes(graph, before, snapped, what));
    }

    /** Where each node stands now. */
    public Map<Integer, double[]> positions(Collection<Integer> keys) {
        Map<Integer, double[]> out = new HashMap<>();
        for (int k : keys) {
            EditorNode n = graph.node(k);
            if (n != null) out.put(k, new double[] {n.x(), n.y()});
        }
        return out;
    }

    /** How many columns auto-layout puts side by side before it starts a band below (the view's width). */
    public void setLayoutColumns(int columns) {
        if (columns == layoutColumns) return;
        layoutColumns = columns;
        // A network just opened, not edited yet, is laid out again for the new width; that is no edit.
        if (!history.canUndo() && !history.canRedo() && !graph.isEmpty()) {
            AutoLayout.positions(graph, layoutColumns).forEach((k, p) -> graph.replace(graph.node(k).at(p[0], p[1])));
            changed();
        }
    }

    /** Lays every node out left to right by depth, as one edit. */
    public void autoLayout() {
        Map<Integer, double[]> after = AutoLayout.positions(graph, layoutColumns);
        move(positions(after.keySet()), after, "auto-layout");
    }

    /**
     * Sets a property of node {@code key} from the text typed for it: a field of its kind, or
     * "name" / "id". Empty text removes the field (its default applies). The edit is refused with
     * the engine's reason when it would make a node that read without error fail (0 units, a
     * kernel larger than its input); a node already failing may be edited on the way to a fix.
     */
    public Optional<String> setProperty(int key, String property, String text) {
        EditorNode before = graph.node(key);
        if (before == null) return Optional.of("the node is gone");
        EditorNode after;
        String t = text.strip();
        if (property.equals("name") || property.equals("id")) {
            String v = t.isEmpty() ? null : t;
            after = property.equals("name") ? before.named(v, before.layerId()) : before.named(before.name(), v);
        } else {
            ObjectNode f = before.fieldsCopy();
            if (t.isEmpty()) f.remove(property);
            else f.set(property, value(property, t));
            after = before.withFields(f);
        }
        if (after.equals(before)) return Optional.empty();
        Optional<String> refused = refusal(key, after);
        if (refused.isPresent()) return refused;
        history.perform(new SetNode(graph, before, after, property));
        return Optional.empty();
    }

    /**
     * Sets one of the network's own fields (name, description, seed, and training and dataset as
     * JSON objects), refused with the reader's reason when it refuses the value.
     */
    public Optional<String> setNetworkField(String field, String text) {
        ObjectNode before = graph.network(), after = before.deepCopy();
        String t = text.strip();
        if (t.isEmpty()) after.remove(field);
        else after.set(field, field.equals("name") || field.equals("description") ? JSON.getNodeFactory().textNode(t) : value(field, t));
        if (after.equals(before)) return Optional.empty();
        EditorGraph trial = copyOfGraph();
        trial.setNetwork(after);
        String problem = Analysis.of(trial).problem();
        if (problem != null && analysis().problem() == null) return Optional.of(problem);
        history.perform(new SetNetwork(graph, before, after, field));
        return Optional.empty();
    }

    /** Typed text as a JSON value: numbers, arrays and objects as JSON, anything else as a string. */
    private static JsonNode value(String property, String t) {
        if (property.equals("shape") && !t.startsWith("[")) t = "[" + t + "]";
        try {
            JsonNode v = JSON.readTree(t);
            if (v != null && !v.isMissingNode()) return v;
        } catch (IOException e) {
            // not JSON: a name such as relu
        }
        return JSON.getNodeFactory().textNode(t);
    }

    private Optional<String> refusal(int key, EditorNode after) {
        String was = analysis().errors().get(key);
        if (was != null) return Optional.empty();
        EditorGraph trial = copyOfGraph();
        trial.replace(after);
        String now = Analysis.of(trial).errors().get(key);
        return Optional.ofNullable(now);
    }

    private EditorGraph copyOfGraph() { return graph.copy(); }

    /** Copies of {@code keys} with the edges among them, as one edit, shifted by one grid step (Duplicate). */
    public void duplicate(Set<Integer> keys) {
        if (!keys.isEmpty()) paste(copy(keys), AutoLayout.GRID * 2);
    }

    /** The nodes {@code keys} and their edges as clipboard text. */
    public String copy(Set<Integer> keys) { return GraphJson.write(graph, keys, null); }

    /**
     * Adds the nodes of clipboard text, shifted by {@code offset}, under fresh names and keys; an
     * input or output the network already has is left out. Returns the new keys (empty if the
     * text is not editor nodes).
     */
    public List<Integer> paste(String text, double offset) {
        GraphJson.Part part;
        try {
            part = GraphJson.read(text, graph, offset, offset);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        List<EditorNode> nodes = new ArrayList<>();
        List<Integer> keys = new ArrayList<>();
        EditorGraph names = copyOfGraph();
        for (EditorNode n : part.nodes()) {
            if (n.role() != NodeRole.LAYER && NetworkJson.find(graph, n.role()) != null) continue;
            EditorNode fresh = n.role() == NodeRole.LAYER ? n.named(names.freshName(n.type()), null) : n;
            names.insertNode(names.nodes().size(), fresh);
            nodes.add(fresh);
            keys.add(fresh.key());
        }
        List<Edge> edges = part.edges().stream().filter(e -> keys.contains(e.from()) && keys.contains(e.to())).toList();
        if (nodes.isEmpty()) return List.of();
        history.perform(new AddNodes(graph, nodes, edges, nodes.size() == 1 ? "paste " + nodes.get(0).name() : "paste " + nodes.size() + " nodes"));
        return keys;
    }

    // ------------------------------------------------------------------ files

    /** Empties the canvas (New); the history goes, as after opening a file. */
    public void clear() {
        graph.clear();
        file = null;
        history.clear();
        savedVersion = history.version();
        changed();
    }

    /**
     * Opens a network file. A file the reader refuses throws its one-line message (file, JSON path,
     * problem) and leaves the document exactly as it was.
     */
    public void open(Path path) throws SpecException {
        NetworkSpec spec = SpecReader.read(path);
        load(spec);
        file = path;
        changed();
    }

    /** Shows {@code spec} (a template, a network sent from another view) as a new, unsaved document. */
    public void load(NetworkSpec spec) {
        NetworkJson.read(spec, graph);
        AutoLayout.positions(graph, layoutColumns).forEach((k, p) -> graph.replace(graph.node(k).at(p[0], p[1])));
        file = null;
        history.clear();
        savedVersion = history.version();
        changed();
    }

    /** The network as the engine reads it; throws the reader's message when the graph is not a valid network yet. */
    public NetworkSpec spec() throws SpecException {
        List<EditorNode> order = FileOrder.of(graph);
        ObjectNode json = NetworkJson.write(graph, order, NetworkJson.ids(graph, order), false, NetworkJson.loss(graph));
        if (NetworkJson.find(graph, NodeRole.INPUT) == null) throw new SpecException(name(), "$.input", "the network has no input node");
        return SpecReader.parse(NetworkJson.print(json), name());
    }

    /** The file's text: the engine's canonical writer, so an unchanged file saves byte for byte as it was read. */
    public String text() throws SpecException { return SpecWriter.toJson(spec()); }

    /** Saves to {@code path} through a temporary file and a rename; the document is then clean and named after it. */
    public void save(Path path) throws SpecException, IOException {
        String text = text();
        SpecWriter.writeAtomically(path, text);
        file = path;
        savedVersion = history.version();
        changed();
    }

    private String name() { return file == null ? "untitled" : String.valueOf(file.getFileName()); }

    /** Everything unsaved, valid or not, for the recovery file. */
    public String recoveryText() { return GraphJson.write(graph, null, file == null ? null : file.toString()); }

    /** Puts back what {@link #recoveryText} saved, as unsaved work; throws IllegalArgumentException if it is not that. */
    public void restore(String recovery) {
        GraphJson.Part part = GraphJson.read(recovery, null, 0, 0);
        graph.clear();
        graph.setNetwork(part.network());
        for (EditorNode n : part.nodes()) graph.insertNode(graph.nodes().size(), n);
        for (Edge e : part.edges()) graph.insertEdge(graph.edges().size(), e);
        file = part.file() == null ? null : Path.of(part.file());
        history.clear();
        savedVersion = -1; // restored work is unsaved
        changed();
    }

}
