package backprop.app.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.draw.Metric;
import backprop.app.export.HeadlessRenderer;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A weight typed while the network trains: the field keeps the user's text, and the chart marks the edit and agrees with the loss figure. */
class EditWhileTrainingTest {
    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    @Test
    void aFocusedFieldDoesNotFollowTheLiveValue() throws Exception {
        FxTesting.onFx(() -> {
            WeightEditor editor = new WeightEditor();
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(editor), 300, 200));
            stage.show();
            float[] applied = {Float.NaN};
            editor.open("w11", -3.5f, v -> applied[0] = v, Color.WHITE, Color.GRAY, Color.BLACK);
            editor.field.requestFocus();
            assertTrue(editor.field.isFocused(), "the field has the focus");
            String before = editor.field.getText();
            editor.field.selectAll();
            editor.refresh(-3.6636f); // a training step moved the weight
            assertEquals(before, editor.field.getText(), "the text under the user's cursor stays");
            assertEquals(before.length(), editor.field.getSelection().getLength(), "and so does the selection");
            editor.field.replaceSelection("-3");
            editor.field.fireEvent(new javafx.event.ActionEvent());
            assertEquals(-3f, applied[0], "Enter applies what was typed");
            editor.field.replaceSelection("7");
            editor.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", javafx.scene.input.KeyCode.ESCAPE,
                    false, false, false, false));
            assertEquals(-3f, applied[0], "Esc applies nothing");
            assertTrue(!editor.isVisible(), "and closes the editor");
            stage.close();
            return null;
        });
    }

    @Test
    void anEditIsMarkedAndTheCurveEndsAtTheLossShown() {
        PlaygroundSession s = new PlaygroundSession();
        s.apply(Preset.LEARNED_XOR.setup());
        for (int i = 0; i < 20; i++) s.epoch();
        long step = s.frame().step();
        s.setWeight(1, 0, 0, -3f);
        PlaygroundFrame f = s.frame();
        Metric last = f.history().get(f.history().size() - 1);
        assertEquals(step, last.step());
        assertEquals(f.trainLoss(), last.trainLoss(), "the chart's label and the loss figure agree after an edit while paused");
        assertEquals(java.util.List.of(step), f.edits(), "the edit's step is kept for the chart's mark");
    }
}
