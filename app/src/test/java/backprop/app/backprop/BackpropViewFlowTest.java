package backprop.app.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.math.Num;
import backprop.app.timeline.XorTraces;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.StepTrace;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the view with clicks: step forward to δ of h1, check the shown formula carries the
 * engine's numbers (from an independent engine run with the same seed), step back, and check
 * the previous step's numbers are back.
 */
@ExtendWith(ApplicationExtension.class)
class BackpropViewFlowTest extends BackpropViewFxBase {
    private static String formula(FxRobot robot) {
        return text(robot, "#bp-formula-text");
    }

    @Test
    void stepsToADeltaAndBackShowingTheEnginesNumbers(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.viewModel().timeline() != null);
        // The view opens on sample 4, x = (1, 1): the first with every input non-zero.
        StepTrace engine = XorTraces.first();
        LayerTrace hidden = engine.layers().get(0), out = engine.layers().get(1);
        assertEquals("a_h1 = Σ_i w_i,h1 z_i + b_h1 = " + Num.paren(hidden.weights()[0][0]) + " × " + Num.paren(engine.input()[3][0]) + " + "
                + Num.paren(hidden.weights()[1][0]) + " × " + Num.paren(engine.input()[3][1]) + " + " + Num.paren(hidden.bias()[0]) + " = "
                + Num.fmt(hidden.a()[3][0]), formula(robot));

        // 6 forward steps, the loss, δ of the output: the 9th step is δ of h1.
        for (int i = 0; i < 8; i++) robot.clickOn("#bp-step-forward");
        String text = formula(robot);
        assertEquals("δ_h1 = g'(a_h1) · Σ_k w_h1,k δ_k = " + Num.paren(hidden.gPrime()[3][0]) + " × (" + Num.paren(out.weights()[0][0]) + " × "
                + Num.paren(out.delta()[3][0]) + ") = " + Num.fmt(hidden.delta()[3][0]), text);
        assertEquals("9 / 28", text(robot, "#bp-position"));
        assertEquals("step 0 · δ of h1 (9/28)", view.stepText().get());

        robot.clickOn("#bp-step-back");
        assertEquals("δ_o = −(y − z_o) g'(a_o) = −(" + Num.fmt(engine.target()[3][0]) + " − " + Num.fmt(out.z()[3][0]) + ") × "
                + Num.paren(out.gPrime()[3][0]) + " = " + Num.fmt(out.delta()[3][0]), formula(robot));

        // Another sample: the same step now shows that sample's numbers.
        robot.clickOn("#bp-sample").clickOn("sample 3: x = (1, 0), y = 1");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(formula(robot).endsWith("= " + Num.fmt(out.delta()[2][0])), formula(robot));

        // Record a second training step: its numbers are the engine's second step.
        robot.clickOn("#bp-train-1");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.viewModel().history().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        StepTrace second = XorTraces.steps(2).get(1);
        assertTrue(formula(robot).endsWith("= " + Num.fmt(second.layers().get(1).delta()[2][0])), formula(robot));
        assertTrue(text(robot, "#bp-history-text").startsWith("training step 1 of 1"));
    }

    @Test
    void playAdvancesAndPauses(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.viewModel().timeline() != null);
        robot.interact(() -> view.viewModel().speedProperty().set(12));
        robot.clickOn("#bp-play");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.viewModel().indexProperty().get() >= 3);
        robot.clickOn("#bp-play");
        assertTrue(!view.transport().playingProperty().get());
        int at = view.viewModel().indexProperty().get();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertEquals(at, view.viewModel().indexProperty().get());
        robot.clickOn("#bp-end");
        assertEquals("28 / 28", text(robot, "#bp-position"));
        robot.clickOn("#bp-home");
        assertEquals("1 / 28", text(robot, "#bp-position"));
    }

    @Test
    void prepareForExportPositionsTheTimelineSynchronously(FxRobot robot) {
        robot.interact(() -> view.prepareForExport(null, 0, 8));
        StepTrace engine = XorTraces.first();
        assertTrue(formula(robot).startsWith("δ_h1 = "), formula(robot));
        assertTrue(formula(robot).endsWith("= " + Num.fmt(engine.layers().get(0).delta()[3][0])));
        assertEquals("step 0 · δ of h1 (9/28)", view.stepText().get());
        assertEquals(2, view.seed());
    }

    @Test
    void arrowKeysStepWhenTheViewHasFocus(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.viewModel().timeline() != null);
        robot.clickOn(".network-diagram");
        robot.type(javafx.scene.input.KeyCode.RIGHT, 3);
        assertEquals("4 / 28", text(robot, "#bp-position"));
        robot.type(javafx.scene.input.KeyCode.LEFT);
        assertEquals("3 / 28", text(robot, "#bp-position"));
        robot.type(javafx.scene.input.KeyCode.END);
        assertEquals("28 / 28", text(robot, "#bp-position"));
    }
}
