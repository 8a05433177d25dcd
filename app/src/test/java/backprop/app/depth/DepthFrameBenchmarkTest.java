package backprop.app.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.export.HeadlessRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Depth frame benchmark times real frames: every measured frame is one more training step
 * in every column, and its picture differs from the one before (its speed is measured by
 * bench-frames, never asserted here).
 */
class DepthFrameBenchmarkTest {
    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    @Test
    void measuresFramesOfFourTrainingColumns() throws Exception {
        DepthFrameBenchmark.Result r = DepthFrameBenchmark.run(5, 800, 600);
        assertEquals(5, r.frames());
        assertEquals(5, r.steps(), "one training step per measured frame: " + r);
        // The bars, histograms and loss of four columns move each step: far more than a caret's worth of pixels.
        assertTrue(r.leastPixelsChanged() > 1_000, "pixels changed by the least changed frame: " + r);
        assertTrue(r.medianMs() > 0 && r.p95Ms() >= r.medianMs() && r.maxMs() >= r.p95Ms(), r.toString());
        assertTrue(r.cpuMedianMs() > 0 && r.cpuP95Ms() >= r.cpuMedianMs(), r.toString());
        assertTrue(r.engineMedianMs() > 0, r.toString());
    }
}
