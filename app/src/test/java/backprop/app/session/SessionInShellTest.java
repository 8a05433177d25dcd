package backprop.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.StudioApp;
import backprop.app.shell.StudioShell;
import backprop.app.theme.Theme;
import backprop.app.views.StudioViews;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Ctrl+Shift+S and Ctrl+O in the real window: save the Vanishing view's session, leave, come back through the file. */
@ExtendWith(ApplicationExtension.class)
class SessionInShellTest {
    @TempDir Path dir;
    private StudioShell shell;

    @Start
    void start(Stage stage) {
        StudioApp app = new StudioApp(StudioViews.registry(), false);
        app.start(stage);
        shell = app.shell();
    }

    @Test
    void saveLeaveAndReopen(FxRobot robot) throws Exception {
        Path file = dir.resolve("lesson.bpsession");
        shell.setSessionChooser(owner -> Optional.of(file));
        robot.clickOn("#nav-text");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.S).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shell.viewModel().messageProperty().get().contains("Text does not keep sessions yet"), shell.viewModel().messageProperty().get());
        assertFalse(Files.exists(file), "nothing written for a view without sessions");

        robot.clickOn("#nav-gradients");
        robot.interact(() -> shell.viewModel().setTheme(Theme.DARK));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.S).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("saved session lesson.bpsession", shell.viewModel().messageProperty().get());
        assertTrue(Files.readString(file).contains("\"view\" : \"gradients\""));

        robot.clickOn("#nav-backprop");
        robot.interact(() -> shell.viewModel().setTheme(Theme.LIGHT));
        robot.interact(() -> shell.openFile(file));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("gradients", shell.viewModel().getCurrentViewId());
        assertEquals(Theme.DARK, shell.viewModel().getTheme());
        assertEquals("opened session lesson.bpsession", shell.viewModel().messageProperty().get());
        assertEquals(file.toAbsolutePath(), shell.recentFiles().get(0), "saved and opened files are listed as recent");

        // The recent list in the toolbar opens it again.
        robot.clickOn("#nav-backprop");
        robot.clickOn("#tb-recent");
        robot.clickOn("lesson.bpsession");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("gradients", shell.viewModel().getCurrentViewId());

        Files.writeString(file, "{\"format\": \"backprop-studio.session\", \"version\": 2, \"view\": \"depth\", \"state\": {}}");
        robot.clickOn("#nav-backprop");
        robot.interact(() -> shell.openFile(file));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("backprop", shell.viewModel().getCurrentViewId(), "a refused session changes nothing");
        assertTrue(shell.viewModel().messageProperty().get().startsWith("lesson.bpsession: $.version: written by a newer"), shell.viewModel().messageProperty().get());
    }
}
