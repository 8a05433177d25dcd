package backprop.app.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.StudioApp;
import backprop.app.shell.StudioShell;
import backprop.app.views.StudioViews;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The CNN view in the real window: the rail opens it, the presenter keys train it, step and pause it. */
@ExtendWith(ApplicationExtension.class)
class CnnInShellTest {
    private StudioShell shell;

    @Start
    void start(Stage stage) {
        StudioApp app = new StudioApp(StudioViews.registry(), false);
        app.start(stage);
        shell = app.shell();
    }

    @Test
    void theTransportKeysTrainAndStep(FxRobot robot) throws Exception {
        robot.clickOn("#nav-cnn");
        assertEquals("cnn", shell.viewModel().getCurrentViewId());
        CnnView view = (CnnView) shell.currentView();
        CnnViewModel vm = view.viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.frameProperty().get() != null && vm.idle());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, vm.frameProperty().get().step());

        robot.type(KeyCode.RIGHT); // one update
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.idle() && vm.frameProperty().get().step() == 1);

        robot.type(KeyCode.SPACE); // train
        assertTrue(vm.playingProperty().get());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.frameProperty().get().step() > 3);
        robot.type(KeyCode.SPACE); // pause
        assertFalse(vm.playingProperty().get());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, vm::idle);
        WaitForAsyncUtils.waitForFxEvents();
        long paused = vm.frameProperty().get().step();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(paused, vm.frameProperty().get().step(), "paused means no more updates");
        assertEquals(vm.stepTextProperty().get(), view.stepText().get());

        save(robot, view, "cnn-shell.png");
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shell.viewModel().isPresenterMode());
        save(robot, view, "cnn-shell-presenter.png");
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** With -Dcnn.look.dir=DIR, a snapshot of the window to look at. */
    private static void save(FxRobot robot, CnnView view, String name) {
        String dir = System.getProperty("cnn.look.dir");
        if (dir == null) return;
        robot.interact(() -> {
            try {
                backprop.app.export.PngFiles.write(view.root().getScene().snapshot(null), java.nio.file.Path.of(dir, name));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
