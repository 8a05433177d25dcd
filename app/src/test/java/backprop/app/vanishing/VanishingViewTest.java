package backprop.app.vanishing;

import backprop.app.draw.LogPlot;
import backprop.app.draw.Sci;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.export.HeadlessRenderer;
import backprop.app.export.RenderRequest;
import backprop.app.theme.Theme;
import backprop.app.views.StudioViews;
import backprop.engine.layers.recurrent.CellType;
import backprop.engine.layers.recurrent.RecurrentLayer;
import backprop.engine.layers.recurrent.Sensitivity;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vanishing view as {@code render --view gradients} draws it (headless Monocle), checked
 * against the engine: every shaded node and every plotted point is the number
 * {@link Sensitivity} gives for the same cell, weights and input; the plain RNN forgets x₁
 * orders of magnitude faster than the LSTM; and clipping caps the gradient norm the update uses.
 */
class VanishingViewTest {
    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    /** Renders the view at 1280×800 and hands it to {@code inspect} on the FX thread. */
    private static void render(boolean presenter, java.util.function.Consumer<VanishingView> inspect) throws Exception {
        new HeadlessRenderer(StudioViews.registry()).render(
                new RenderRequest("gradients", null, 0, 1280, 800, Theme.LIGHT, presenter), v -> inspect.accept((VanishingView) v));
    }

    @Test
    void everyShadedNodeAndPlottedPointIsTheEnginesSensitivity() throws Exception {
        AtomicReference<List<UnrolledCanvas.Row>> rows = new AtomicReference<>();
        AtomicReference<List<LogPlot.Series>> plotted = new AtomicReference<>();
        AtomicReference<String> hover = new AtomicReference<>();
        render(false, v -> {
            rows.set(v.unrolled().rows());
            plotted.set(v.statePlot().series());
            // Hover the LSTM's last node, as the mouse would: the middle row, the rightmost column.
            var c = v.unrolled();
            c.hover(c.getWidth() - 20, 0);
            for (double y = 0; y < c.getHeight() && c.hoverText().isEmpty(); y += 2) c.hover(c.getWidth() - 30, y);
            hover.set(c.hoverText());
        });
        VanishingSetup setup = VanishingSetup.DEFAULT;
        float[][] x = VanishingSession.input(setup);
        assertEquals(List.of("RNN", "LSTM", "GRU"), rows.get().stream().map(UnrolledCanvas.Row::name).toList());
        for (int i = 0; i < 3; i++) {
            CellType cell = VanishingSession.CELLS.get(i);
            RecurrentLayer layer = VanishingSession.recurrent(VanishingSession.model(cell, setup));
            float[] toInput = Sensitivity.toFirstInput(layer, x, Map.of()).norm();
            float[] toState = Sensitivity.toFirstState(layer, x, Map.of()).norm();
            assertEquals(setup.steps(), toInput.length);
            assertArrayEquals(toInput, rows.get().get(i).values(), cell + ": shaded values");
            assertArrayEquals(toState, plotted.get().get(i).values(), cell + ": plotted ‖∂h_t/∂h_1‖");
        }
        // The top row hovered first is the RNN's: its readout names the cell, the step and the exact value.
        float rnnLast = rows.get().get(0).values()[setup.steps() - 1];
        assertEquals("RNN · t = " + setup.steps() + " · ‖∂hₜ/∂x₁‖ = " + Sci.format(rnnLast), hover.get());
    }

    /**
     * Measured with the defaults (T = 30, 16 units, seed 7, W × 1): ‖∂h_30/∂x_1‖ is 1.13e−6 for the
     * RNN and 1.51e−3 for the LSTM, a ratio of about 1,300. Asserted with a margin: at least 100×.
     */
    @Test
    void theRnnForgetsTheFirstInputFarFasterThanTheLstm() throws Exception {
        AtomicReference<List<UnrolledCanvas.Row>> rows = new AtomicReference<>();
        render(false, v -> rows.set(v.unrolled().rows()));
        int last = VanishingSetup.DEFAULT.steps() - 1;
        float rnn = rows.get().get(0).values()[last], lstm = rows.get().get(1).values()[last];
        assertEquals(1.13e-6, rnn, 0.02e-6, "RNN at T");
        assertEquals(1.51e-3, lstm, 0.02e-3, "LSTM at T");
        assertTrue(rnn * 100 < lstm, "RNN " + rnn + " vs LSTM " + lstm);
    }

    @Test
    void clippingCapsTheNormTheUpdateUses() throws Exception {
        AtomicReference<List<LogPlot.Series>> series = new AtomicReference<>();
        AtomicReference<String> note = new AtomicReference<>();
        render(false, v -> {
            v.viewModel().setScale(VanishingSetup.EXPLODING_SCALE);
            v.viewModel().computeNow();
            series.set(v.clipPlot().series());
            note.set(((javafx.scene.control.Label) v.root().lookup("#vn-clip-note")).getText());
        });
        float threshold = (float) VanishingSetup.DEFAULT.clip();
        float[] free = series.get().get(0).values(), before = series.get().get(1).values(), used = series.get().get(2).values();
        // Same network, same batch: the first step's gradient is the same in both runs, and far above the threshold.
        assertEquals(free[0], before[0]);
        assertTrue(free[0] > 10 * threshold, "exploding: ‖g‖ = " + free[0]);
        assertNotEquals(free[0], used[0]);
        int clipped = 0;
        for (int i = 0; i < used.length; i++) {
            if (Float.isNaN(used[i])) continue;
            assertTrue(used[i] <= threshold, "step " + (i + 1) + ": " + used[i]);
            if (before[i] > threshold) clipped++;
            else assertEquals(before[i], used[i], "a short gradient is left alone");
        }
        assertTrue(clipped >= 1);
        assertTrue(note.get().contains("clipping shortened " + clipped + " of"), note.get());
    }

    @Test
    void presenterModeKeepsEverythingInsideTheWindow() throws Exception {
        AtomicReference<javafx.geometry.Bounds> plot = new AtomicReference<>();
        render(true, v -> plot.set(v.clipPlot().localToScene(v.clipPlot().getLayoutBounds())));
        javafx.geometry.Bounds b = plot.get();
        assertTrue(b.getMinX() >= 0 && b.getMaxX() <= 1280 && b.getMaxY() <= 800 && b.getHeight() > 120, b.toString());
    }
}
