package backprop.app.timeline;

/** What one step of the backprop timeline computes, in the order a teacher narrates them. */
public enum StepKind {
    /** a_j = Σ_i w_ij z_i + b_j of one node. */
    FORWARD_A,
    /** z_j = g(a_j) of one node. */
    FORWARD_Z,
    /** R over the batch. */
    LOSS,
    /** δ_j = ∂L/∂a_j of one node. */
    DELTA,
    /** ∂R/∂w_ij of one weight (batch mean). */
    GRAD_W,
    /** ∂R/∂b_j of one bias (batch mean). */
    GRAD_B,
    /** w_ij after the optimiser's update. */
    UPDATE_W,
    /** b_j after the optimiser's update. */
    UPDATE_B;

    public boolean forward() { return this == FORWARD_A || this == FORWARD_Z; }

    public boolean backward() { return !forward() && this != LOSS; }

    /** Whether the step belongs to one weight (an edge of the diagram) rather than a node. */
    public boolean onEdge() { return this == GRAD_W || this == UPDATE_W; }
}
