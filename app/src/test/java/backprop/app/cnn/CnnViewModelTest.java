package backprop.app.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.work.EngineWorker;
import backprop.app.work.Workers;
import backprop.engine.layers.conv.ConvArithmetic;
import backprop.engine.trace.StepTrace;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The CNN view-model without a window: results are delivered on a queue this test pumps. */
class CnnViewModelTest {
    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final CnnViewModel vm = new CnnViewModel(new EngineWorker(Workers.newExecutor("cnn-test"), ui::add));

    @AfterEach
    void stop() { vm.shutdown(); }

    /** Runs delivered results until the view-model has nothing out. */
    private void settle() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!vm.idle() || !ui.isEmpty()) {
            Runnable r = ui.poll(100, TimeUnit.MILLISECONDS);
            if (r != null) r.run();
            assertTrue(System.nanoTime() < end, "the engine did not answer in a minute");
        }
    }

    @Test
    void theMapsShownAreTheEnginesTraceOfTheDigit() throws Exception {
        vm.prepareNow(null, 0);
        CnnFrame f = vm.frameProperty().get();
        assertEquals(0, f.step());
        StepTrace engine = CnnTraces.untrained(0);
        List<FeatureMaps> maps = f.maps();
        assertEquals(List.of("input", "conv1", "pool1", "conv2", "pool2"), maps.stream().map(FeatureMaps::title).toList());
        assertEquals(List.of(4, 4, 8, 8), maps.subList(1, 5).stream().map(FeatureMaps::channels).toList());
        assertEquals(List.of(28, 14, 14, 7), maps.subList(1, 5).stream().map(FeatureMaps::height).toList());
        for (int k = 1; k < maps.size(); k++) {
            assertArrayEquals(engine.layers().get(maps.get(k).layerIndex()).tensor("z").data(), maps.get(k).values(), maps.get(k).title());
        }
        assertArrayEquals(engine.output()[0], f.probabilities());
        assertTrue(f.gradients().isEmpty(), "no training step yet, so no gradients to show");
    }

    @Test
    void trainingStepsUpdateTheCounterAndShowGradients() {
        vm.prepareNow(null, 3);
        CnnFrame f = vm.frameProperty().get();
        assertEquals(3, f.step());
        assertEquals("step 3 · epoch 0.01", vm.stepTextProperty().get());
        assertEquals(List.of("∂R/∂W conv1", "∂R/∂W conv2"), f.gradients().stream().map(FeatureMaps::title).toList());
        assertArrayEquals(f.training().layers().get(0).tensor("gradWeights").data(), f.gradients().get(0).values());
        assertEquals(4 * 1 * 3 * 3, f.filters().get(0).values().length);
    }

    @Test
    void strideAndPaddingDriveTheFormulaAndItsError() throws Exception {
        vm.prepareNow(null, 0);
        ConvExplanation e = vm.explanationProperty().get();
        assertEquals("(28 + 2·1 − 3) / 1 + 1 = 28", e.formula());
        assertEquals(28, e.outputSize());
        // With the layer's own stride and padding, every output of the panel is the trace's a.
        float[] a = CnnTraces.untrained(0).layers().get(0).tensor("a").data();
        vm.filterProperty().set(2);
        e = vm.explanationProperty().get();
        for (int i = 0; i < 28 * 28; i++) assertEquals(a[2 * 784 + i], e.output()[i], 1e-5);
        assertEquals(e.window().sum() + e.window().bias(), e.window().a(), 1e-6);

        vm.paddingProperty().set(0);
        vm.strideProperty().set(2);
        e = vm.explanationProperty().get();
        assertFalse(e.fits());
        assertTrue(e.formula().startsWith("(28 + 2·0 − 3) / 2 + 1 = 13.5 is not a whole number"), e.formula());
        vm.paddingProperty().set(1);
        vm.strideProperty().set(3);
        e = vm.explanationProperty().get();
        assertEquals("(28 + 2·1 − 3) / 3 + 1 = 10", e.formula());
        assertEquals(100, e.output().length);
    }

    @Test
    void aPoolingWindowShowsTheTracedInputsAndResult() throws Exception {
        vm.prepareNow(null, 0);
        vm.filterProperty().set(1);
        vm.poolPositionProperty().set(5 * 14 + 7);
        PoolExplanation p = vm.poolExplanationProperty().get();
        assertEquals("(28 − 2) / 2 + 1 = 14", p.formula());
        StepTrace engine = CnnTraces.untrained(0);
        float[] in = engine.layers().get(1).tensor("input").data(), out = engine.layers().get(1).tensor("z").data();
        assertArrayEquals(new float[] {in[784 + 10 * 28 + 14], in[784 + 10 * 28 + 15], in[784 + 11 * 28 + 14], in[784 + 11 * 28 + 15]}, p.window());
        assertEquals(out[196 + 5 * 14 + 7], p.result());
        float max = Float.NEGATIVE_INFINITY;
        for (float v : p.window()) max = Math.max(max, v);
        assertEquals(max, p.result(), "max pooling keeps the window's largest value");
    }

    @Test
    void aDrawingIsTracedWithoutALabel() throws Exception {
        vm.start(null);
        settle();
        for (double y = 5; y <= 22; y += 0.5) vm.drawTo(14, y);
        vm.lift();
        settle();
        CnnFrame f = vm.frameProperty().get();
        assertEquals(-1, f.label());
        assertTrue(vm.drawModeProperty().get());
        float sum = 0;
        for (float p : f.probabilities()) sum += p;
        assertEquals(1f, sum, 1e-4);
        float ink = 0;
        for (float v : f.input()) ink += v;
        assertTrue(ink > 10, "the network saw the stroke: " + ink);
    }

    @Test
    void playingTrainsUntilPaused() throws Exception {
        vm.start(null);
        settle();
        vm.playingProperty().set(true);
        for (int i = 0; i < 3; i++) ui.take().run();
        vm.playingProperty().set(false);
        settle();
        assertTrue(vm.frameProperty().get().step() >= 2, "step " + vm.frameProperty().get().step());
    }

    @Test
    void receptiveFieldOfAConv2UnitIsEightPixelsWide() {
        vm.prepareNow(null, 0);
        ConvArithmetic.Region r = vm.receptiveField(new CnnViewModel.Unit(2, 0, 5, 5)).orElseThrow();
        // conv 3 (pad 1) → pool 2 → conv 3 (pad 1): 3, then 4 with jump 2, then 4 + 2·2 = 8, starting at 5·2 − 3.
        assertEquals(new ConvArithmetic.Region(7, 7, 14, 14), r);
        assertTrue(vm.receptiveField(new CnnViewModel.Unit(-1, 0, 3, 3)).isEmpty());
        assertNotNull(vm.frameProperty().get());
    }

    @Test
    void aDrawingIsScaledIntoTwentyPixelsAndCentredByMass() {
        DigitInk ink = new DigitInk();
        for (double x = 1; x <= 6; x += 0.25) ink.drawTo(x, 3); // a short bar in the top-left corner
        float[] p = ink.prepared();
        int left = 28, right = -1;
        double mass = 0, mx = 0, my = 0;
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                float v = p[r * 28 + c];
                if (v > 0.01f) { left = Math.min(left, c); right = Math.max(right, c); }
                mass += v;
                mx += v * (c + 0.5);
                my += v * (r + 0.5);
            }
        }
        assertEquals(20, right - left + 1, "the long side fills the 20-pixel box");
        assertEquals(14, mx / mass, 0.6);
        assertEquals(14, my / mass, 0.6);
        assertEquals(0f, new DigitInk().prepared()[400]);
    }
}
