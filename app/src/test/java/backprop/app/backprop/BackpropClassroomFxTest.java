package backprop.app.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** What a teacher meets in the first minutes of the Backprop view (issue 16). */
@ExtendWith(ApplicationExtension.class)
class BackpropClassroomFxTest extends BackpropViewFxBase {
    private void ready() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.viewModel().timeline() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensOnASampleWhoseProductsAreNotAllZero(FxRobot robot) throws Exception {
        ready();
        float[] x = view.viewModel().timeline().trace().input()[view.viewModel().sampleProperty().get()];
        for (float v : x) assertTrue(v != 0, "every input of the opening sample is non-zero");
        assertEquals("sample 4: x = (1, 1), y = 0", robot.lookup("#bp-sample").queryAs(ComboBox.class).getValue());
        assertTrue(text(robot, "#bp-formula-text").contains("× 1.0000"), text(robot, "#bp-formula-text"));
    }

    @Test
    void firstRightArrowAfterChoosingASampleSteps(FxRobot robot) throws Exception {
        ready();
        robot.clickOn("#bp-sample").clickOn("sample 3: x = (1, 0), y = 1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, view.viewModel().sampleProperty().get());
        int before = view.viewModel().indexProperty().get();
        robot.type(KeyCode.RIGHT);
        assertEquals(before + 1, view.viewModel().indexProperty().get(), "→ with the sample menu focused");
        assertEquals(2, view.viewModel().sampleProperty().get(), "→ steps instead of changing the sample");
        robot.clickOn("#bp-history");
        robot.type(KeyCode.RIGHT);
        assertEquals(before + 2, view.viewModel().indexProperty().get(), "→ with the history slider focused");
    }

    @Test
    void typingAGuessKeepsTheArrowKeys(FxRobot robot) throws Exception {
        ready();
        robot.clickOn("#bp-predict");
        robot.clickOn("#bp-guess").write("0.5");
        int before = view.viewModel().indexProperty().get();
        robot.type(KeyCode.LEFT);
        assertEquals(before, view.viewModel().indexProperty().get(), "← moves the caret in the guess field");
    }

    @Test
    void speedLabelAndLossMeaning(FxRobot robot) throws Exception {
        ready();
        assertEquals("1.5 steps/s", view.transport().speedText().get(), "the shell toolbar's speed text");
        assertEquals("1.5 steps/s", text(robot, "#bp-speed"));
        robot.interact(() -> view.transport().faster());
        assertEquals("2 steps/s", view.transport().speedText().get());
        Label history = robot.lookup("#bp-history-text").queryAs(Label.class);
        assertTrue(history.getTooltip().getText().contains("R = (1/N) Σ_n L_n"), history.getTooltip().getText());
        Point2D c = view.diagram().lossPanelCentre();
        assertNotNull(c, "the loss panel is drawn");
        String tip = view.diagram().tooltipAt(c.getX(), c.getY());
        assertNotNull(tip);
        assertTrue(tip.startsWith("Loss R:") && tip.contains("R = (1/N) Σ_n L_n"), tip);
        assertNull(view.diagram().tooltipAt(2, 2), "no loss tooltip away from the panel");
    }

    @Test
    void exportStepIsATrainingStepAndSubstepMovesAlongIt(FxRobot robot) throws Exception {
        ready();
        robot.interact(() -> view.prepareForExport(null, 3));
        assertTrue(text(robot, "#bp-history-text").startsWith("training step 3 of 3"), text(robot, "#bp-history-text"));
        assertEquals("1 / 28", text(robot, "#bp-position"));
        robot.interact(() -> view.prepareForExport(null, 2, 9));
        assertTrue(text(robot, "#bp-history-text").startsWith("training step 2 of 2"), text(robot, "#bp-history-text"));
        assertEquals("10 / 28", text(robot, "#bp-position"));
        RuntimeException[] past = new RuntimeException[1];
        robot.interact(() -> past[0] = assertThrows(IllegalArgumentException.class, () -> view.prepareForExport(null, 0, 28)));
        assertTrue(past[0].getMessage().contains("0 to 27"), past[0].getMessage());
    }
}
