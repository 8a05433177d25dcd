package backprop.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.editor.document.EditorDocument;
import backprop.app.editor.model.Analysis;
import backprop.app.export.HeadlessRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The editor's frame benchmark measures what it says: 200 nodes that all read, and frames that
 * really show a moved view (every frame's pixels differ from the one before). Its speed is
 * measured by {@code bench-frames --view editor}, never asserted here.
 */
class EditorFrameBenchmarkTest {
    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    @Test
    void twoHundredNodesAllReadWithMerges() throws Exception {
        EditorDocument d = new EditorDocument();
        d.load(EditorFrameBenchmark.network(EditorFrameBenchmark.NODES - 2));
        assertEquals(200, d.graph().nodes().size());
        Analysis a = d.analysis();
        assertTrue(a.ok(), a.errors() + " " + a.problem());
        assertEquals(200, a.shapes().size());
        assertTrue(d.graph().edges().size() > 200, "the residual adds have two inputs each: " + d.graph().edges().size() + " edges");
    }

    @Test
    void everyMeasuredFrameRendersAMovedView() throws Exception {
        EditorFrameBenchmark.Result r = EditorFrameBenchmark.run(12, 960, 600);
        assertEquals(12, r.frames());
        assertEquals(200, r.nodes());
        assertTrue(r.allRead());
        assertEquals(12, r.changedFrames(), "each pan or zoom changed the pixels: " + r);
        assertTrue(r.medianMs() > 0 && r.p95Ms() >= r.medianMs() && r.maxMs() >= r.p95Ms(), r.toString());
        assertTrue(r.inferenceMedianMs() > 0 && r.inferenceP95Ms() >= r.inferenceMedianMs(), r.toString());
    }

    @Test
    void theMovementPathReturnsToWhereItBegan() throws Exception {
        double[] before = new double[2], after = new double[2];
        HeadlessRenderer.onFxThread(() -> {
            EditorCanvas c = new EditorCanvas(new EditorDocument(), new Selection());
            c.resize(800, 600);
            before[0] = c.toModelX(400);
            before[1] = c.zoom();
            for (int f = 0; f < 60; f++) EditorFrameBenchmark.move(c, f);
            after[0] = c.toModelX(400);
            after[1] = c.zoom();
            return null;
        });
        assertEquals(before[1], after[1], 1e-9);
        assertEquals(before[0], after[0], 1e-6);
    }
}
