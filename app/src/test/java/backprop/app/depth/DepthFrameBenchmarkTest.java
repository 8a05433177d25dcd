package backprop.app.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.export.HeadlessRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Depth frame benchmark runs and reports sane figures (its speed is measured by bench-frames, never asserted here). */
class DepthFrameBenchmarkTest {
    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    @Test
    void measuresFramesOfFourTrainingColumns() throws Exception {
        DepthFrameBenchmark.Result r = DepthFrameBenchmark.run(5, 800, 600);
        assertEquals(5, r.frames());
        assertTrue(r.medianMs() > 0 && r.p95Ms() >= r.medianMs() && r.maxMs() >= r.p95Ms(), r.toString());
        assertTrue(r.engineMedianMs() > 0, r.toString());
    }
}
