package backprop.app.graph;

import java.util.List;

/**
 * One node of the computational graph as the engine computed it.
 *
 * @param name   the node's name in the decks (a, b, c, d, e)
 * @param op     the engine's op id ("param", "add", "addConst", "mul")
 * @param symbol how the op is drawn ("+", "+1", "×"); empty for inputs
 * @param value  the forward value
 * @param grad   ∂e/∂(this node) after the engine's backward pass
 * @param inputs names of the nodes this one was computed from, in operand order
 */
public record GraphNode(String name, String op, String symbol, double value, double grad, List<String> inputs) {
    public boolean leaf() { return inputs.isEmpty(); }
}
