package backprop.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 21, case 7: user text in messages is escaped and cut, so a message is one short line. */
class UserTextTest {

    @Test
    void controlCharactersBecomeEscapes() {
        assertEquals("a\\nb\\r\\tc\\u0007\\u2028", UserText.escape("a\nb\r\tc\u0007\u2028"));
        assertEquals("plain text stays", UserText.escape("plain text stays"));
    }

    @Test
    void longTextIsCutWithAnEllipsis() {
        String cut = UserText.cut("x".repeat(1000), 80);
        assertEquals(80, cut.length());
        assertTrue(cut.endsWith("…"));
        assertEquals("'" + "y".repeat(79) + "…'", UserText.quote("y".repeat(1_000_000)));
    }

    @Test
    void aSpecExceptionIsOneShortLineWhateverTheText() {
        SpecException twoLines = new SpecException("a.json", "$.layers[0].activation", "unknown activation 'a\nb' (known: sigmoid)");
        assertEquals("a.json: $.layers[0].activation: unknown activation 'a\\nb' (known: sigmoid)", twoLines.getMessage());

        String huge = "z".repeat(1_000_000);
        SpecException big = new SpecException("a.json", "$.layers[0]." + huge, "unknown activation '" + huge + "' (known: sigmoid)");
        assertTrue(big.getMessage().length() < 300, () -> big.getMessage().length() + " characters");
        assertTrue(big.getMessage().endsWith("…' (known: sigmoid)"), big.getMessage());
        assertEquals(huge.length(), big.problem().length() - "unknown activation '' (known: sigmoid)".length(), "the parts stay as given");
    }
}
