package backprop.app.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.work.EngineWorker;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The text view-model without JavaFX, on a small LSTM (8 units) so a few updates take a moment. */
class TextViewModelTest {
    private final ExecutorService engineThread = Executors.newSingleThreadExecutor();
    private final TextViewModel vm = new TextViewModel(new EngineWorker(engineThread, Runnable::run), 8);

    @AfterEach
    void stop() { vm.dispose(); }

    @Test
    void trainingAFewUpdatesMovesTheLoss() {
        vm.restartNow(0);
        TextFrame start = vm.frame();
        assertEquals(0, start.step());
        assertTrue(Float.isNaN(start.lastLoss()), "no update yet");
        vm.trainNow(5);
        TextFrame after = vm.frame();
        assertEquals(5, after.step());
        assertEquals(6, after.history().size(), "the start and one point per update");
        assertTrue(after.lastHeldOut() < start.lastHeldOut() - 0.05,
                "held-out loss per character " + start.lastHeldOut() + " → " + after.lastHeldOut());
        assertEquals(after.history().get(5).trainLoss(), after.lastLoss());
    }

    @Test
    void temperatureAndSeedChangeTheSampleAndTheSameChoicesRepeatIt() {
        vm.restartNow(3);
        String cool = vm.frame().sample();
        vm.temperatureProperty().set(1.8);
        vm.trainNow(0);
        String hot = vm.frame().sample();
        assertEquals(1.8, vm.frame().temperature());
        assertNotEquals(cool, hot);
        vm.temperatureProperty().set(0.7);
        vm.trainNow(0);
        assertEquals(cool, vm.frame().sample(), "same model, temperature and seed: same text");
        vm.resample();
        vm.trainNow(0);
        assertNotEquals(cool, vm.frame().sample());
        assertEquals(TextSession.SAMPLE_LENGTH, vm.frame().sample().codePointCount(0, vm.frame().sample().length()));
    }

    @Test
    void aPassageWithACharacterTheBookLacksIsRefusedAndTheOldMapsStay() {
        vm.restartNow(0);
        TextFrame before = vm.frame();
        vm.passageProperty().set("naïve ☃");
        vm.trainNow(0);
        assertTrue(vm.errorProperty().get().contains("not in the corpus"), vm.errorProperty().get());
        assertEquals(before, vm.frame());
        vm.passageProperty().set("Mr. Darcy");
        vm.trainNow(0);
        assertEquals("", vm.errorProperty().get());
        assertEquals(9, vm.frame().gates().length());
    }
}
