package backprop.app.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.StudioApp;
import backprop.app.shell.StudioShell;
import backprop.app.views.StudioViews;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecReader;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The view in the real window: the rail shows it, the transport keys train and step its history
 * once per press (in presenter mode too), and a network file is refused in one sentence, here
 * and, for a sequence network, in the playground and the step-through view.
 */
@ExtendWith(ApplicationExtension.class)
class RecurrentInShellTest {
    private StudioShell shell;

    @Start
    void start(Stage stage) {
        StudioApp app = new StudioApp(StudioViews.registry(), false);
        app.start(stage);
        shell = app.shell();
    }

    private RecurrentViewModel open(FxRobot robot) throws Exception {
        robot.clickOn("#nav-recurrent");
        assertEquals("recurrent", shell.viewModel().getCurrentViewId());
        RecurrentViewModel vm = ((RecurrentView) shell.currentView()).viewModel();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.frame() != null && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return vm;
    }

    private static void press(FxRobot robot, RecurrentViewModel vm, KeyCode key, int frames, long step) throws Exception {
        robot.type(key);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.history().size() == frames && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(step, vm.frame().step(), key.toString());
    }

    @Test
    void transportKeysTrainAndStepTheHistoryOnce(FxRobot robot) throws Exception {
        RecurrentViewModel vm = open(robot);
        press(robot, vm, KeyCode.RIGHT, 2, 1);      // at the newest frame: one more update
        press(robot, vm, KeyCode.RIGHT, 3, 2);
        press(robot, vm, KeyCode.LEFT, 3, 1);       // back through the history
        press(robot, vm, KeyCode.HOME, 3, 0);
        press(robot, vm, KeyCode.END, 3, 2);
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shell.viewModel().isPresenterMode());
        press(robot, vm, KeyCode.RIGHT, 4, 3);
        press(robot, vm, KeyCode.PAGE_UP, 4, 2);
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shell.currentView().stepText().get().startsWith("update 2 · t = 1 of 12"), shell.currentView().stepText().get());
    }

    @Test
    void networkFilesAreRefusedInOneSentence(FxRobot robot) throws Exception {
        open(robot);
        NetworkSpec lstm = SpecReader.parse("""
                {"format": "backprop-studio.network", "version": 1, "input": {"shape": [10, 1]}, "loss": "binary_cross_entropy",
                 "layers": [{"type": "lstm", "units": 4}, {"type": "dense", "units": 1, "activation": "sigmoid"}],
                 "dataset": {"name": "remember-first-bit"}}
                """, "bits.json");
        Optional<String> here = onFx(() -> shell.openNetwork("recurrent", lstm, "bits.json"));
        assertEquals(Optional.of("bits.json: " + RecurrentView.REFUSAL), here);
        Optional<String> playground = onFx(() -> shell.openNetwork("playground", lstm, "bits.json"));
        assertTrue(playground.orElseThrow().contains("sequence of 10 steps"), playground.toString());
        Optional<String> backprop = onFx(() -> shell.openNetwork("backprop", lstm, "bits.json"));
        assertTrue(backprop.orElseThrow().contains("sequence of 10 steps"), backprop.toString());
        assertEquals("recurrent", shell.viewModel().getCurrentViewId());
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(work);
        javafx.application.Platform.runLater(task);
        return task.get(30, TimeUnit.SECONDS);
    }
}
