package backprop.engine.layers.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import backprop.engine.layers.conv.TopActivations.Hit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopActivationsTest {
    /** Three samples, two channels of 2×3: channel 1 peaks at a known place in each. */
    private static final float[] MAPS = {
            // sample 0: channel 0, channel 1 (peak 5 at row 1, col 2)
            9, 9, 9, 9, 9, 9,   0, 1, 2, 3, 4, 5,
            // sample 1: channel 1 peaks at 7 at row 0, col 1 (ties later in the map lose)
            0, 0, 0, 0, 0, 0,   1, 7, 0, 7, 0, 0,
            // sample 2: all negative, peak −1 at row 1, col 0
            0, 0, 0, 0, 0, 0,   -3, -2, -4, -1, -5, -6};

    @Test
    void eachSampleGivesItsLargestUnitOfTheChannel() {
        List<Hit> hits = TopActivations.strongest(MAPS, 3, 2, 2, 3, 1, 100);
        assertEquals(List.of(new Hit(100, 1, 2, 5), new Hit(101, 0, 1, 7), new Hit(102, 1, 0, -1)), hits);
    }

    @Test
    void theTopAreSortedDescendingAndCut() {
        List<Hit> hits = new ArrayList<>(TopActivations.strongest(MAPS, 3, 2, 2, 3, 1, 0));
        hits.add(new Hit(7, 0, 0, 5));   // ties with sample 0: the lower sample comes first
        assertEquals(List.of(new Hit(1, 0, 1, 7), new Hit(0, 1, 2, 5), new Hit(7, 0, 0, 5)), TopActivations.top(hits, 3));
        assertEquals(4, TopActivations.top(hits, 9).size());
    }

    @Test
    void badShapesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TopActivations.strongest(MAPS, 3, 2, 2, 3, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> TopActivations.strongest(MAPS, 2, 2, 2, 3, 0, 0));
    }
}
