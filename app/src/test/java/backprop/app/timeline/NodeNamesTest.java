package backprop.app.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NodeNamesTest {
    @Test
    void namesNodesLikeTheDecks() {
        NodeNames one = new NodeNames(new int[] {2, 2, 1});
        assertEquals("x2", one.plain(0, 1));
        assertEquals("h1", one.ofLayer(0, 0));
        assertEquals("o", one.ofLayer(1, 0));
        assertEquals("h_{1}", one.texOfLayer(0, 0));
        assertEquals("o", one.texOfLayer(1, 0));
        NodeNames deep = new NodeNames(new int[] {2, 3, 2, 2});
        assertEquals("h2.1", deep.ofLayer(1, 0));
        assertEquals("h_{2.1}", deep.texOfLayer(1, 0));
        assertEquals("o2", deep.ofLayer(2, 1));
    }
}
