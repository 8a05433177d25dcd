package backprop.app.backprop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.math.Num;
import backprop.app.timeline.Guess;
import backprop.app.timeline.StepKind;
import backprop.app.timeline.XorTraces;
import backprop.engine.models.BuiltinModels;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import backprop.engine.spec.SpecReader;
import backprop.engine.trace.StepTrace;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The view-model without any UI: results are applied on the calling thread. */
class BackpropViewModelTest {
    private final BackpropViewModel vm = new BackpropViewModel(Runnable::run);

    @AfterEach
    void close() { vm.dispose(); }

    @Test
    void loadsTheXorNetAndShowsTheEnginesFirstStep() {
        vm.loadNow(null);
        assertEquals("", vm.errorProperty().get());
        assertEquals("xor", vm.modelNameProperty().get());
        assertEquals(2, vm.seed());
        assertEquals(28, vm.timeline().size());
        assertEquals(4, vm.sampleLabelsProperty().get().size());
        assertEquals("sample 2: x = (0, 1), y = 1", vm.sampleLabelsProperty().get().get(1));
        StepTrace expected = XorTraces.first();
        // Opens on sample 4, x = (1, 1), not (0, 0) where every product is 0 · w.
        assertEquals(3, vm.sampleProperty().get());
        assertEquals(expected.layers().get(0).a()[3][0], vm.currentStepProperty().get().value(), 0.0);
        assertEquals("step 0 · a of h1 (1/28)", vm.stepTextProperty().get());
    }

    @Test
    void stepsForwardBackHomeEndAndSeekStayInRange() {
        vm.loadNow(null);
        vm.stepBack();
        assertEquals(0, vm.indexProperty().get());
        vm.stepForward();
        vm.stepForward();
        assertEquals(2, vm.indexProperty().get());
        assertEquals(StepKind.FORWARD_A, vm.currentStepProperty().get().kind());
        assertEquals(1, vm.currentStepProperty().get().unit());
        vm.stepBack();
        assertEquals(StepKind.FORWARD_Z, vm.currentStepProperty().get().kind());
        vm.end();
        assertEquals(27, vm.indexProperty().get());
        vm.stepForward();
        assertEquals(27, vm.indexProperty().get());
        vm.seek(100);
        assertEquals(27, vm.indexProperty().get());
        vm.home();
        assertEquals(0, vm.indexProperty().get());
        vm.seek(6);
        assertEquals(StepKind.LOSS, vm.currentStepProperty().get().kind());
        assertTrue(vm.formulaTextProperty().get().endsWith("= " + Num.fmt(XorTraces.first().loss())));
    }

    @Test
    void recordsAHistoryOfTrainingStepsThatMatchesAnIndependentRun() {
        vm.loadNow(null);
        vm.trainNow(3);
        List<StepTrace> expected = XorTraces.steps(4);
        assertEquals(4, vm.history().size());
        assertEquals(3, vm.historyIndexProperty().get());
        for (int k = 0; k < 4; k++) {
            assertEquals(k, vm.history().get(k).step());
            assertEquals(expected.get(k).loss(), vm.history().get(k).loss(), 0.0);
        }
        // "before the update" of step k+1 is "after the update" of step k
        assertArrayEquals(vm.history().get(1).layers().get(0).weightsAfter()[0], vm.history().get(2).layers().get(0).weights()[0]);
        vm.seek(10);
        vm.historyIndexProperty().set(0);
        assertEquals(10, vm.indexProperty().get(), "rewinding the history keeps the position in the step");
        assertEquals(0, vm.timeline().trace().step());
        assertTrue(vm.historyTextProperty().get().startsWith("training step 0 of 3"));
        assertTrue(vm.historyTextProperty().get().endsWith(" · computed by " + backprop.engine.backend.Backends.current().name()),
                "the view says which backend computed the trace: " + vm.historyTextProperty().get());
    }

