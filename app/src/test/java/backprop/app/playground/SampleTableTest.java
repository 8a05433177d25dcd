package backprop.app.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.export.HeadlessRenderer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The 8-3-8 code table says what the learned code is: raw hidden values and, beside them, the pattern rounded at 0.5. */
class SampleTableTest {
    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    @Test
    void theEncoderTableShowsTheRoundedCodeBesideTheRawValuesAndPromisesNoBinaryCode() throws Exception {
        PlaygroundSession s = new PlaygroundSession();
        s.apply(Preset.ENCODER_838.setup());
        for (int i = 0; i < 2000; i++) s.epoch();
        PlaygroundFrame f = s.frame();
        List<String> cells = FxTesting.onFx(() -> {
            SampleTable t = new SampleTable();
            t.show(f);
            return t.cellTexts();
        });
        int cols = 1 + 3 + 1 + 1; // input | h1 h2 h3 | rounded | ✓
        assertEquals("≥ 0.5", cells.get(4), "a column for the rounded code: " + cells);
        for (int r = 0; r < 8; r++) {
            float[] h = f.table().rows().get(r).hidden();
            StringBuilder code = new StringBuilder();
            for (float v : h) code.append(v >= 0.5f ? '1' : '0');
            assertEquals(code.toString(), cells.get(cols * (r + 1) + 4), "row " + r);
        }
        String caption = Preset.ENCODER_838.description();
        assertFalse(caption.matches(".*watch a binary code appear.*"), caption);
        assertTrue(caption.contains("rounded at 0.5"), caption);
    }

    /** A frame of the same network refills the labels (what the FX thread does every training frame); a new shape rebuilds them. */
    @Test
    void aNewFrameOfTheSameNetworkRefillsTheCellsInPlace() throws Exception {
        PlaygroundSession s = new PlaygroundSession();
        s.apply(Preset.LEARNED_XOR.setup());
        PlaygroundFrame before = s.frame();
        for (int i = 0; i < 2000; i++) s.epoch();
        PlaygroundFrame after = s.frame();
        FxTesting.onFx(() -> {
            SampleTable t = new SampleTable();
            t.show(before);
            java.util.List<javafx.scene.Node> nodes = java.util.List.copyOf(t.lookupAll(".pg-table-cell"));
            t.show(after);
            assertEquals(nodes, java.util.List.copyOf(t.lookupAll(".pg-table-cell")), "the same labels");
            SampleTable fresh = new SampleTable();
            fresh.show(after);
            assertEquals(fresh.cellTexts(), t.cellTexts(), "showing the values of the new frame");
            return null;
        });
    }
}
