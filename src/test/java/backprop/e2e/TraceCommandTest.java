package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trace} against backprop worked by hand, in double precision, on the 2-2-1 network of
 * specs/two-two-one.json: the check a teacher makes of a student's sheet.
 */
class TraceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TOLERANCE = 1e-6;

    private static final String INPUT = "[[0.05, 0.1], [1, 0]]";
    private static final String TARGET = "[[0.01], [1]]";

    private static double sigmoid(double a) { return 1 / (1 + Math.exp(-a)); }

    @Test
    void valuesEqualAHandComputation() throws Exception {
        CliRun run = CliRun.of("trace", "--spec", CliRun.spec("two-two-one.json"), "--input", INPUT, "--target", TARGET);
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode trace = JSON.readTree(run.out());

        // The file's weights: w_ij from input i to unit j.
        double[][] x = {{0.05, 0.1}, {1, 0}};
        double[] y = {0.01, 1};
        double[][] w1 = {{0.15, -0.25}, {0.2, 0.3}};
        double[] b1 = {0.35, -0.1};
        double[] w2 = {0.4, -0.5};
        double b2 = 0.6;
        int n = 2;

        double[][] aH = new double[n][2], zH = new double[n][2], deltaH = new double[n][2];
        double[] aO = new double[n], f = new double[n], deltaO = new double[n];
        double loss = 0;
        for (int s = 0; s < n; s++) {
            // forward: a_j = Σ_i w_ij z_i + b_j, z_j = g(a_j)
            for (int j = 0; j < 2; j++) {
                aH[s][j] = x[s][0] * w1[0][j] + x[s][1] * w1[1][j] + b1[j];
                zH[s][j] = sigmoid(aH[s][j]);
            }
            aO[s] = zH[s][0] * w2[0] + zH[s][1] * w2[1] + b2;
            f[s] = sigmoid(aO[s]);
            // R = (1/N) Σ_n ½ (y_n − f_n)²
            loss += 0.5 * (y[s] - f[s]) * (y[s] - f[s]) / n;
            // backward: δ_out = −(y − f)·g'(a_out), δ_k = g'(a_k)·w_k,out·δ_out (per sample, no 1/N)
            deltaO[s] = -(y[s] - f[s]) * f[s] * (1 - f[s]);
            for (int k = 0; k < 2; k++) deltaH[s][k] = zH[s][k] * (1 - zH[s][k]) * w2[k] * deltaO[s];
        }
        // ∂R/∂w_ij = (1/N) Σ_n z_i δ_j ; ∂R/∂b_j = (1/N) Σ_n δ_j
        double[][] gW1 = new double[2][2];
        double[] gB1 = new double[2], gW2 = new double[2];
        double gB2 = 0;
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) gW1[i][j] += x[s][i] * deltaH[s][j] / n;
            for (int j = 0; j < 2; j++) gB1[j] += deltaH[s][j] / n;
            for (int k = 0; k < 2; k++) gW2[k] += zH[s][k] * deltaO[s] / n;
            gB2 += deltaO[s] / n;
        }

        assertClose(loss, trace.get("loss").asDouble(), "loss");
        JsonNode hidden = trace.get("layers").get(0), out = trace.get("layers").get(1);
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < 2; j++) {
                assertClose(aH[s][j], hidden.get("a").get(s).get(j).asDouble(), "hidden a[" + s + "][" + j + "]");
                assertClose(zH[s][j], hidden.get("z").get(s).get(j).asDouble(), "hidden z[" + s + "][" + j + "]");
                assertClose(deltaH[s][j], hidden.get("delta").get(s).get(j).asDouble(), "hidden delta[" + s + "][" + j + "]");
            }
            assertClose(aO[s], out.get("a").get(s).get(0).asDouble(), "output a[" + s + "]");
            assertClose(f[s], out.get("z").get(s).get(0).asDouble(), "output z[" + s + "]");
            assertClose(deltaO[s], out.get("delta").get(s).get(0).asDouble(), "output delta[" + s + "]");
        }
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) assertClose(gW1[i][j], hidden.get("gradWeights").get(i).get(j).asDouble(), "hidden gradWeights[" + i + "][" + j + "]");
            assertClose(gB1[i], hidden.get("gradBias").get(i).asDouble(), "hidden gradBias[" + i + "]");
            assertClose(gW2[i], out.get("gradWeights").get(i).get(0).asDouble(), "output gradWeights[" + i + "]");
        }
        assertClose(gB2, out.get("gradBias").get(0).asDouble(), "output gradBias");
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, TOLERANCE, what);
    }

    @Test
    void containsTheRequiredFieldNamesBatchFirst() throws Exception {
        CliRun run = CliRun.of("trace", "--spec", CliRun.spec("two-two-one.json"), "--input", INPUT, "--target", TARGET);
        JsonNode trace = JSON.readTree(run.out());
        assertTrue(trace.get("loss").isNumber());
        assertEquals(2, trace.get("layers").size());
        for (JsonNode layer : trace.get("layers")) {
            for (String field : List.of("a", "z", "delta", "gradWeights", "gradBias")) assertTrue(layer.has(field), field);
            assertEquals(2, layer.get("a").size(), "one row per sample");
            assertEquals(2, layer.get("delta").size(), "one row per sample");
        }
        assertEquals(2, trace.get("layers").get(0).get("gradWeights").size(), "one row per input i");
        assertEquals(2, trace.get("layers").get(0).get("gradWeights").get(0).size(), "one column per unit j");
    }

    @Test
    void outWritesTheSameDocumentToAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nested/trace.json");
        CliRun toFile = CliRun.of("trace", "--spec", CliRun.spec("two-two-one.json"), "--input", INPUT, "--target", TARGET, "--out", file.toString());
        CliRun toStdout = CliRun.of("trace", "--spec", CliRun.spec("two-two-one.json"), "--input", INPUT, "--target", TARGET);
        assertEquals(0, toFile.exitCode(), toFile::toString);
        assertEquals(toStdout.out(), Files.readString(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void sameSeedTwiceGivesIdenticalTraces() {
        // xor.json omits its weights, so they come from the seed.
        String xor = CliRun.root().resolve("engine/src/main/resources/backprop/engine/models/xor.json").toString();
        String[] args = {"trace", "--spec", xor, "--input", "[[0,0],[0,1],[1,0],[1,1]]", "--target", "[[0],[1],[1],[0]]", "--seed", "9"};
        CliRun a = CliRun.of(args), b = CliRun.of(args);
        assertEquals(0, a.exitCode(), a::toString);
        assertEquals(a.out(), b.out());
    }
}
