package backprop.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.export.HeadlessRenderer;
import backprop.app.theme.Styles;
import backprop.app.theme.Theme;
import backprop.app.theme.ThemeSupport;
import backprop.engine.models.BuiltinModels;
import java.nio.file.Files;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code render --view editor --step N}: the run panel is open and has trained N steps, and the canvas pictures them. */
class EditorExportStepTest {
    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    @Test
    void stepNTrainsNStepsInTheRunPanel() throws Exception {
        var spec = BuiltinModels.spec("encoder-838");
        EditorView view = HeadlessRenderer.onFxThread(() -> new EditorView(new RecoveryFile(Files.createTempDirectory("export-step").resolve("r.json"))));
        try {
            HeadlessRenderer.onFxThread(() -> {
                StackPane host = new StackPane(view.root());
                host.getStyleClass().addAll(Styles.APP, Styles.CENTER);
                ThemeSupport.install(new Scene(host, 1280, 800), Theme.LIGHT);
                host.applyCss();
                host.layout();
                view.prepareForExport(spec, 120);
                return null;
            });
            RunPanel panel = view.runPanel();
            assertTrue(view.root().lookup("#editor-run") != null, "the run panel is shown");
            assertEquals(120, panel.frame().steps());
            assertEquals("encoder-838", ((javafx.scene.control.ComboBox<?>) view.root().lookup("#run-dataset")).getValue(), "the file's own data set first");
            assertEquals(2, view.canvas().runLayers().size(), "both layers pictured");
            assertTrue(panel.status().startsWith("epoch "), panel.status());
            assertEquals(120, panel.frame().losses().size(), "one loss point per step");
        } finally {
            HeadlessRenderer.onFxThread(() -> { view.dispose(); return null; });
        }
    }
}
