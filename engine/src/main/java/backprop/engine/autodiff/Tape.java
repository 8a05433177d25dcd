package backprop.engine.autodiff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tape of a computation: every node reachable from the output, in an order where each
 * node comes after everything it was computed from (a topological order). The backward
 * pass is then one loop over the tape in reverse, each node handing its gradient to its
 * parents through its op's backward rule. Each intermediate gradient is computed once and
 * reused by every path through it: backprop's dynamic programming.
 */
public final class Tape {
    private final List<Var> order;
    private final Var root;

    private Tape(Var root, List<Var> order) {
        this.root = root;
        this.order = order;
    }

    public static Tape of(Var root) {
        List<Var> order = new ArrayList<>();
        Map<Var, Boolean> seen = new IdentityHashMap<>();
        // Iterative depth-first search: deep nets must not overflow the stack.
        List<Object[]> stack = new ArrayList<>();
        stack.add(new Object[] {root, 0});
        seen.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Object[] top = stack.get(stack.size() - 1);
            Var v = (Var) top[0];
            int next = (Integer) top[1];
            if (next < v.parents.length) {
                top[1] = next + 1;
                Var p = v.parents[next];
                if (seen.put(p, Boolean.TRUE) == null) stack.add(new Object[] {p, 0});
            } else {
                order.add(v);
                stack.remove(stack.size() - 1);
            }
        }
        return new Tape(root, order);
    }

    /** Nodes in forward order. */
    public List<Var> nodes() { return Collections.unmodifiableList(order); }

    /** Clears every non-parameter gradient, seeds d(root)/d(root) = 1, and runs the rules. */
    public void backward() {
        for (Var v : order) if (!v.requiresGrad()) v.zeroGrad();
        float[] seed = root.grad().data();
        java.util.Arrays.fill(seed, 1f);
        for (int i = order.size() - 1; i >= 0; i--) {
            Var v = order.get(i);
            if (v.needsGrad()) v.backward.run(); // nothing upstream to update otherwise
        }
    }
}
