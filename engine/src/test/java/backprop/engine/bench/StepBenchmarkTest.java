package backprop.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A smoke test only: timings depend on the machine, so nothing here asserts a speed. */
class StepBenchmarkTest {

    @Test
    void standardSuiteMeasuresBothModelsWithRecordingOffAndOn() {
        List<StepBenchmark.Result> results = StepBenchmark.standardSuite(0.02);
        System.out.print(StepBenchmark.table(results));
        assertEquals(10, results.size());
        assertEquals(List.of("xor", "xor", "mlp-784-128-10", "mlp-784-128-10", "char-lstm", "char-lstm", "lenet", "lenet", "deep", "deep"),
                results.stream().map(StepBenchmark.Result::name).toList());
        assertEquals(List.of(4, 4, 64, 64, 32, 32, 64, 64, 32, 32), results.stream().map(StepBenchmark.Result::batch).toList());
        assertEquals(List.of(false, true, false, true, false, true, false, true, false, true), results.stream().map(StepBenchmark.Result::recording).toList());
        assertEquals("statistics", results.get(9).records());
        assertEquals("trace", results.get(7).records());
        for (StepBenchmark.Result r : results) {
            assertTrue(r.steps() > 0, r + ": no steps");
            assertTrue(r.seconds() > 0 && Double.isFinite(r.seconds()), r + ": bad duration");
            assertEquals(r.steps() / r.seconds(), r.stepsPerSecond(), 1e-9 * r.stepsPerSecond());
        }
    }
}
