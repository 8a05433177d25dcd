package backprop.app.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.work.EngineWorker;
import backprop.app.work.Workers;
import backprop.engine.layers.conv.ConvArithmetic;
import backprop.engine.layers.conv.TopActivations.Hit;
import backprop.engine.models.BuiltinModels;
import backprop.engine.trace.StepTrace;
import backprop.engine.trace.TraceTensor;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The strongest held-out digits for a conv1 filter: what the view-model shows is what the
 * engine's own trace of each of those digits says, ranked largest first.
 */
class CnnTopInputsTest {
    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final CnnViewModel vm = new CnnViewModel(new EngineWorker(Workers.newExecutor("cnn-top-test"), ui::add));

    @AfterEach
    void stop() { vm.shutdown(); }

    @Test
    void theShownRankingIsTheEnginesTraceOfThoseDigitsLargestFirst() throws Exception {
        vm.filterProperty().set(2);
        vm.prepareNow(null, 0);   // untrained, so the engine's trace below is of the same weights
        TopInputs top = vm.frameProperty().get().top();
        assertEquals(2, top.filter());
        assertEquals(CnnViewModel.TOP_COUNT, top.hits().size());
        assertEquals(2000, top.scanned());
        ConvArithmetic.ReceptiveField field = ConvArithmetic.ReceptiveField.of(BuiltinModels.spec("cnn-small"), 0);
        float previous = Float.POSITIVE_INFINITY;
        for (int i = 0; i < top.hits().size(); i++) {
            Hit h = top.hits().get(i);
            StepTrace t = CnnTraces.untrained(h.sample());
            TraceTensor z = t.layers().get(0).tensor("z");   // [1][4][28][28]
            int height = z.dim(2), width = z.dim(3), plane = height * width, best = 0;
            float[] v = z.data();
            for (int j = 1; j < plane; j++) if (v[2 * plane + j] > v[2 * plane + best]) best = j;
            assertEquals(v[2 * plane + best], h.value(), 1e-5f, "digit " + h.sample() + ": the value shown is the trace's peak of filter 3");
            assertEquals(v[2 * plane + best], v[2 * plane + h.row() * width + h.col()], 1e-5f, "the unit shown is where the peak is");
            assertTrue(h.value() <= previous, "largest first: " + top.hits());
            previous = h.value();
            assertEquals(field.region(h.row(), h.col(), 28, 28), top.windows().get(i), "the outline is that unit's receptive field");
        }
        // No digit left out beats the last one shown: spot-check the first 40 held-out digits with the engine's trace.
        List<Integer> shown = top.hits().stream().map(Hit::sample).toList();
        for (int d = 0; d < 40; d++) {
            if (shown.contains(d)) continue;
            float[] v = CnnTraces.untrained(d).layers().get(0).tensor("z").data();
            int plane = 28 * 28;
            float peak = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < plane; j++) peak = Math.max(peak, v[2 * plane + j]);
            assertTrue(peak <= previous + 1e-5f, "digit " + d + " peaks at " + peak + ", above the last shown " + previous);
        }
    }

    @Test
    void choosingAnotherFilterAsksTheEngineForItsRanking() throws Exception {
        vm.prepareNow(null, 0);
        assertEquals(0, vm.frameProperty().get().top().filter());
        vm.filterProperty().set(3);
        long end = System.nanoTime() + 60_000_000_000L;
        while (!vm.idle() || !ui.isEmpty()) {
            Runnable r = ui.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (r != null) r.run();
            assertTrue(System.nanoTime() < end, "the engine did not answer in a minute");
        }
        assertEquals(3, vm.frameProperty().get().top().filter());
    }
}
