package backprop.app.editor.model;

/**
 * A connection: node {@code from}'s output feeds node {@code to}. The order of a node's incoming
 * edges is the order of its {@code from} list (it matters for concat).
 */
public record Edge(int from, int to) {}
