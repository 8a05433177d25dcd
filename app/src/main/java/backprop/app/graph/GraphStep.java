package backprop.app.graph;

/** One step through the graph: a node's forward value, or its gradient in the backward pass. */
public record GraphStep(boolean backward, GraphNode node) {}
