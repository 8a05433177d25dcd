package backprop.app.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The decks' two examples as presets of the "one window at a time" panel, driven with the mouse. */
@ExtendWith(ApplicationExtension.class)
class CnnConvPresetFxTest {
    private CnnView view;

    @BeforeEach
    void showView() throws Exception {
        FxToolkit.setupStage(stage -> {
            view = new CnnView();
            stage.setScene(new Scene((Parent) view.root(), 1280, 800));
            stage.show();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.viewModel().frameProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() { view.dispose(); }

    private static String text(FxRobot robot, String id) { return robot.lookup(id).queryAs(Label.class).getText(); }

    @SuppressWarnings("unchecked")
    private static Spinner<Integer> spinner(FxRobot robot, String id) { return robot.lookup(id).queryAs(Spinner.class); }

    @Test
    void theDecksExamplesShowTheirSizesAndParameters(FxRobot robot) {
        robot.clickOn("#cnn-preset-32");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("(32 + 2·2 − 5) / 1 + 1 = 32", text(robot, "#cnn-formula"));
        assertEquals("32×32×3 → 10 filters of 5×5×3 → 32×32×10", text(robot, "#cnn-preset-shapes"));
        assertTrue(text(robot, "#cnn-preset-counts").startsWith("10·(5·5·3 + 1) = 760 parameters"), text(robot, "#cnn-preset-counts"));
        assertEquals(1, spinner(robot, "#cnn-stride").getValue(), "the spinners show the deck's stride");
        assertEquals(2, spinner(robot, "#cnn-padding").getValue(), "and its padding");

        robot.clickOn("#cnn-preset-56");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("(56 + 2·0 − 1) / 1 + 1 = 56", text(robot, "#cnn-formula"));
        assertEquals("56×56×64 → 32 filters of 1×1×64 → 56×56×32", text(robot, "#cnn-preset-shapes"));
        assertTrue(text(robot, "#cnn-preset-counts").startsWith("32·(1·1·64 + 1) = 2,080 parameters"), text(robot, "#cnn-preset-counts"));
        assertEquals(0, spinner(robot, "#cnn-padding").getValue());
    }

    @Test
    void theSpinnersKeepWorkingOnAPreset(FxRobot robot) {
        robot.clickOn("#cnn-preset-32");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> spinner(robot, "#cnn-stride").getValueFactory().setValue(2));
        WaitForAsyncUtils.waitForFxEvents();
        // (32 + 4 − 5) / 2 + 1 = 16.5: the engine's sentence of why it does not fit, in the error style.
        Label formula = robot.lookup("#cnn-formula").queryAs(Label.class);
        assertTrue(formula.getText().startsWith("(32 + 2·2 − 5) / 2 + 1 = 16.5 is not a whole number"), formula.getText());
        assertTrue(formula.getStyleClass().contains(backprop.app.theme.Styles.CNN_FORMULA_ERROR), "shown as an error");
        // 32 + 2P − 5 is odd for every P, so stride 2 never fits this kernel: back to 1, without padding.
        robot.interact(() -> {
            spinner(robot, "#cnn-stride").getValueFactory().setValue(1);
            spinner(robot, "#cnn-padding").getValueFactory().setValue(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("(32 + 2·0 − 5) / 1 + 1 = 28", formula.getText());
        assertFalse(formula.getStyleClass().contains(backprop.app.theme.Styles.CNN_FORMULA_ERROR));
        assertEquals("32×32×3 → 10 filters of 5×5×3 → 28×28×10", text(robot, "#cnn-preset-shapes"));
        assertTrue(text(robot, "#cnn-preset-counts").startsWith("10·(5·5·3 + 1) = 760 parameters"));

        robot.clickOn("#cnn-preset-none");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(view.viewModel().explanationProperty().get().formula(), formula.getText(), "back to conv1 on the digit");
    }
}
