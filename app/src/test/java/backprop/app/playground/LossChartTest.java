package backprop.app.playground;

import static backprop.app.playground.FxTesting.mount;
import static backprop.app.playground.FxTesting.onFx;
import static backprop.app.playground.FxTesting.save;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.draw.LossChart;
import backprop.app.export.HeadlessRenderer;
import backprop.app.math.Num;
import backprop.app.draw.Metric;
import java.util.List;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LossChartTest {
    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    private static List<Metric> history(PlaygroundSetup setup, int epochs) {
        PlaygroundSession s = new PlaygroundSession();
        s.apply(setup);
        for (int i = 0; i < epochs; i++) s.epoch();
        return s.frame().history();
    }

    private static long stepOf(String hover) {
        return Long.parseLong(hover.substring("step ".length(), hover.indexOf(' ', "step ".length())));
    }

    @Test
    void hoverAtTheRightEdgeReadsTheLatestMetric() throws Exception {
        List<Metric> h = history(PlaygroundSetup.defaults(), 150); // one point per epoch
        Metric last = h.get(h.size() - 1), first = h.get(0);
        assertTrue(h.size() > 100);
        onFx(() -> {
            LossChart chart = new LossChart();
            Scene scene = mount(chart, 360, 180);
            chart.show(h);
            assertTrue(chart.hoverText().isEmpty());
            save(scene, "loss");
            chart.hoverAt(355);
            String text = chart.hoverText().orElseThrow();
            assertEquals("step " + last.step() + " \u00b7 epoch " + last.epoch() + " \u00b7 train R " + Num.fmt(last.trainLoss())
                    + " \u00b7 test R " + Num.fmt(last.testLoss()) + " \u00b7 acc " + Math.round(last.trainAccuracy() * 100)
                    + "\u202f% / " + Math.round(last.testAccuracy() * 100) + "\u202f%", text);
            chart.hoverAt(180);
            save(scene, "loss-hover");
            chart.setScale(1.6);
            save(scene, "loss-presenter-cramped");
            chart.hoverAt(0);
            assertTrue(chart.hoverText().orElseThrow().startsWith("step " + first.step() + " "));
            chart.clearHover();
            assertTrue(chart.hoverText().isEmpty());
            return null;
        });
    }

    @Test
    void theCursorMovesThroughTheStepsInOrder() throws Exception {
        List<Metric> h = history(PlaygroundSetup.defaults(), 10);
        onFx(() -> {
            LossChart chart = new LossChart();
            mount(chart, 400, 200);
            chart.show(h);
            long before = -1;
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (int x = 0; x <= 400; x += 2) {
                chart.hoverAt(x);
                long step = stepOf(chart.hoverText().orElseThrow());
                assertTrue(step >= before, "step " + step + " after " + before + " at x " + x);
                seen.add(step);
                before = step;
            }
            assertEquals(h.get(h.size() - 1).step(), before);
            assertTrue(seen.size() > h.size() / 3, "the cursor visits many of the " + h.size() + " steps: " + seen.size());
            return null;
        });
    }

    @Test
    void nanLossesAreSkippedNotThrown() throws Exception {
        List<Metric> perceptron = history(PlaygroundSetup.defaults().withKind(PlaygroundSetup.Kind.PERCEPTRON).withDataset("and"), 3);
        assertTrue(Float.isNaN(perceptron.get(perceptron.size() - 1).trainLoss()));
        List<Metric> gappy = List.of(new Metric(0, 0, 0.7f, Float.NaN, 0.5f, Float.NaN), new Metric(1, 0, Float.NaN, Float.NaN, 0.5f, 0.5f),
                new Metric(2, 1, 0.4f, 0.45f, 0.75f, Float.NaN), new Metric(3, 1, Float.POSITIVE_INFINITY, 0.3f, 1f, 1f));
        onFx(() -> {
            LossChart chart = new LossChart();
            Scene scene = mount(chart, 360, 180);
            chart.show(perceptron);
            chart.hoverAt(355);
            String text = chart.hoverText().orElseThrow();
            assertFalse(text.contains(" R "), text);
            assertTrue(text.contains("acc "), text);
            save(scene, "loss-perceptron");
            chart.show(gappy);
            chart.hoverAt(0);
            assertEquals("step 0 \u00b7 epoch 0 \u00b7 train R 0.7000 \u00b7 acc 50\u202f%", chart.hoverText().orElseThrow());
            chart.show(List.of());
            assertTrue(chart.hoverText().isEmpty());
            return null;
        });
    }

    @Test
    void presenterScaleStillFitsAndSaysTheSame() throws Exception {
        List<Metric> h = history(PlaygroundSetup.defaults(), 150); // one point per epoch
        onFx(() -> {
            LossChart chart = new LossChart();
            Scene scene = mount(chart, 576, 288);
            chart.setScale(1.6);
            chart.show(h);
            chart.hoverAt(400);
            save(scene, "loss-presenter");
            assertTrue(chart.hoverText().isPresent());
            return null;
        });
    }
}
