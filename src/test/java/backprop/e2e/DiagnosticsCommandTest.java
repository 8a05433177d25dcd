package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code gradcheck}, {@code backends}, {@code bench} and the root command's help. */
class DiagnosticsCommandTest {

    @Test
    void gradcheckPassesAndPrintsATableWithRows() {
        CliRun run = CliRun.of("gradcheck", "--seed", "1");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.lines();
        assertTrue(lines.get(0).contains("worst rel. error"), run::toString);
        long rows = lines.stream().skip(1).filter(l -> l.trim().endsWith(" ok")).count();
        assertTrue(rows >= 5, () -> "rows for the ops, activations, losses and layers:\n" + run);
        assertTrue(run.lastLine().startsWith("all "), run::toString);
    }

    @Test
    void backendsListsJavaAndOpenblasAndSaysWhichIsInUseAndHowReproducible() {
        CliRun run = CliRun.of("backends");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().lines().anyMatch(l -> l.matches("[* ]\\s+java\\s+0\\s+yes\\s+.+")), run::toString);
        assertTrue(run.out().lines().anyMatch(l -> l.matches("[* ]\\s+openblas\\s+10\\s+(yes|no)\\s+.+")), run::toString);
        String inUse = backprop.engine.backend.Backends.current().name();
        assertTrue(run.lastLine().startsWith("* in use: " + inUse), run::toString);
        assertTrue(run.out().lines().anyMatch(l -> l.matches("\\*\\s+" + inUse + "\\s.*")), run::toString);
        assertTrue(run.out().contains("  results: bit-identical run to run"), run::toString);
    }

    @Test
    void backendsSaysWhyEachUnavailableBackendCannotRun() {
        // StandInBackends registers two that cannot run, one ranked above java.
        CliRun run = CliRun.of("backends");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().lines().anyMatch(l -> l.matches("\\s+test-gpu\\s+100\\s+no\\s+no CUDA device found \\(stand-in for tests\\)")), run::toString);
        assertTrue(run.out().lines().anyMatch(l -> l.matches("\\s+test-native\\s+50\\s+no\\s+UnsatisfiedLinkError: no test-native in java.library.path")), run::toString);
        assertTrue(!run.lastLine().startsWith("* in use: test-"), "an unavailable backend is never chosen:\n" + run);
        assertTrue(run.out().lines().anyMatch(l -> l.matches("\\s+cuda\\s+100\\s+(yes|no)\\s+\\S.*")), "cuda says whether it runs, and why:\n" + run);
        List<String> rows = run.lines().subList(1, run.lines().size() - 2);
        assertEquals(5, rows.size(), run::toString);
        List<String> names = rows.stream().map(r -> r.substring(1).trim().split("\\s+")[0]).toList();
        assertEquals(List.of("test-native", "openblas", "java"), names.subList(2, 5), "listed by rank:\n" + run);
        assertTrue(names.subList(0, 2).containsAll(List.of("cuda", "test-gpu")), "listed by rank:\n" + run);
    }

    @Test
    void benchReportsGemmAndXorAndTheMlpWithRecordingOffAndOnForEachBackend() throws Exception {
        String before = backprop.engine.backend.Backends.current().name();
        // The char-LSTM takes about a second a step on the java backend: measured on its own below.
        CliRun run = CliRun.of("bench", "--all", "--seconds", "0.05", "--gemm-size", "64", "--model", "xor,mlp-784-128-10", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(before, backprop.engine.backend.Backends.current().name(), "bench gives the backend back");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String line : run.lines()) {
            var o = json.readTree(line);
            if (o.has("gflops")) assertTrue(o.get("gflops").asDouble() > 0, line);
            else assertTrue(o.get("stepsPerSecond").asDouble() > 0, line);
            seen.add(o.get("backend").asText() + "/" + o.get("name").asText() + (o.has("batch") ? "/" + o.get("batch").asInt() + "/" + o.get("recording").asBoolean() : ""));
        }
        java.util.Set<String> want = new java.util.HashSet<>();
        for (var b : backprop.engine.backend.Backends.list()) {
            if (!b.available()) continue;
            for (String m : List.of("gemm-64", "xor/4/false", "xor/4/true", "mlp-784-128-10/64/false", "mlp-784-128-10/64/true")) want.add(b.name() + "/" + m);
        }
        assertEquals(want, seen);
    }

    @Test
    void benchMeasuresTheCharLstmWithRecordingOffAndOn() throws Exception {
        assertEquals(List.of("char-lstm/32/false", "char-lstm/32/true"), measuredAlone("char-lstm"));
    }

    @Test
    void benchMeasuresLenetWithRecordingOffAndOn() throws Exception {
        assertEquals(List.of("lenet/64/false", "lenet/64/true"), measuredAlone("lenet"));
    }

    /** One workload through {@code bench --model}: name/batch/recording of each step measurement. */
    private static List<String> measuredAlone(String workload) throws Exception {
        CliRun run = CliRun.of("bench", "--model", workload, "--seconds", "0.05", "--gemm-size", "64", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> seen = new java.util.ArrayList<>();
        for (String line : run.lines()) {
            var o = json.readTree(line);
            if (o.has("gflops")) continue;
            assertTrue(o.get("stepsPerSecond").asDouble() > 0, line);
            seen.add(o.get("name").asText() + "/" + o.get("batch").asInt() + "/" + o.get("recording").asBoolean());
        }
        return seen;
    }

    @Test
    void benchRefusesAnUnknownWorkload() {
        CliRun run = CliRun.of("bench", "--model", "gpt", "--seconds", "0.05");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--model: unknown workload 'gpt' (known: xor, mlp-784-128-10, char-lstm, lenet, deep)"), run::toString);
    }

    @Test
    void benchRefusesABackendThatCannotRun() {
        CliRun run = CliRun.of("bench", "--backend", "test-gpu", "--seconds", "0.05");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("test-gpu unavailable (no CUDA device found"), run::toString);
    }

    @Test
    void helpListsEverySubCommand() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode(), run::toString);
        for (String cmd : List.of("train", "trace", "gradcheck", "backends", "bench")) {
            assertTrue(run.out().lines().anyMatch(l -> l.trim().startsWith(cmd + " ")), cmd + " in\n" + run);
        }
    }
}
