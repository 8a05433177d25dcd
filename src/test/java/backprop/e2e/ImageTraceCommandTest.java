package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * {@code trace} on a network over images (specs/tiny-cnn.json): each image arrives as a row of
 * C·H·W numbers, and the image layers' fields come out as nested arrays of their own shapes,
 * [N][C][H][W], with the values of a hand computation.
 */
class ImageTraceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void imageLayersAreWrittenAsNestedArraysOfTheirShapes() throws Exception {
        CliRun run = CliRun.of("trace", "--spec", CliRun.spec("tiny-cnn.json"),
                "--input", "[[0.1, 0.9, 0.2, 0.4, 0.3, 0.8, 0.5, 0.6, 0.6]]", "--target", "[[1]]");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode t = JSON.readTree(run.out());
        assertEquals(9, t.get("input").get(0).size(), "the batch as given: rows of C·H·W numbers");

        JsonNode conv = t.get("layers").get(0);
        assertEquals("conv2d", conv.get("type").asText());
        assertEquals("[[[[0.1,0.9,0.2],[0.4,0.3,0.8],[0.5,0.6,0.6]]]]", compact(conv.get("input")), "[N][C][H][W]");
        assertEquals("[[[[1.0,2.0],[-1.0,0.5]]]]", compact(conv.get("weights")), "[F][C][K][K]");
        // a[p][q] = Σ_rs w[r][s]·x[p+r][q+s] + 0.1, worked by hand
        double[][] a = {{0.1 + 1.8 - 0.4 + 0.15 + 0.1, 0.9 + 0.4 - 0.3 + 0.4 + 0.1}, {0.4 + 0.6 - 0.5 + 0.3 + 0.1, 0.3 + 1.6 - 0.6 + 0.3 + 0.1}};
        for (int p = 0; p < 2; p++)
            for (int q = 0; q < 2; q++) assertEquals(a[p][q], conv.get("a").get(0).get(0).get(p).get(q).asDouble(), 1e-6, "a[" + p + "][" + q + "]");
        // f = 2·max(a) = 3.5, L = ½(1 − f)², ∂L/∂m = 2(f − 1) = 5, all of it to the winner a[0][0]
        JsonNode delta = conv.get("delta").get(0).get(0);
        assertEquals(5.0, delta.get(0).get(0).asDouble(), 1e-5);
        for (int[] loser : new int[][] {{0, 1}, {1, 0}, {1, 1}}) assertEquals(0.0, delta.get(loser[0]).get(loser[1]).asDouble(), "the others get nothing");
        assertEquals("2", conv.get("kernel").asText(), "attributes follow the fields");

        JsonNode pool = t.get("layers").get(1);
        assertEquals(pool.get("a"), pool.get("z"), "pooling: a is z");
        assertEquals(1.75, pool.get("z").get(0).get(0).get(0).get(0).asDouble(), 1e-6);
        JsonNode flatten = t.get("layers").get(2);
        assertEquals(4, depth(flatten.get("input")), "flatten shows the image it read, [N][C][H][W]");
        assertEquals(2, depth(flatten.get("z")), "and hands on rows");
        assertEquals(1.75, flatten.get("z").get(0).get(0).asDouble(), 1e-6);
    }

    private static int depth(JsonNode n) { return n.isArray() ? 1 + depth(n.get(0)) : 0; }

    private static String compact(JsonNode n) throws Exception { return JSON.writeValueAsString(n); }
}
