package backprop.app.graph;

import backprop.engine.autodiff.Ops;
import backprop.engine.autodiff.Tape;
import backprop.engine.autodiff.Var;
import backprop.engine.tensor.Tensor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decks' example {@code e = (a+b)·(b+1)}, with {@code c = a+b} and {@code d = b+1}, built
 * on the engine's autodiff: forward values, the tape order and every gradient come from the
 * engine ({@link Tape#of}, {@link Var#backward}). At a=2, b=1: c=3, d=2, e=6, ∂e/∂a=2 and
 * ∂e/∂b=5 (b feeds both c and d, and the two paths add up).
 */
public final class ExpressionGraph {
    private final List<GraphNode> nodes; // tape (forward) order

    private ExpressionGraph(List<GraphNode> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    public static ExpressionGraph evaluate(double aValue, double bValue) {
        Var a = Var.param(Tensor.scalar((float) aValue), "a");
        Var b = Var.param(Tensor.scalar((float) bValue), "b");
        Var c = Ops.add(a, b).label("c");
        Var d = Ops.addConst(b, 1f).label("d");
        Var e = Ops.mul(c, d).label("e");
        e.backward();
        // The engine keeps each node's operands private; the structure is the one built just above.
        Map<Var, List<String>> inputs = new IdentityHashMap<>();
        inputs.put(a, List.of());
        inputs.put(b, List.of());
        inputs.put(c, List.of("a", "b"));
        inputs.put(d, List.of("b"));
        inputs.put(e, List.of("c", "d"));
        List<GraphNode> out = new ArrayList<>();
        for (Var v : Tape.of(e).nodes()) {
            List<String> in = inputs.get(v);
            if (in == null) throw new IllegalStateException("unexpected node on the tape: " + v);
            out.add(new GraphNode(v.label(), v.op(), symbol(v.op()), v.value().item(), v.grad().item(), in));
        }
        return new ExpressionGraph(out);
    }

    private static String symbol(String op) {
        return switch (op) {
            case "add" -> "+";
            case "addConst" -> "+1";
            case "mul" -> "×";
            default -> "";
        };
    }

    /** Nodes in the tape's forward order (each after everything it depends on). */
    public List<GraphNode> nodes() { return nodes; }

    /** Nodes in the order the backward pass visits them: the tape reversed. */
    public List<GraphNode> backwardOrder() {
        List<GraphNode> r = new ArrayList<>(nodes);
        java.util.Collections.reverse(r);
        return r;
    }

    public GraphNode node(String name) {
        for (GraphNode n : nodes) if (n.name().equals(name)) return n;
        throw new IllegalArgumentException("no node " + name);
    }

    /** Nodes that use {@code name} as an input: the paths its gradient comes back along. */
    public List<GraphNode> consumers(String name) {
        List<GraphNode> r = new ArrayList<>();
        for (GraphNode n : nodes) if (n.inputs().contains(name)) r.add(n);
        return r;
    }

    /** Depth of a node: 0 for inputs, else one more than its deepest input (its column). */
    public int depth(String name) {
        GraphNode n = node(name);
        int d = 0;
        for (String in : n.inputs()) d = Math.max(d, depth(in) + 1);
        return d;
    }

    /** The output node (last on the tape). */
    public GraphNode output() { return nodes.get(nodes.size() - 1); }
}
