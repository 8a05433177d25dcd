package backprop.engine.autodiff;

import backprop.engine.tensor.Tensor;

/**
 * A node of the computational graph: a value, the gradient of the final output with respect
 * to it, the operation that made it and that operation's backward rule (micrograd's
 * {@code Value}, on tensors).
 *
 * <p>Gradients ACCUMULATE: a value used twice receives both contributions, which is exactly
 * the "sum over paths" of the chain rule (∂e/∂b = 5 in the decks' {@code e = (a+b)(b+1)}).
 */
public final class Var {
    private Tensor value;
    private Tensor grad;
    final String op;
    final Var[] parents;
    Runnable backward = () -> { };
    private String label;
    /** Leaves that are learnable parameters keep their gradient between backward calls. */
    private final boolean requiresGrad;
    /** Whether any parameter lies upstream: if not, no gradient needs to flow into this node. */
    private final boolean needsGrad;

    Var(Tensor value, String op, Var[] parents, boolean requiresGrad) {
        this.value = value;
        this.op = op;
        this.parents = parents;
        this.requiresGrad = requiresGrad;
        boolean upstream = requiresGrad;
        for (Var p : parents) upstream |= p.needsGrad;
        this.needsGrad = upstream;
    }

    /** A constant input: no gradient flows into it (but one is still recorded, for traces). */
    public static Var constant(Tensor t) { return new Var(t, "const", new Var[0], false); }

    /** A learnable parameter (weights, biases). */
    public static Var param(Tensor t, String label) {
        Var v = new Var(t, "param", new Var[0], true);
        v.label = label;
        return v;
    }

    /**
     * A node computed outside {@link Ops} by a layer that writes its own forward and backward
     * side by side (a recurrent layer's whole sequence is one node: backprop through time is
     * its backward rule). {@code rule} receives this node; it reads {@link #grad()} and hands
     * each parent its share with {@link #addGrad}.
     */
    public static Var function(Tensor value, String op, java.util.function.Consumer<Var> rule, Var... parents) {
        Var o = new Var(value, op, parents.clone(), false);
        o.backward = () -> rule.accept(o);
        return o;
    }

    public Tensor value() { return value; }

    /** Replaces a parameter's value in place of an optimiser update or a user edit. */
    public void setValue(Tensor t) {
        if (!t.sameShape(value)) throw new IllegalArgumentException("shape change for " + label);
        this.value = t;
    }

    /** The gradient; all zeros until a backward pass has reached this node. */
    public Tensor grad() {
        if (grad == null) grad = Tensor.zeros(value.shape());
        return grad;
    }

    public boolean hasGrad() { return grad != null; }

    public void zeroGrad() { grad = null; }

    public String op() { return op; }

    public String label() { return label; }

    public Var label(String l) { this.label = l; return this; }

    public boolean requiresGrad() { return requiresGrad; }

    public int[] shape() { return value.shape(); }

    /**
     * True if a parameter lies upstream of this node. Gradients of other nodes (the input
     * batch, constants, anything computed only from them) are never needed, so the backward
     * pass skips them: for the first layer that saves the largest matrix product of the step.
     */
    public boolean needsGrad() { return needsGrad; }

    /** Adds {@code g} into this node's gradient, for backward rules written outside {@link Ops}. */
    public void addGrad(float[] g) { accumulate(g); }

    /**
     * {@link #addGrad} for an array the caller has just made for this call and never touches
     * again: a node without a gradient yet keeps the array itself, instead of clearing a new one
     * and adding g into it (for a LeNet step's feature maps that was a megabyte allocated,
     * cleared and walked twice per node). The same floats: each entry becomes g + 0f, which is
     * what adding into a cleared array gives (a −0 becomes +0).
     */
    public void addFreshGrad(float[] g) {
        if (!needsGrad) return;
        if (grad != null || g.length != value.size()) {
            accumulate(g);
            return;
        }
        for (int i = 0; i < g.length; i++) g[i] += 0f;
        grad = new Tensor(g, value.shape());
    }

    /** Adds {@code g} into this node's gradient (element by element). */
    void accumulate(float[] g) {
        if (!needsGrad) return;
        float[] d = grad().data();
        for (int i = 0; i < d.length; i++) d[i] += g[i];
    }

    /** Reverse-mode sweep from this (scalar) node: seed 1 and walk the tape backwards. */
    public void backward() {
        Tape.of(this).backward();
    }

    @Override
    public String toString() { return (label != null ? label : op) + ":" + value; }
}
