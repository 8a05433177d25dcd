package backprop.app.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The computational graph e = (a+b)(b+1): values and gradients shown, and recomputed when a changes. */
@ExtendWith(ApplicationExtension.class)
class GraphModeFxTest extends BackpropViewFxBase {
    @Test
    void showsTheDecksNumbersAndUpdatesAfterChangingA(FxRobot robot) {
        robot.clickOn("#bp-mode-graph");
        assertEquals("c = a + b = 2 + 1 = 3", text(robot, "#graph-formula-text"));
        robot.clickOn("#bp-end");
        String values = text(robot, "#graph-values");
        assertTrue(values.contains("e = 6"), values);
        assertTrue(values.contains("∂e/∂b = 5"), values);
        assertTrue(values.contains("∂e/∂a = 2"), values);
        robot.clickOn("#bp-step-back");
        robot.clickOn("#bp-step-back");
        assertEquals("∂e/∂c = ∂e/∂e · d = 1 × 2 = 2", text(robot, "#graph-formula-text"));
        robot.clickOn("#bp-step-forward");
        assertEquals("∂e/∂b = ∂e/∂c · 1 + ∂e/∂d · 1 = 2 × 1 + 3 × 1 = 5", text(robot, "#graph-formula-text"));

        robot.doubleClickOn("#graph-a .text-field").eraseText(4).write("3").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3.0, view.graphViewModel().aProperty().get());
        values = text(robot, "#graph-values");
        // c = 4, d = 2, e = 8; ∂e/∂a = d = 2; ∂e/∂b = d + c = 6
        assertTrue(values.contains("c = 4"), values);
        assertTrue(values.contains("e = 8"), values);
        assertTrue(values.contains("∂e/∂b = 6"), values);
        assertEquals("∂e/∂b = ∂e/∂c · 1 + ∂e/∂d · 1 = 2 × 1 + 4 × 1 = 6", text(robot, "#graph-formula-text"));
    }
}
