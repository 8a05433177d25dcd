package backprop.app.backprop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.timeline.StepKind;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Renders the view at the headless screen size at a few timeline positions and saves PNGs to look at. */
@ExtendWith(ApplicationExtension.class)
class BackpropViewLookTest extends BackpropViewFxBase {
    @Test
    void snapshots(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.viewModel().timeline() != null);
        BackpropViewModel vm = view.viewModel();
        String[] names = {"forward", "delta-hidden", "grad", "update"};
        StepKind[] kinds = {StepKind.FORWARD_A, StepKind.DELTA, StepKind.GRAD_W, StepKind.UPDATE_W};
        int[] layers = {0, 0, 1, 0};
        int[] units = {1, 1, 0, 1};
        for (int k = 0; k < names.length; k++) {
            int idx = vm.timeline().indexOf(kinds[k], layers[k], units[k], 1);
            robot.interact(() -> vm.seek(idx));
            WaitForAsyncUtils.waitForFxEvents();
            String name = names[k];
            robot.interact(() -> BackpropScreenshots.save(view.root(), "bp-1280-" + name));
        }
        robot.interact(() -> vm.predictModeProperty().set(true));
        robot.interact(() -> vm.stepForward());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> BackpropScreenshots.save(view.root(), "bp-1280-predict"));
        robot.interact(() -> vm.predictModeProperty().set(false));
        robot.clickOn("#bp-mode-graph");
        robot.interact(() -> { view.graphViewModel().end(); });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> BackpropScreenshots.save(view.root(), "bp-1280-graph"));
        assertTrue(BackpropScreenshots.file("bp-1280-graph").length() > 0);
    }
}
