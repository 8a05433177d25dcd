package backprop.app.editor;

import backprop.app.editor.EditorCanvas.Hit;
import backprop.app.editor.model.AutoLayout;
import backprop.app.editor.document.EditorDocument;
import backprop.app.editor.model.EditorNode;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;

/**
 * Pointer, keyboard and file drops on the canvas, turned into document edits: a palette entry
 * dropped here (see {@link LayerPalette}), drag from an output port to an input port, drag nodes (one move on release), rubber-band
 * select, pan with the right or middle button or the wheel, zoom with Ctrl + wheel. The keyboard
 * does the same: Tab picks the next node, the arrows move the selection one grid step (Shift: five),
 * C then Tab then Enter connects the picked node to another (C alone: the first of two picked to
 * the second), Delete, Ctrl+A/C/X/V/D, Ctrl+Z, Ctrl+Shift+Z, L lays out, + − 0 zoom.
 */
final class CanvasInput {
    private final EditorDocument doc;
    private final EditorCanvas canvas;
    private final Selection selection;
    private final Consumer<String> message;
    private final Consumer<Path> openFile;
    private String clipboard;
    /** After C with one node selected: the node whose output the next Enter connects. */
    private Integer connectFrom;

    private enum Gesture { NONE, MOVE, CONNECT, BAND, PAN }

    private Gesture gesture = Gesture.NONE;
    private double startX, startY, lastX, lastY;
    private Map<Integer, double[]> before = Map.of();

    CanvasInput(EditorDocument doc, EditorCanvas canvas, Selection selection, Consumer<String> message, Consumer<Path> openFile) {
        this.doc = doc;
        this.canvas = canvas;
        this.selection = selection;
        this.message = message;
        this.openFile = openFile;
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        canvas.setOnDragOver(this::dragOver);
        canvas.setOnDragDropped(this::dropped);
    }