    @Test
    void loadingAnotherNetworkReplacesTheHistoryCleanly() throws Exception {
        vm.loadNow(null);
        vm.trainNow(2);
        vm.seek(20);
        vm.loadNow(BuiltinModels.spec("encoder-838"));
        assertEquals("", vm.errorProperty().get());
        assertEquals(1, vm.history().size());
        assertEquals(0, vm.historyIndexProperty().get());
        assertEquals(0, vm.indexProperty().get());
        assertEquals("encoder-838", vm.modelNameProperty().get());
        assertEquals(8, vm.sampleLabelsProperty().get().size());
    }

    @Test
    void sampleSelectsWhichSamplesForwardValuesAreShown() {
        vm.loadNow(null);
        vm.seek(3);
        vm.sampleProperty().set(2);
        assertEquals(3, vm.indexProperty().get());
        assertEquals(2, vm.currentStepProperty().get().sample());
        assertEquals(XorTraces.first().layers().get(0).z()[2][1], vm.currentStepProperty().get().value(), 0.0);
    }

    @Test
    void predictModeHidesTheNextValueUntilGuessed() {
        vm.loadNow(null);
        vm.predictModeProperty().set(true);
        assertTrue(vm.currentHiddenProperty().get());
        assertTrue(vm.formulaTextProperty().get().endsWith("= ?"));
        double actual = vm.currentStepProperty().get().value();
        assertEquals(Guess.Verdict.WRONG, vm.submitGuess(Num.fmt(actual + 0.5)));
        assertFalse(vm.currentHiddenProperty().get());
        assertTrue(vm.feedbackProperty().get().startsWith("Not quite"));
        assertTrue(vm.formulaTextProperty().get().endsWith("= " + Num.fmt(actual)));
        vm.stepForward();
        assertTrue(vm.currentHiddenProperty().get());
        assertEquals(Guess.Verdict.UNREADABLE, vm.submitGuess("no idea"));
        assertTrue(vm.currentHiddenProperty().get(), "an unreadable guess does not reveal");
        assertEquals(Guess.Verdict.CORRECT, vm.submitGuess(Num.fmt(vm.currentStepProperty().get().value())));
        assertTrue(vm.feedbackProperty().get().startsWith("Correct"));
        vm.stepBack();
        assertFalse(vm.currentHiddenProperty().get(), "values already revealed stay revealed");
    }

    @Test
    void playbackTicksToTheEndAndWaitsAtHiddenValues() {
        vm.loadNow(null);
        vm.togglePlay();
        assertTrue(vm.playingProperty().get());
        for (int i = 0; i < 40; i++) vm.tick();
        assertEquals(27, vm.indexProperty().get());
        assertFalse(vm.playingProperty().get());
        vm.togglePlay();
        assertEquals(0, vm.indexProperty().get(), "play at the end starts over");
        vm.predictModeProperty().set(true);
        assertFalse(vm.playingProperty().get());
        vm.playingProperty().set(true);
        vm.tick();
        assertEquals(0, vm.indexProperty().get());
    }

    @Test
    void speedMovesThroughItsSteps() {
        double s = vm.speedProperty().get();
        vm.faster();
        assertTrue(vm.speedProperty().get() > s);
        for (int i = 0; i < 20; i++) vm.slower();
        assertEquals(BackpropViewModel.SPEEDS[0], vm.speedProperty().get());
    }

    @Test
    void loadsTheEncoderAndRejectsNetworksTooBigToStepThrough() throws Exception {
        vm.loadNow(BuiltinModels.spec("encoder-838"));
        assertEquals("", vm.errorProperty().get());
        // 11 nodes × (a, z), the loss, 11 δ, 48 weights + 11 biases twice (gradient, update)
        assertEquals(22 + 1 + 11 + 59 + 59, vm.timeline().size());
        NetworkSpec xor = BuiltinModels.spec("xor");
        NetworkSpec wide = xor.withLayers(List.of(LayerSpec.dense(30, "sigmoid"), LayerSpec.dense(1, "sigmoid")));
        vm.loadNow(wide);
        assertTrue(vm.errorProperty().get().contains("too big to step through"), vm.errorProperty().get());
        assertNotNull(vm.timeline(), "the previous network stays on screen");
        NetworkSpec dropout = xor.withLayers(List.of(LayerSpec.dense(2, "sigmoid"),
                new backprop.engine.layers.dropout.DropoutSpec(NetworkSpec.Common.NONE, 0.5f), LayerSpec.dense(1, "sigmoid")));
        vm.loadNow(dropout);
        assertTrue(vm.errorProperty().get().contains("dense layers only"), vm.errorProperty().get());
    }

