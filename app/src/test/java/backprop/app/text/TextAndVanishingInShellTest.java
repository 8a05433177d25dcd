package backprop.app.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.StudioApp;
import backprop.app.shell.StudioShell;
import backprop.app.vanishing.VanishingSetup;
import backprop.app.vanishing.VanishingView;
import backprop.app.vanishing.VanishingViewModel;
import backprop.app.views.StudioViews;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Both views in the real window: the rail opens them after Recurrent, the shell's keys drive
 * their transports (space plays the LSTM's training on its worker while the window stays live;
 * → and ← change T in the vanishing view), and their buttons reach the engine.
 */
@ExtendWith(ApplicationExtension.class)
class TextAndVanishingInShellTest {
    private StudioShell shell;

    @Start
    void start(Stage stage) {
        StudioApp app = new StudioApp(StudioViews.registry(), false);
        app.start(stage);
        shell = app.shell();
    }

    @Test
    void spacePlaysTheTextViewsTrainingAndPausesIt(FxRobot robot) throws Exception {
        robot.clickOn("#nav-text");
        assertEquals("text", shell.viewModel().getCurrentViewId());
        TextViewModel vm = ((TextView) shell.currentView()).viewModel();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.frame() != null);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.playingProperty().get());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.frame().step() >= 3);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.playingProperty().get());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, vm::idle);
        WaitForAsyncUtils.waitForFxEvents();
        long step = vm.frame().step();
        assertTrue(robot.lookup("#tx-status").queryAs(Label.class).getText().startsWith("update " + step + " · "));
        assertEquals(shell.currentView().stepText().get(), "update " + step + " · " + backprop.app.math.Num.fixed(vm.frame().lastLoss(), 3) + " nats/char");
    }

    @Test
    void arrowsChangeTAndTheExplodingButtonScalesW(FxRobot robot) throws Exception {
        robot.clickOn("#nav-gradients");
        assertEquals("gradients", shell.viewModel().getCurrentViewId());
        VanishingViewModel vm = ((VanishingView) shell.currentView()).viewModel();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.frame() != null);
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.frame().setup().steps() == VanishingSetup.DEFAULT.steps() + 1);
        robot.clickOn("#vn-explode");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.frame().setup().scale() == VanishingSetup.EXPLODING_SCALE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.frame().rnnLargestSingular() > 3);
        String lambda = robot.lookup("#vn-lambda").queryAs(Label.class).getText();
        assertTrue(lambda.contains(backprop.app.math.Num.fixed(vm.frame().rnnLargestSingular(), 2)), lambda);
    }
}
