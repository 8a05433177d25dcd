package backprop.engine.bench;

import java.util.List;

/** Measures training steps per second (forward + backward + update), with traces on and off. */
public final class StepBenchmark {
    private StepBenchmark() {}

    /** One measurement. */
    public record Result(String name, int batch, boolean recording, long steps, double seconds, double stepsPerSecond) {}

    /**
     * The standard suite: "xor" (2-2-1, batch 4) and "mlp-784-128-10" (batch 64), each with
     * recording off and on, after a warm-up, for about {@code secondsEach} seconds each.
     * (Implementation: engine-tests branch.)
     */
    public static List<Result> standardSuite(double secondsEach) {
        return List.of();
    }
}