    @Test
    void disposeStopsTheEngineThread() throws Exception {
        BackpropViewModel other = new BackpropViewModel(Runnable::run);
        other.loadNow(null);
        assertTrue(engineThreads() >= 1);
        other.dispose();
        vm.dispose();
        for (int i = 0; i < 100 && engineThreads() > 0; i++) Thread.sleep(20);
        assertEquals(0, engineThreads());
    }

    @Test
    void theShellsWorkerShutdownStopsTheEngineThreadToo() throws Exception {
        BackpropViewModel other = new BackpropViewModel(Runnable::run);
        other.loadNow(null);
        assertTrue(engineThreads() >= 1);
        assertTrue(backprop.app.work.Workers.shutdownAll(5_000), "the shell's shutdown ends the view-model's thread");
        // An executor counts as terminated a moment before its thread has quite finished exiting.
        for (int i = 0; i < 100 && engineThreads() > 0; i++) Thread.sleep(20);
        assertEquals(0, engineThreads());
    }

    private static final String ENGINE_PREFIX = backprop.app.work.Workers.THREAD_PREFIX + BackpropViewModel.ENGINE_THREAD + "-";

    private static long engineThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(ENGINE_PREFIX) && t.isAlive()).count();
    }

    @Test
    void aFileWhoseValidationSplitLeavesNoSampleIsRefusedOnTheWorkerAndTheNetworkStays() throws Exception {
        vm.loadNow(null);
        vm.trainNow(3);
        NetworkSpec split = SpecReader.parse("{\"format\": \"backprop-studio.network\", \"version\": 1, \"input\": {\"shape\": [2]}, "
                + "\"layers\": [{\"type\": \"dense\", \"units\": 1}], \"training\": {\"validationSplit\": 0.1}, \"dataset\": {\"name\": \"xor\"}}", "split.json");
        List<StepTrace> before = List.copyOf(vm.history());
        String shown = openAndWait(vm, split, "split.json");
        assertTrue(shown.startsWith("split.json: $.training.validationSplit: 0.1 of 4 samples leaves no validation sample"), shown);
        assertEquals(before, vm.history(), "the history in front of the user is untouched");
        assertEquals("xor", vm.modelNameProperty().get());
        assertEquals("", vm.errorProperty().get(), "the refusal goes to whoever opened the file, once");
    }

    @Test
    void runningOutOfMemoryWhileBuildingIsOneLineTheOldNetworkStaysAndTheWorkerGoesOn() throws Exception {
        int[] calls = {0};
        BackpropViewModel v = new BackpropViewModel(new backprop.app.work.EngineWorker("backprop-test", Runnable::run), (spec, source) -> {
            if (calls[0]++ == 1) throw new OutOfMemoryError("Java heap space");
            if (calls[0] == 3) throw new IllegalStateException("line one\nline two");
            return BackpropSession.open(spec, source);
        });
        try {
            v.loadNow(null);
            v.trainNow(2);
            List<StepTrace> before = List.copyOf(v.history());
            String oom = openAndWait(v, BuiltinModels.spec("encoder-838"), "big.json");
            assertEquals("big.json: the network did not fit in memory; use fewer units or samples", oom);
            assertEquals(before, v.history());
            String odd = openAndWait(v, BuiltinModels.spec("encoder-838"), "odd.json");
            assertEquals("odd.json: line one\\nline two", odd, "escaped: one line");
            assertEquals(before, v.history());
            v.trainNow(1); // the worker is still there
            assertEquals(before.size() + 1, v.history().size());
            assertEquals("", v.errorProperty().get());
        } finally {
            v.dispose();
        }
    }

    @Test
    void aDivergingRateStopsWithOneLineNamingTheStepAndKeepsTheHistoryUpToThere() throws Exception {
        NetworkSpec fast = SpecReader.parse("{\"format\": \"backprop-studio.network\", \"version\": 1, \"input\": {\"shape\": [2]}, "
                + "\"layers\": [{\"type\": \"dense\", \"units\": 2, \"activation\": \"relu\"}, {\"type\": \"dense\", \"units\": 1, \"activation\": \"identity\"}], "
                + "\"loss\": \"mse\", \"training\": {\"learningRate\": 1000}, \"dataset\": {\"name\": \"xor\"}}", "fast.json");
        assertEquals(java.util.Optional.empty(), java.util.Optional.ofNullable(openAndWait(vm, fast, "fast.json")));
        vm.trainNow(100);
        String error = vm.errorProperty().get();
        assertTrue(error.startsWith("training stopped: the loss became ") && error.contains(" at step "), error);
        assertFalse(error.contains("\n"));
        long step = Long.parseLong(error.replaceAll(".* at step (\\d+).*", "$1"));
        assertEquals(step, vm.history().size(), "every step before the one that diverged is kept");
        assertEquals(step - 1, vm.history().get(vm.history().size() - 1).step());
        assertTrue(Float.isFinite(vm.history().get(vm.history().size() - 1).loss()));
        assertFalse(vm.playingProperty().get());
    }

    /**
     * Issue 16: an update that overflows to −∞ while the loss is still finite (3e36). The engine does
     * not stop such a step; the view must: on that value, named, with training and stepping ended there.
     */
    @Test
    void aStepHoldingANonFiniteValueStopsTheViewOnThatValue() throws Exception {
        NetworkSpec spec = SpecReader.parse("""
                {"format": "backprop-studio.network", "version": 1, "name": "overflowing-update", "input": {"shape": [2]},
                 "layers": [{"type": "dense", "units": 2, "activation": "relu", "weights": [[1e18, 1e18], [1e18, 1e18]]},
                            {"type": "dense", "units": 1, "activation": "identity", "weights": [[1], [1]]}],
                 "loss": "mse", "training": {"optimizer": "sgd", "learningRate": 1000, "epochs": 5}, "dataset": {"name": "xor"}}""",
                "overflowing-update.json");
        vm.loadNow(spec);
        assertTrue(vm.divergedProperty().get());
        assertEquals(1, vm.history().size(), "the step holding the value is kept");
        assertTrue(Float.isFinite(vm.history().get(0).loss()), "the loss itself was finite: " + vm.history().get(0).loss());
        var at = vm.currentStepProperty().get();
        assertEquals(StepKind.UPDATE_W, at.kind());
        assertEquals(Double.NEGATIVE_INFINITY, at.value());
        assertEquals(3, vm.sampleProperty().get(), "stays on the sample it opened on");
        String error = vm.errorProperty().get();
        assertEquals("Training step 0 stopped at its first value that is not a number: update w h1→o = −∞ (sample 4, part 26 of 28). "
                + "The steps before it are kept; a smaller learning rate avoids it.", error);
        int i = vm.indexProperty().get();
        vm.stepForward();
        vm.end();
        vm.seek(27);
        assertEquals(i, vm.indexProperty().get(), "nothing after the first non-finite value is shown");
        assertTrue(vm.atStopProperty().get(), "marked while shown");
        vm.stepBack();
        assertFalse(vm.atStopProperty().get());
        vm.end();
        vm.trainNow(5);
        assertEquals(1, vm.history().size(), "training does not go on past it");
        assertTrue(vm.historyTextProperty().get().contains("R = 3.000e36"), vm.historyTextProperty().get());
    }

    /** Opens through the shell's entry point and waits for its answer: null when opened, else the one line. */
    private static String openAndWait(BackpropViewModel v, NetworkSpec spec, String source) throws Exception {
        java.util.concurrent.CompletableFuture<java.util.Optional<String>> done = new java.util.concurrent.CompletableFuture<>();
        v.open(spec, source, done::complete);
        return done.get(30, java.util.concurrent.TimeUnit.SECONDS).orElse(null);
    }
}
