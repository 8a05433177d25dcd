package backprop.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionGraphTest {
    @Test
    void decksExampleAtA2B1() {
        ExpressionGraph g = ExpressionGraph.evaluate(2, 1);
        assertEquals(3, g.node("c").value());
        assertEquals(2, g.node("d").value());
        assertEquals(6, g.node("e").value());
        assertEquals(1, g.node("e").grad());
        assertEquals(3, g.node("d").grad());
        assertEquals(2, g.node("c").grad());
        assertEquals(2, g.node("a").grad());
        assertEquals(5, g.node("b").grad(), "two paths through b add up");
        assertEquals("e", g.output().name());
        assertEquals(List.of("e", "d", "c", "b", "a"), g.backwardOrder().stream().map(GraphNode::name).toList());
        assertEquals(2, g.consumers("b").size());
        assertEquals(2, g.depth("e"));
    }

    @Test
    void gradientsAgreeWithFiniteDifferences() {
        double a = -1.5, b = 0.75, h = 1e-2;
        ExpressionGraph g = ExpressionGraph.evaluate(a, b);
        double dA = (ExpressionGraph.evaluate(a + h, b).output().value() - ExpressionGraph.evaluate(a - h, b).output().value()) / (2 * h);
        double dB = (ExpressionGraph.evaluate(a, b + h).output().value() - ExpressionGraph.evaluate(a, b - h).output().value()) / (2 * h);
        assertEquals(dA, g.node("a").grad(), 1e-3);
        assertEquals(dB, g.node("b").grad(), 1e-3);
    }
}
