package backprop.app.vanishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.work.EngineWorker;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The vanishing view-model without JavaFX: the newest setup wins, nothing piles up, the T sweep stops at 100. */
class VanishingViewModelTest {
    private final ConcurrentLinkedQueue<Runnable> ui = new ConcurrentLinkedQueue<>();
    private final ExecutorService engineThread = Executors.newSingleThreadExecutor();
    private final VanishingViewModel vm = new VanishingViewModel(new EngineWorker(engineThread, ui::add));

    @AfterEach
    void stop() { vm.dispose(); }

    /** Delivers results as the FX thread would, until the engine has nothing more out. */
    private void pump() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!vm.idle() || !ui.isEmpty()) {
            Runnable r = ui.poll();
            if (r != null) r.run();
            else Thread.sleep(2);
            assertTrue(System.nanoTime() < deadline, "the engine did not answer");
        }
    }

    @Test
    void draggingASliderComputesOnlyTheFirstAndTheNewestSetup() throws InterruptedException {
        int[] frames = {0};
        vm.frameProperty().addListener((o, a, b) -> frames[0]++);
        for (int t = 10; t <= 40; t++) vm.setSteps(t); // one computation goes out; the rest only mark the newest
        pump();
        assertEquals(40, vm.frame().setup().steps());
        assertEquals(40, vm.frame().cell(backprop.engine.layers.recurrent.CellType.LSTM).toInput().length);
        assertTrue(frames[0] <= 2, frames[0] + " frames for 31 slider positions");
        assertEquals("T = 40 · W × 1 · clip at 1", vm.stepTextProperty().get());
    }

    @Test
    void theSweepGrowsTAndStopsAtTheEnd() throws InterruptedException {
        vm.setSteps(VanishingSetup.MAX_STEPS - 1);
        pump();
        vm.togglePlay();
        vm.tick();
        pump();
        assertEquals(VanishingSetup.MAX_STEPS, vm.frame().setup().steps());
        vm.tick();
        assertFalse(vm.playingProperty().get(), "at T = 100 play stops");
        vm.togglePlay(); // playing again from the end starts over
        assertEquals(VanishingSetup.MIN_STEPS, vm.setupProperty().get().steps());
        vm.home();
        vm.stepBack();
        assertEquals(VanishingSetup.MIN_STEPS, vm.setupProperty().get().steps(), "T never goes below 2");
        pump();
    }
}
