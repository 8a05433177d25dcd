package backprop.app.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The view-model without JavaFX running: its "UI thread" is this test, which pumps the results
 * the engine thread hands back, so every assertion sees a settled state.
 */
class PlaygroundViewModelTest {
    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final ExecutorService engine = Executors.newSingleThreadExecutor();
    private final PlaygroundViewModel vm = new PlaygroundViewModel(ui::add, engine);

    @AfterEach
    void stop() { vm.dispose(); }

    private void settle() throws InterruptedException {
        while (!vm.idle()) {
            Runnable r = ui.poll(30, TimeUnit.SECONDS);
            assertNotNull(r, "the engine answered");
            r.run();
        }
    }

    @Test
    void playSendsOneChunkAtATimeAndItsFrameShowsIt() throws Exception {
        settle();
        assertEquals(0, vm.frame().epoch());
        vm.playingProperty().set(true);
        vm.tick(1_000);
        vm.tick(2_000); // the first chunk is still out: nothing more is sent
        settle();
        int chunk = PlaygroundViewModel.EPOCHS_PER_FRAME[PlaygroundViewModel.DEFAULT_SPEED];
        assertEquals(chunk, vm.frame().epoch());
        assertEquals("epoch " + chunk + " · step " + vm.frame().step(), vm.stepTextProperty().get());
        vm.faster();
        vm.tick(3_000);
        settle();
        assertEquals(chunk + PlaygroundViewModel.EPOCHS_PER_FRAME[PlaygroundViewModel.DEFAULT_SPEED + 1], vm.frame().epoch());
        vm.togglePlay();
        vm.tick(4_000); // paused: no more training
        settle();
        assertFalse(vm.playingProperty().get());
    }

    @Test
    void aChunkStartsPaceOfTheFrameIntervalAfterItsPulseAndNeverWaitsLongerThanThat() {
        long period = 16_666_667L, pace = (long) (PlaygroundViewModel.PACE * period);
        assertEquals(pace, PlaygroundViewModel.paceDelay(1_000_000L, period, 1_000_000L), "sent as the pulse starts: waits the whole pace");
        assertEquals(pace - 2_000_000L, PlaygroundViewModel.paceDelay(1_000_000L, period, 3_000_000L), "2 ms into the pulse: 2 ms less");
        assertEquals(0, PlaygroundViewModel.paceDelay(1_000_000L, period, 1_000_000L + pace + 1), "already past: at once");
        assertEquals(0, PlaygroundViewModel.paceDelay(0, period, Long.MAX_VALUE / 2), "a pulse long gone: at once");
        assertEquals(pace, PlaygroundViewModel.paceDelay(Long.MAX_VALUE / 2, period, 0), "a clock that disagrees: never more than the pace");
    }

    @Test
    void divergingTrainingStopsWithAMessageAndKeepsTheSettings() throws Exception {
        settle();
        vm.update(s -> s.withOutput("identity").withLoss("mse").withOptimizer("sgd").withLearningRate(10.0));
        settle();
        PlaygroundSetup chosen = vm.setup();
        vm.playingProperty().set(true);
        for (int i = 0; i < 200 && vm.playingProperty().get(); i++) {
            vm.tick(i * 1_000_000L);
            settle();
        }
        assertFalse(vm.playingProperty().get(), "training stopped by itself");
        assertTrue(vm.messageProperty().get().startsWith("Training stopped: the loss became"), vm.messageProperty().get());
        assertEquals(chosen, vm.setup(), "the user's settings stay");
        assertNotNull(vm.frame());
    }

    @Test
    void impossibleSettingsAreRefusedWithAReason() throws Exception {
        settle();
        PlaygroundSetup before = vm.setup();
        vm.update(s -> s.withOutput("tanh"));
        assertEquals("binary cross-entropy needs probabilities: use a sigmoid output (or the mse loss)", vm.messageProperty().get());
        assertEquals(before, vm.setup());
        vm.update(s -> s.withLearningRate(-1));
        assertTrue(vm.messageProperty().get().contains("learning rate"), vm.messageProperty().get());
        vm.choose(Preset.PERCEPTRON_AND);
        vm.update(s -> s.withDataset("encoder-838"));
        assertTrue(vm.messageProperty().get().contains("2-D data"), vm.messageProperty().get());
        settle();
    }

    @Test
    void handBuiltStepUnitsCannotBePlayed() throws Exception {
        vm.choose(Preset.HANDBUILT_XOR);
        settle();
        vm.playingProperty().set(true);
        assertFalse(vm.playingProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Step units have no gradient"), vm.messageProperty().get());
    }

    @Test
    void layersAndUnitsStayWithinTheLimits() throws Exception {
        settle();
        for (int i = 0; i < 10; i++) vm.addLayer();
        assertEquals(PlaygroundSetup.MAX_LAYERS, vm.setup().hidden().size());
        for (int i = 0; i < 10; i++) vm.changeUnits(0, +1);
        assertEquals(PlaygroundSetup.MAX_UNITS, vm.setup().hidden().get(0).units());
        settle();
        assertEquals(PlaygroundSetup.MAX_UNITS, vm.frame().sizes()[1]);
        assertEquals(PlaygroundSetup.MAX_LAYERS + 2, vm.frame().sizes().length);
        vm.setActivation(0, "relu");
        settle();
        assertEquals("relu", vm.frame().activations().get(0));
    }
}
