package backprop.app.backprop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.math.Num;
import backprop.app.timeline.XorTraces;
import backprop.engine.trace.StepTrace;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Predict, then reveal: the value is hidden, a wrong guess is flagged, the right one accepted. */
@ExtendWith(ApplicationExtension.class)
class PredictModeFxTest extends BackpropViewFxBase {
    @Test
    void flagsAWrongGuessAndAcceptsTheRightOne(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.viewModel().timeline() != null);
        StepTrace engine = XorTraces.first();
        int n = 3; // x = (1, 1): no zero inputs, so no value is trivially 0
        robot.interact(() -> view.viewModel().sampleProperty().set(n));
        robot.clickOn("#bp-predict");
        robot.clickOn("#bp-step-forward"); // z of h1
        assertTrue(text(robot, "#bp-formula-text").endsWith("= ?"), text(robot, "#bp-formula-text"));
        assertFalse(robot.lookup("#bp-guess").queryAs(TextField.class).isDisabled());

        robot.clickOn("#bp-guess").write("0.9");
        robot.clickOn("#bp-check");
        double z = engine.layers().get(0).z()[n][0];
        assertTrue(text(robot, "#bp-feedback").startsWith("Not quite"), text(robot, "#bp-feedback"));
        assertTrue(text(robot, "#bp-feedback").contains(Num.fmt(z)));
        // σ(0.4559) by hand is 0.6120; the engine's unrounded a gives 0.6121, so the formula says ≈.
        assertTrue(text(robot, "#bp-formula-text").endsWith("≈ " + Num.fmt(z)), text(robot, "#bp-formula-text"));
        assertTrue(robot.lookup("#bp-guess").queryAs(TextField.class).isDisabled(), "nothing left to guess");

        robot.clickOn("#bp-step-forward"); // a of h2
        double a = engine.layers().get(0).a()[n][1];
        assertTrue(text(robot, "#bp-formula-text").endsWith("= ?"));
        robot.clickOn("#bp-guess").write(String.format(Locale.ROOT, "%.3f", a));
        robot.clickOn("#bp-check");
        assertTrue(text(robot, "#bp-feedback").startsWith("Correct"), text(robot, "#bp-feedback"));
        assertTrue(text(robot, "#bp-formula-text").endsWith("≈ " + Num.fmt(a)), text(robot, "#bp-formula-text")); // 0.8029 + 0.9718 ≈ 1.7746
    }
}
