package backprop.app.playground;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.SpecReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Network files whose data is a table: the playground shows what it can and refuses the rest in one sentence, never other points. */
class PlaygroundTableDataTest {
    private static final Path SPECS = Path.of("..", "src", "test", "resources", "specs");

    private static String refusal(String file) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlaygroundFit.check(SpecReader.read(SPECS.resolve(file)), file));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aCsvFileIsRefusedByNameRatherThanShownAsXor() throws Exception {
        String m = refusal("circle-table.json");
        assertTrue(m.startsWith("circle-table.json: ") && m.contains("circle.csv"), m);
    }

    @Test
    void anEmbeddedTableAndAShippedTableAreRefused() throws Exception {
        assertTrue(refusal("embedded-table.json").contains("table written into the file"));
        assertTrue(refusal("cars.json").contains("cars"));
    }
}
