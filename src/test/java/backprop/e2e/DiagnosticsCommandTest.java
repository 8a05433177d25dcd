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
    void backendsListsJavaAsAvailableAndInUse() {
        CliRun run = CliRun.of("backends");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().lines().anyMatch(l -> l.matches("\\*\\s+java\\s+\\d+\\s+yes\\s+.+")), run::toString);
        assertTrue(run.lastLine().startsWith("* in use: java"), run::toString);
    }

    @Test
    void backendsSaysWhyEachUnavailableBackendCannotRun() {
        // StandInBackends registers two that cannot run, one ranked above java.
        CliRun run = CliRun.of("backends");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().lines().anyMatch(l -> l.matches("\\s+test-gpu\\s+100\\s+no\\s+no CUDA device found \\(stand-in for tests\\)")), run::toString);
        assertTrue(run.out().lines().anyMatch(l -> l.matches("\\s+test-native\\s+50\\s+no\\s+UnsatisfiedLinkError: no test-native in java.library.path")), run::toString);
        assertTrue(run.lastLine().startsWith("* in use: java"), "an unavailable backend is never chosen:\n" + run);
        List<String> rows = run.lines().subList(1, run.lines().size() - 1);
        assertEquals(3, rows.size(), run::toString);
        assertTrue(rows.get(0).contains("test-gpu") && rows.get(2).contains("java"), "listed by rank:\n" + run);
    }

    @Test
    void benchReportsXorAndTheMlpWithRecordingOffAndOn() throws Exception {
        CliRun run = CliRun.of("bench", "--seconds", "0.05", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String line : run.lines()) {
            var o = json.readTree(line);
            assertTrue(o.get("stepsPerSecond").asDouble() > 0, line);
            seen.add(o.get("name").asText() + "/" + o.get("batch").asInt() + "/" + o.get("recording").asBoolean());
        }
        assertEquals(java.util.Set.of("xor/4/false", "xor/4/true", "mlp-784-128-10/64/false", "mlp-784-128-10/64/true"), seen);
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
