package backprop.app.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.export.HeadlessRenderer;
import backprop.app.export.RenderRequest;
import backprop.app.math.Num;
import backprop.app.text.TextFrame.GateMaps;
import backprop.app.theme.Theme;
import backprop.app.views.StudioViews;
import backprop.engine.recurrent.SequenceStepper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The text view as {@code render --view text --step N} draws it (headless Monocle, the app's own
 * 64-unit LSTM): each heat-map cell is the value the engine computes when it reads the passage one
 * character at a time ({@link SequenceStepper}, a separate path from the one-pass run the view
 * asks for); the hover readout writes that number; the temperature changes the sample; training
 * moves the loss the chart draws.
 */
class TextViewTest {
    private static final int UPDATES = 3;

    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    private static void render(int step, boolean presenter, Consumer<TextView> inspect) throws Exception {
        new HeadlessRenderer(StudioViews.registry()).render(
                new RenderRequest("text", null, step, 1280, 800, Theme.LIGHT, presenter), v -> inspect.accept((TextView) v));
    }

    @Test
    void everyHeatMapCellIsTheEnginesValueForThatUnitAndCharacter() throws Exception {
        AtomicReference<GateMaps> shown = new AtomicReference<>();
        AtomicReference<Map<String, float[][]>> engine = new AtomicReference<>();
        AtomicReference<String> hover = new AtomicReference<>();
        AtomicReference<Float> hoveredValue = new AtomicReference<>();
        render(UPDATES, false, v -> {
            GateMaps maps = v.heatMap().maps();
            shown.set(maps);
            // The engine, step by step over the same passage with the same trained model.
            engine.set(v.viewModel().probe(s -> {
                SequenceStepper stepper = new SequenceStepper(s.model(), Map.of());
                int[] ids = s.corpus.encode(maps.passage());
                Map<String, float[][]> out = new java.util.HashMap<>();
                for (String key : TextSession.KEYS) out.put(key, new float[ids.length][]);
                for (int t = 0; t < ids.length; t++) {
                    float[] x = new float[s.corpus.vocabularySize()];
                    x[ids[t]] = 1f;
                    stepper.step(x);
                    for (String key : TextSession.KEYS) out.get(key)[t] = stepper.lastRun(0).quantity(key);
                }
                return out;
            }));
            // Hover the cell of unit 5 under the 9th character, the 't' of "truth" in the first passage.
            GateHeatMap h = v.heatMap();
            double[] at = h.centre(4, 8);
            h.hover(at[0], at[1]);
            hover.set(h.hoverText());
            hoveredValue.set(maps.value(h.key(), 4, 8));
        });
        GateMaps maps = shown.get();
        assertEquals(TextView.PASSAGES.get(0), maps.passage());
        assertEquals(TextSession.DEFAULT_UNITS, maps.units());
        for (String key : TextSession.KEYS) {
            for (int t = 0; t < maps.length(); t++) {
                for (int u = 0; u < maps.units(); u++) {
                    assertEquals(engine.get().get(key)[t][u], maps.value(key, u, t), 1e-6f, key + " unit " + (u + 1) + " char " + (t + 1));
                }
            }
        }
        assertEquals("unit 5 · ‘t’ (character 9) · f = " + Num.fmt(hoveredValue.get()), hover.get());
        assertEquals(engine.get().get("f")[8][4], hoveredValue.get(), 1e-6f);
    }

    @Test
    void theTemperatureSliderChangesTheSample() throws Exception {
        List<String> samples = new ArrayList<>();
        render(UPDATES, false, v -> {
            samples.add(v.sampleText());
            javafx.scene.control.Slider tau = (javafx.scene.control.Slider) v.root().lookup("#tx-temperature");
            tau.setValue(1.6);
            v.viewModel().trainNow(0); // waits for the frame the slider asked for
            samples.add(v.sampleText());
            tau.setValue(0.7);
            v.viewModel().trainNow(0);
            samples.add(v.sampleText());
        });
        assertTrue(samples.get(0).length() > 100, samples.get(0));
        assertNotEquals(samples.get(0), samples.get(1), "τ 0.7 vs 1.6");
        assertEquals(samples.get(0), samples.get(2), "back at τ 0.7 with the same seed: the same text");
    }

    @Test
    void trainingAFewUpdatesMovesTheLossTheChartDraws() throws Exception {
        AtomicReference<TextFrame> before = new AtomicReference<>(), after = new AtomicReference<>();
        AtomicReference<String> readout = new AtomicReference<>();
        render(0, false, v -> {
            before.set(v.viewModel().frame());
            v.viewModel().trainNow(UPDATES);
            after.set(v.viewModel().frame());
            v.lossChart().hoverAt(v.lossChart().getWidth() - 1);
            readout.set(v.lossChart().hoverText().orElse(""));
        });
        assertEquals(0, before.get().step());
        assertEquals(UPDATES, after.get().step());
        float start = before.get().lastHeldOut(), end = after.get().lastHeldOut();
        assertTrue(end < start - 0.1, "held-out loss per character " + start + " → " + end);
        assertTrue(readout.get().startsWith("step " + UPDATES), readout.get());
    }

    @Test
    void presenterModeKeepsTheHeatMapInsideTheWindow() throws Exception {
        AtomicReference<javafx.geometry.Bounds> map = new AtomicReference<>();
        render(0, true, v -> map.set(v.heatMap().localToScene(v.heatMap().getLayoutBounds())));
        javafx.geometry.Bounds b = map.get();
        assertTrue(b.getMinX() >= 0 && b.getMaxX() <= 1280 && b.getMaxY() <= 800 && b.getHeight() > 150, b.toString());
    }
}
