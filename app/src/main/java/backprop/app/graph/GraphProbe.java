package backprop.app.graph;

import backprop.app.view.LessonProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The computational graph for a lesson, without a window: {@code e = (a+b)(b+1)} evaluated by the
 * engine's autodiff ({@link ExpressionGraph}) at the lesson's a and b, exactly as the graph mode
 * of the Backprop view evaluates it. Stable ids: {@code node:X} (a node's box), {@code value:X}
 * (its forward value) and {@code grad:X} (∂e/∂X after the backward pass) for X in a, b, c, d, e.
 * Controls: {@code a}, {@code b} (numbers from −100 to 100, as the view's spinners allow).
 */
public final class GraphProbe implements LessonProbe {
    private double a = 2, b = 1;
    private ExpressionGraph graph = ExpressionGraph.evaluate(a, b);

    @Override
    public Optional<String> controlProblem(String control, String value) {
        if (!control.equals("a") && !control.equals("b")) return Optional.of("the graph has no control \"" + control + "\" (controls: a, b)");
        return input(value) ? Optional.empty() : Optional.of("\"" + value + "\" is not a number from −100 to 100 for " + control);
    }

    static boolean input(String value) {
        try {
            double v = Double.parseDouble(value);
            return v >= -100 && v <= 100;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public void set(Map<String, String> controls) {
        if (controls.containsKey("a")) a = Double.parseDouble(controls.get("a"));
        if (controls.containsKey("b")) b = Double.parseDouble(controls.get("b"));
        graph = ExpressionGraph.evaluate(a, b);
    }

    /** The graph has nothing to train. */
    @Override
    public void train(int steps) { }

    @Override
    public List<String> ids() { return ids(graph); }

    @Override
    public double value(String id) { return value(graph, id); }

    /** Every stable id of {@code g}, node by node in tape order. */
    static List<String> ids(ExpressionGraph g) {
        List<String> out = new ArrayList<>();
        for (GraphNode n : g.nodes()) {
            out.add("node:" + n.name());
            out.add("value:" + n.name());
            out.add("grad:" + n.name());
        }
        return out;
    }

    /** The engine's number behind {@code id} in {@code g}: a value or a gradient; NaN for a node's box or an unknown id. */
    static double value(ExpressionGraph g, String id) {
        GraphNode n = node(g, id);
        if (n == null) return Double.NaN;
        if (id.startsWith("value:")) return n.value();
        if (id.startsWith("grad:")) return n.grad();
        return Double.NaN;
    }

    /** The node an id is about, or null. */
    static GraphNode node(ExpressionGraph g, String id) {
        int colon = id.indexOf(':');
        if (colon < 0) return null;
        String name = id.substring(colon + 1);
        for (GraphNode n : g.nodes()) if (n.name().equals(name)) return n;
        return null;
    }
}
