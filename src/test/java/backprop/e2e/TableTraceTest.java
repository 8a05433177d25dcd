package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code trace} on a table: without --input/--target it traces the first training batch, scaled as training scales it. */
class TableTraceTest {
    @Test
    void traceOfATableIsItsFirstBatchStandardised() throws Exception {
        CliRun run = CliRun.of("trace", "--spec", CliRun.spec("iris.json"), "--data", "iris");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode trace = new ObjectMapper().readTree(run.out());
        assertEquals(16, trace.get("batchSize").asInt(), "the file's batchSize");
        JsonNode input = trace.get("input");
        assertEquals(4, input.get(0).size());
        // Standardised features lie within a few standard deviations of 0, not at iris's 0.1 to 7.9 cm.
        for (JsonNode row : input) for (JsonNode v : row) assertTrue(Math.abs(v.asDouble()) < 4, run::toString);
        assertEquals(3, trace.get("target").get(0).size(), "one-hot over the three species");
        assertEquals(run.out(), CliRun.of("trace", "--spec", CliRun.spec("iris.json")).out(), "--data iris is the file's own dataset");
    }

    @Test
    void withoutATableInputAndTargetAreRequired() {
        RecurrentBadInputTest.assertCleanFailure(CliRun.of("trace", "--spec", CliRun.spec("two-two-one.json")), "--input: required, unless the network's data are a table");
        RecurrentBadInputTest.assertCleanFailure(CliRun.of("trace", "--spec", CliRun.spec("iris.json"), "--data", "iris", "--input", "[[1,2,3,4]]", "--target", "[[1,0,0]]"),
                "--data: traces the table's first batch; leave out --input and --target");
    }
}
