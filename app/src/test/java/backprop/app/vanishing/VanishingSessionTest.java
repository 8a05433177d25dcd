package backprop.app.vanishing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.layers.recurrent.CellType;
import org.junit.jupiter.api.Test;

/** The engine side alone: repeatable, and the W scale really moves the RNN's largest singular value. */
class VanishingSessionTest {
    @Test
    void sameSetupSameNumbers() {
        VanishingFrame a = VanishingSession.compute(VanishingSetup.DEFAULT.withSteps(12));
        VanishingFrame b = VanishingSession.compute(VanishingSetup.DEFAULT.withSteps(12));
        for (CellType c : VanishingSession.CELLS) {
            assertArrayEquals(a.cell(c).toInput(), b.cell(c).toInput());
            assertArrayEquals(a.cell(c).toState(), b.cell(c).toState());
            assertEquals(12, a.cell(c).toInput().length);
        }
        assertArrayEquals(a.clip().unclipped(), b.clip().unclipped());
    }

    @Test
    void scalingWScalesItsLargestSingularValue() {
        float one = VanishingSession.compute(VanishingSetup.DEFAULT.withSteps(4)).rnnLargestSingular();
        float four = VanishingSession.compute(VanishingSetup.DEFAULT.withSteps(4).withScale(4)).rnnLargestSingular();
        assertEquals(4 * one, four, 1e-3f * four);
        assertTrue(four > 3, "exploding case: λ₁ = " + four);
    }
}
