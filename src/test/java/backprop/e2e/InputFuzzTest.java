package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: no mutant of a network file or of trace's batches crashes, hangs or lies. Each must
 * be accepted, refused in one clean line naming its source, or diverge with a message; anything
 * else (another exception, a multi-line or overlong message, running out of memory, a hang past
 * {@link InputFuzzer#TIMEOUT_S}) fails the test with the seed and the mutant that caused it.
 *
 * <p>{@code -Dfuzz.cases=N} sets the number of cases (default 4000; {@code -Pfuzz-long}: 100,000),
 * {@code -Dfuzz.seed=S} the first seed. Counts per outcome are printed at the end.
 */
class InputFuzzTest {
    private static final int CASES = Integer.getInteger("fuzz.cases", 4000);
    private static final long SEED = Long.getLong("fuzz.seed", 21L);

    @TempDir
    Path dir;

    @Test
    void noMutantCrashesHangsOrLies() throws Exception {
        InputFuzzer.Result r = InputFuzzer.run(CASES, SEED, dir, System.out);
        if (!r.failures().isEmpty()) fail(r.count(FuzzOutcome.FAILURE) + " failures, the first:\n" + String.join("\n", r.failures()));
        assertTrue(r.count(FuzzOutcome.ACCEPTED) > 0 && r.count(FuzzOutcome.REFUSED) > 0, "the mutants exercise both sides: " + r.counts());
    }
}
