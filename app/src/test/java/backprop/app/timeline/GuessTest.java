package backprop.app.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GuessTest {
    @Test
    void withinOnePercentOrOneThousandthIsCorrect() {
        assertEquals(Guess.Verdict.CORRECT, Guess.judge("0.235", 0.2350));
        assertEquals(Guess.Verdict.CORRECT, Guess.judge("−0.0116", -0.0116));
        assertEquals(Guess.Verdict.CORRECT, Guess.judge("-0.012", -0.0116)); // within 1e-3
        assertEquals(Guess.Verdict.CORRECT, Guess.judge("101", 100.0));       // within 1%
        assertEquals(Guess.Verdict.WRONG, Guess.judge("102", 100.0));
        assertEquals(Guess.Verdict.WRONG, Guess.judge("0.0116", -0.0116));    // sign matters
        assertEquals(Guess.Verdict.CORRECT, Guess.judge("0,5", 0.5));
        assertEquals(Guess.Verdict.UNREADABLE, Guess.judge("half", 0.5));
        assertEquals(Guess.Verdict.UNREADABLE, Guess.judge("", 0.5));
    }
}
