package backprop.app.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.StudioApp;
import backprop.app.shell.StudioShell;
import backprop.app.view.ViewRegistry;
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

/**
 * Inside the real window both the shell (scene filter) and the view (its own filter, for when it
 * runs alone) listen for the transport keys: one press must still move the timeline exactly once,
 * wherever the focus is, in and out of presenter mode.
 */
@ExtendWith(ApplicationExtension.class)
class BackpropInShellKeysTest {
    private StudioShell shell;

    @Start
    void start(Stage stage) {
        StudioApp app = new StudioApp(StudioViews.registry(), false);
        app.start(stage);
        shell = app.shell();
    }

    private BackpropViewModel open(FxRobot robot) throws Exception {
        robot.clickOn("#nav-backprop");
        assertEquals("backprop", shell.viewModel().getCurrentViewId());
        BackpropViewModel vm = ((BackpropView) shell.currentView()).viewModel();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.timeline() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return vm;
    }

    private static void pressOnce(FxRobot robot, BackpropViewModel vm, KeyCode key, int expectedMove, String where) {
        int before = vm.indexProperty().get();
        robot.type(key);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + expectedMove, vm.indexProperty().get(), key + " with focus on " + where);
    }

    @Test
    void theToolbarShowsTheViewsSpeed(FxRobot robot) throws Exception {
        open(robot);
        javafx.scene.control.Label speed = robot.lookup(".speed-label").queryAs(javafx.scene.control.Label.class);
        assertEquals("1.5 steps/s", speed.getText(), "the shell toolbar's speed label (it was blank in the Backprop view)");
        robot.type(KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2 steps/s", speed.getText());
    }

    @Test
    void rightStepsTheTimelineExactlyOnce(FxRobot robot) throws Exception {
        BackpropViewModel vm = open(robot);
        assertEquals(0, vm.indexProperty().get());
        pressOnce(robot, vm, KeyCode.RIGHT, 1, "the rail");

        robot.clickOn(".network-diagram"); // the diagram takes focus when clicked
        pressOnce(robot, vm, KeyCode.RIGHT, 1, "the diagram");
        pressOnce(robot, vm, KeyCode.LEFT, -1, "the diagram");

        robot.clickOn("#bp-mode-network"); // a toggle button inside the view (already selected: no change)
        pressOnce(robot, vm, KeyCode.RIGHT, 1, "a toggle button of the view");

        robot.clickOn("#bp-step-forward"); // a transport button of the view: its click steps once too
        WaitForAsyncUtils.waitForFxEvents();
        pressOnce(robot, vm, KeyCode.RIGHT, 1, "the view's step button");

        robot.clickOn("#bp-sample").clickOn("sample 3: x = (1, 0), y = 1"); // issue 16: the first → after this was lost
        WaitForAsyncUtils.waitForFxEvents();
        pressOnce(robot, vm, KeyCode.RIGHT, 1, "the sample menu just used");
        assertEquals(2, vm.sampleProperty().get(), "→ steps, it does not change the sample");

        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shell.viewModel().isPresenterMode());
        pressOnce(robot, vm, KeyCode.RIGHT, 1, "presenter mode");
        pressOnce(robot, vm, KeyCode.PAGE_DOWN, 1, "presenter mode (clicker)");
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
