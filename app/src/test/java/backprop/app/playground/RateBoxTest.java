package backprop.app.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.export.HeadlessRenderer;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The learning-rate box: a wide list in plain decimals, any positive rate typed, anything else refused with a reason at the box. */
class RateBoxTest {
    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    @Test
    void theListRunsFromTinyToHugeInPlainDecimalsAndTypedRatesApplyOrAreRefusedWithAReason() throws Exception {
        PlaygroundViewModel vm = FxTesting.onFx(() -> new PlaygroundViewModel(Platform::runLater));
        try {
            FxTesting.onFx(() -> {
                SettingsPanel panel = new SettingsPanel(vm);
                FxTesting.mount(panel, 400, 900);
                @SuppressWarnings("unchecked")
                ComboBox<Double> rate = (ComboBox<Double>) panel.lookup("#pg-learning-rate");
                List<String> shown = rate.getItems().stream().map(v -> rate.getConverter().toString(v)).toList();
                assertEquals("0.00001", shown.get(0), shown.toString());
                assertEquals("100", shown.get(shown.size() - 1), shown.toString());
                assertTrue(shown.stream().noneMatch(t -> t.contains("e") || t.contains("E")), shown.toString());
                assertTrue(rate.isEditable(), "a rate can be typed");

                rate.getEditor().setText("50");
                rate.commitValue();
                assertEquals(50.0, vm.setup().learningRate(), "a typed rate off the list trains");
                Label error = (Label) panel.lookup("#pg-rate-error");
                assertFalse(error.isVisible());

                for (String bad : List.of("-1", "0", "fast")) {
                    rate.getEditor().setText(bad);
                    rate.commitValue();
                    assertEquals(50.0, vm.setup().learningRate(), bad + " keeps the rate");
                    assertTrue(error.isVisible(), bad + ": a reason at the box");
                    assertTrue(error.getText().startsWith("learning rate: "), error.getText());
                }
                assertTrue(error.getText().contains("not a number"), error.getText());
                return null;
            });
        } finally {
            FxTesting.onFx(() -> { vm.dispose(); return null; });
        }
    }
}
