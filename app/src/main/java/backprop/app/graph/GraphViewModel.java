package backprop.app.graph;

import backprop.app.math.Num;
import backprop.app.timeline.Formula;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * State of the computational-graph mode (javafx.beans only): the inputs a and b, the graph the
 * engine computed for them, and the position in the walk: first each node's value (forward),
 * then each node's gradient in the order the engine's backward pass visits them.
 *
 * <p>The graph has five scalar nodes, so the engine call is done directly when a or b changes;
 * it takes microseconds and needs no worker thread.
 */
public final class GraphViewModel {
    private final DoubleProperty a = new SimpleDoubleProperty(this, "a", 2);
    private final DoubleProperty b = new SimpleDoubleProperty(this, "b", 1);
    private final IntegerProperty index = new SimpleIntegerProperty(this, "index", 0);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final ReadOnlyObjectWrapper<ExpressionGraph> graph = new ReadOnlyObjectWrapper<>(this, "graph");
    private final ReadOnlyObjectWrapper<GraphStep> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyObjectWrapper<Formula> formula = new ReadOnlyObjectWrapper<>(this, "formula");
    private final ReadOnlyStringWrapper formulaText = new ReadOnlyStringWrapper(this, "formulaText", "");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(this, "stepText", "");
    private final ReadOnlyStringWrapper valuesText = new ReadOnlyStringWrapper(this, "valuesText", "");
    private final javafx.beans.property.StringProperty marked = new javafx.beans.property.SimpleStringProperty(this, "marked");
    private List<GraphStep> steps = List.of();

    public GraphViewModel() {
        a.addListener((o, x, y) -> recompute());
        b.addListener((o, x, y) -> recompute());
        index.addListener((o, x, y) -> refresh());
        recompute();
    }

    private void recompute() {
        ExpressionGraph g = ExpressionGraph.evaluate(a.get(), b.get());
        List<GraphStep> s = new ArrayList<>();
        for (GraphNode n : g.nodes()) if (!n.leaf()) s.add(new GraphStep(false, n));
        for (GraphNode n : g.backwardOrder()) s.add(new GraphStep(true, n));
        steps = List.copyOf(s);
        graph.set(g);
        refresh();
    }

    private void refresh() {
        ExpressionGraph g = graph.get();
        int i = Math.max(0, Math.min(index.get(), steps.size() - 1));
        GraphStep s = steps.get(i);
        Formula f = GraphFormulas.of(g, s);
        current.set(s);
        formula.set(f);
        formulaText.set(f.text());
        explanation.set(f.explanation());
        stepText.set((s.backward() ? "backward · " : "forward · ") + f.shortLabel() + " (" + (i + 1) + "/" + steps.size() + ")");
        StringBuilder v = new StringBuilder();
        for (GraphNode n : g.nodes()) {
            if (v.length() > 0) v.append("; ");
            v.append(n.name()).append(" = ").append(valueShown(n) ? Num.shortFmt(n.value()) : "…");
            if (gradShown(n)) v.append(", ∂").append(g.output().name()).append("/∂").append(n.name()).append(" = ").append(Num.shortFmt(n.grad()));
        }
        valuesText.set(v.toString());
    }

    /** Whether the walk has reached {@code n}'s value (inputs are always known). */
    public boolean valueShown(GraphNode n) {
        if (n.leaf()) return true;
        for (int i = 0; i <= Math.min(index.get(), steps.size() - 1); i++) {
            GraphStep s = steps.get(i);
            if (!s.backward() && s.node().name().equals(n.name())) return true;
        }
        return false;
    }

    /** Whether the backward pass has reached {@code n}'s gradient. */
    public boolean gradShown(GraphNode n) {
        for (int i = 0; i <= Math.min(index.get(), steps.size() - 1); i++) {
            GraphStep s = steps.get(i);
            if (s.backward() && s.node().name().equals(n.name())) return true;
        }
        return false;
    }

    public void stepForward() { if (index.get() < steps.size() - 1) index.set(index.get() + 1); }
    public void stepBack() { if (index.get() > 0) index.set(index.get() - 1); }
    public void home() { index.set(0); }
    public void end() { index.set(steps.size() - 1); }

    public void togglePlay() {
        if (!playing.get() && index.get() >= steps.size() - 1) index.set(0);
        playing.set(!playing.get());
    }

    /** One playback tick; stops at the end. */
    public void tick() {
        if (!playing.get()) return;
        if (index.get() >= steps.size() - 1) playing.set(false);
        else stepForward();
    }

    /** The walk's index of {@code name}'s value ({@code backward} false) or gradient (true); −1 if the walk has none. */
    public int indexOf(boolean backward, String name) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).backward() == backward && steps.get(i).node().name().equals(name)) return i;
        }
        return -1;
    }

    /** The node a lesson marks (its name), or null. */
    public javafx.beans.property.StringProperty markedProperty() { return marked; }

    public int size() { return steps.size(); }
    public List<GraphStep> steps() { return steps; }
    public DoubleProperty aProperty() { return a; }
    public DoubleProperty bProperty() { return b; }
    public IntegerProperty indexProperty() { return index; }
    public BooleanProperty playingProperty() { return playing; }
    public ReadOnlyObjectProperty<ExpressionGraph> graphProperty() { return graph.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<GraphStep> currentProperty() { return current.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Formula> formulaProperty() { return formula.getReadOnlyProperty(); }
    public ReadOnlyStringProperty formulaTextProperty() { return formulaText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty explanationProperty() { return explanation.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stepTextProperty() { return stepText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty valuesTextProperty() { return valuesText.getReadOnlyProperty(); }
}
