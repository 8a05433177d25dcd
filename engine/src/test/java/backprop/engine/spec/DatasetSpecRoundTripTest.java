package backprop.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.NetworkSpec.DatasetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table fields of "dataset" survive a write and a read, and bad ones are refused with their path. */
class DatasetSpecRoundTripTest {
    @TempDir
    Path dir;

    private static final String HEAD = "{\"format\": \"backprop-studio.network\", \"version\": 1, \"input\": {\"shape\": [2]},"
            + " \"layers\": [{\"type\": \"dense\", \"units\": 2, \"activation\": \"softmax\"}], \"loss\": \"cross_entropy\", \"dataset\": ";

    private DatasetSpec read(String dataset) throws Exception {
        Path f = dir.resolve("n.json");
        Files.writeString(f, HEAD + dataset + "}");
        return SpecReader.read(f).dataset();
    }

    @Test
    void tableFieldsRoundTrip() throws Exception {
        DatasetSpec d = read("{\"table\": {\"columns\": [\"a\", \"b\", \"c\"], \"rows\": [[1.5, -2, \"x\"], [3, 4e-3, 7]]},"
                + " \"label\": \"c\", \"task\": \"classification\", \"standardize\": [\"a\"], \"scaling\": {\"b\": {\"mean\": 0.5, \"std\": 2}}, \"testRatio\": 0.25}");
        assertEquals(List.of(List.of("1.5", "-2", "x"), List.of("3", "0.004", "7")), d.table().rows());
        assertEquals(List.of("a"), d.standardize().columns());
        Path f = dir.resolve("again.json");
        Files.writeString(f, SpecWriter.toJson(SpecReader.read(dir.resolve("n.json"))));
        DatasetSpec again = SpecReader.read(f).dataset();
        assertEquals(d, again);
        assertTrue(Files.readString(f).contains("\"standardize\" : [ \"a\" ]"), Files.readString(f));
        DatasetSpec all = read("{\"file\": \"t.csv\", \"standardize\": true}");
        assertTrue(all.standardize().all());
        assertEquals("t.csv", all.file());
    }

    @Test
    void badTableFieldsNameTheirPath() {
        assertEquals("n.json: $.dataset: give one of \"name\", \"file\" and \"table\", not 2",
                assertThrows(SpecException.class, () -> read("{\"name\": \"iris\", \"file\": \"t.csv\"}")).getMessage().replaceFirst("^.*/", ""));
        assertTrue(assertThrows(SpecException.class, () -> read("{\"table\": {\"columns\": [\"a\"], \"rows\": [[true]]}}"))
                .getMessage().endsWith("$.dataset.table.rows[0][0]: expected a number or a string"));
        assertTrue(assertThrows(SpecException.class, () -> read("{\"file\": \"t.csv\", \"task\": \"sorting\"}"))
                .getMessage().endsWith("$.dataset.task: unknown task 'sorting' (known: classification, regression)"));
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i <= Limits.EMBEDDED_ROWS; i++) rows.append(i == 0 ? "" : ",").append("[1, 2, \"x\"]");
        assertTrue(assertThrows(SpecException.class, () -> read("{\"table\": {\"columns\": [\"a\", \"b\", \"c\"], \"rows\": [" + rows + "]}}"))
                .getMessage().contains("$.dataset.table.rows: 1001 rows, over the limit of 1000 for a table inside a network file"));
    }
}