    // ------------------------------------------------------------------ pointer

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        startX = lastX = e.getX();
        startY = lastY = e.getY();
        if (e.getButton() != MouseButton.PRIMARY) {
            gesture = Gesture.PAN;
            return;
        }
        Hit h = canvas.hit(e.getX(), e.getY());
        switch (h.kind()) {
            case OUT_PORT -> {
                gesture = Gesture.CONNECT;
                canvas.setConnecting(h.key(), e.getX(), e.getY());
            }
            case NODE, IN_PORT -> {
                if (e.isShiftDown() || e.isShortcutDown()) selection.toggle(h.key());
                else if (!selection.contains(h.key())) selection.only(h.key());
                gesture = selection.contains(h.key()) ? Gesture.MOVE : Gesture.NONE;
                before = canvas.positionsOf(selection.nodes());
            }
            case EDGE -> {
                selection.edge(h.edge());
                gesture = Gesture.NONE;
            }
            default -> {
                if (!e.isShiftDown()) selection.clear();
                gesture = Gesture.BAND;
            }
        }
    }

    private void dragged(MouseEvent e) {
        switch (gesture) {
            case PAN -> canvas.panBy(e.getX() - lastX, e.getY() - lastY);
            case CONNECT -> canvas.setConnecting(canvas.hit(startX, startY).key(), e.getX(), e.getY());
            case BAND -> canvas.setBand(new double[] {startX, startY, e.getX(), e.getY()});
            case MOVE -> canvas.setDragged(shifted((e.getX() - startX) / canvas.zoom(), (e.getY() - startY) / canvas.zoom()));
            default -> { }
        }
        lastX = e.getX();
        lastY = e.getY();
    }

    private void released(MouseEvent e) {
        switch (gesture) {
            case CONNECT -> {
                int from = canvas.hit(startX, startY).key();
                canvas.setConnecting(null, 0, 0);
                int to = canvas.portAt(e.getX(), e.getY(), false);
                Hit h = canvas.hit(e.getX(), e.getY());
                if (to < 0 && h.kind() == Hit.Kind.NODE) to = h.key();
                if (to >= 0) report(doc.connect(from, to));
            }
            case BAND -> {
                canvas.setBand(null);
                List<Integer> in = canvas.nodesIn(new double[] {startX, startY, e.getX(), e.getY()});
                if (e.isShiftDown()) in.forEach(k -> { if (!selection.contains(k)) selection.toggle(k); });
                else selection.set(in);
            }
            case MOVE -> {
                Map<Integer, double[]> after = shifted((e.getX() - startX) / canvas.zoom(), (e.getY() - startY) / canvas.zoom());
                canvas.setDragged(Map.of());
                doc.history().seal();
                doc.move(before, after, null);
                doc.history().seal();
            }
            default -> { }
        }
        gesture = Gesture.NONE;
    }

    private Map<Integer, double[]> shifted(double dx, double dy) {
        Map<Integer, double[]> out = new HashMap<>();
        before.forEach((k, p) -> out.put(k, new double[] {AutoLayout.snap(p[0] + dx), AutoLayout.snap(p[1] + dy)}));
        return out;
    }

    private void scrolled(ScrollEvent e) {
        if (e.isShortcutDown()) canvas.zoomAt(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1, e.getX(), e.getY());
        else canvas.panBy(e.getDeltaX(), e.getDeltaY());
        e.consume();
    }

    // ------------------------------------------------------------------ drag and drop

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean done = false;
        if (e.getDragboard().hasFiles()) { // a .json dragged from the desktop opens
            List<File> files = e.getDragboard().getFiles();
            if (!files.isEmpty()) openFile.accept(files.get(0).toPath());
            done = true;
        }
        e.setDropCompleted(done);
        e.consume();
    }

    /** Adds a node of {@code type} at a model point and selects it; false (with the reason shown) if refused. */
    boolean addAt(String type, double x, double y) {
        Optional<String> why = doc.add(type, x, y);
        report(why);
        if (why.isEmpty()) selection.only(doc.lastKey());
        return why.isEmpty();
    }

    /**
     * Adds from the keyboard: right of the one selected node, connected from it when that is
     * allowed; else below everything.
     */
    void addFromKeyboard(String type) {
        List<Integer> sel = selection.ordered();
        EditorNode from = sel.size() == 1 ? doc.graph().node(sel.get(0)) : null;
        double x = from != null ? from.x() + 220 : 40, y = from != null ? from.y() : 40;
        if (from == null) for (EditorNode n : doc.graph().nodes()) y = Math.max(y, n.y() + 100);
        if (!addAt(type, x, y)) return;
        if (from != null && doc.graph().cannotConnect(from.key(), doc.lastKey()).isEmpty()) doc.connect(from.key(), doc.lastKey());
        canvas.requestFocus();
    }

    // ------------------------------------------------------------------ keyboard

    private void key(KeyEvent e) {
        if (handle(e)) e.consume();
    }

    private boolean handle(KeyEvent e) {
        boolean ctrl = e.isShortcutDown();
        KeyCode c = e.getCode();
        if (c != KeyCode.TAB && c != KeyCode.ENTER && c != KeyCode.C && c != KeyCode.SHIFT) connectFrom = null;
        if (ctrl) {
            switch (c) {
                case Z -> { if (e.isShiftDown()) doc.history().redo(); else doc.history().undo(); }
                case Y -> doc.history().redo();
                case A -> selection.set(doc.graph().nodes().stream().map(EditorNode::key).toList());
                case C -> copy();
                case X -> { copy(); doc.delete(selection.nodes()); }
                case V -> { if (clipboard != null) selection.set(doc.paste(clipboard, AutoLayout.GRID * 2)); }
                case D -> { if (!selection.nodes().isEmpty()) { String t = doc.copy(selection.nodes()); selection.set(doc.paste(t, AutoLayout.GRID * 2)); } }
                default -> { return false; }
            }
            return true;
        }
        switch (c) {
            case TAB -> pick(e.isShiftDown() ? -1 : 1);
            case LEFT, RIGHT, UP, DOWN -> nudge(c, e.isShiftDown() ? 5 : 1);
            case DELETE, BACK_SPACE -> {
                if (selection.edge() != null) doc.disconnect(selection.edge());
                else doc.delete(selection.nodes());
            }
            case C -> {
                List<Integer> sel = selection.ordered();
                if (sel.size() == 2) {
                    report(doc.connect(sel.get(0), sel.get(1)));
                } else if (sel.size() == 1) {
                    connectFrom = sel.get(0);
                    message.accept("Connect " + doc.graph().label(doc.graph().node(connectFrom)) + " to …: Tab picks the layer it feeds, Enter connects.");
                } else {
                    message.accept("Select a node (Tab) and press C to connect it to another.");
                }
            }
            case ENTER -> {
                List<Integer> sel = selection.ordered();
                if (connectFrom == null || sel.size() != 2) return false;
                report(doc.connect(sel.get(0), sel.get(1)));
                connectFrom = null;
            }
            case L -> doc.autoLayout();
            case PLUS, ADD, EQUALS -> canvas.zoomAt(1.2, canvas.getWidth() / 2, canvas.getHeight() / 2);
            case MINUS, SUBTRACT -> canvas.zoomAt(1 / 1.2, canvas.getWidth() / 2, canvas.getHeight() / 2);
            case DIGIT0, NUMPAD0 -> canvas.fit();
            default -> { return false; }
        }
        return true;
    }

    private void copy() {
        if (selection.nodes().isEmpty()) return;
        clipboard = doc.copy(selection.nodes());
        ClipboardContent content = new ClipboardContent();
        content.putString(clipboard);
        try {
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        } catch (RuntimeException ex) {
            // no system clipboard (headless): the editor's own copy is enough
        }
    }

    /** Tab: the next node in file order becomes the selection (after C: the node to connect to). */
    private void pick(int step) {
        List<EditorNode> nodes = doc.graph().nodes();
        if (nodes.isEmpty()) return;
        List<Integer> sel = selection.ordered();
        if (connectFrom != null && doc.graph().node(connectFrom) != null) {
            int at = doc.graph().indexOf(sel.get(sel.size() - 1));
            int next = Math.floorMod(at + step, nodes.size());
            if (nodes.get(next).key() == connectFrom) next = Math.floorMod(next + step, nodes.size());
            selection.set(List.of(connectFrom, nodes.get(next).key()));
            return;
        }
        int at = sel.isEmpty() ? -1 : doc.graph().indexOf(sel.get(sel.size() - 1));
        int next = Math.floorMod(at + step, nodes.size());
        if (at < 0 && step < 0) next = nodes.size() - 1;
        selection.only(nodes.get(next).key());
    }

    private void nudge(KeyCode c, int steps) {
        if (selection.nodes().isEmpty()) return;
        double d = AutoLayout.GRID * steps;
        double dx = c == KeyCode.LEFT ? -d : c == KeyCode.RIGHT ? d : 0, dy = c == KeyCode.UP ? -d : c == KeyCode.DOWN ? d : 0;
        Map<Integer, double[]> from = canvas.positionsOf(selection.nodes()), to = new HashMap<>();
        from.forEach((k, p) -> to.put(k, new double[] {p[0] + dx, p[1] + dy}));
        doc.move(from, to, null);
    }

    private void report(Optional<String> why) {
        message.accept(why.orElse(""));
    }
}
