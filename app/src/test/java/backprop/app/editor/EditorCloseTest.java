package backprop.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.StudioApp;
import backprop.app.shell.StudioShell;
import backprop.app.views.StudioViews;
import backprop.engine.models.BuiltinModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Closing the window over unsaved editor work asks Save / Don't save / Cancel, through the real
 * window's close request and the real dialog: Cancel keeps the window, the work and the editor in
 * front; Save writes the file and lets it close; Don't save lets it close and keeps no recovery file.
 */
@ExtendWith(ApplicationExtension.class)
class EditorCloseTest {
    private Stage stage;
    private StudioShell shell;
    private EditorView view;
    private Path dir;
    private Path recovery;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory("editor-close");
        recovery = dir.resolve("recovery.json");
        System.setProperty("backprop.editor.recovery", recovery.toString());
        StudioApp app = new StudioApp(StudioViews.registry(), false);
        app.start(stage);
        shell = app.shell();
    }

    /**
     * Saves XOR as xor.json, adds a layer (unsaved), goes to another view and asks the window to
     * close as the window manager would; waits for the question. Completes with whether the close
     * went on (the request was not consumed).
     */
    private CompletableFuture<Boolean> closeOverUnsavedWork(FxRobot robot, Path file) throws Exception {
        return closeOverUnsavedWork(robot, file, true);
    }

    /** As above; the unsaved change widens the hidden layer to 3 units ({@code valid}) or adds a layer connected to nothing. */
    private CompletableFuture<Boolean> closeOverUnsavedWork(FxRobot robot, Path file, boolean valid) throws Exception {
        robot.clickOn("#nav-editor");
        view = (EditorView) shell.currentView();
        var xor = BuiltinModels.spec("xor");
        robot.interact(() -> {
            view.document().load(xor);
            view.saveTo(file);
            if (valid) view.document().setProperty(backprop.app.editor.model.FileOrder.of(view.document().graph()).get(0).key(), "units", "3");
            else view.document().add("dense", 40, 40);
        });
        assertTrue(view.document().dirty());
        Files.writeString(recovery, view.document().recoveryText()); // as the 30-second autosave would have
        robot.clickOn("#nav-backprop");
        CompletableFuture<Boolean> closes = new CompletableFuture<>();
        Platform.runLater(() -> {
            WindowEvent request = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
            stage.getOnCloseRequest().handle(request); // the dialog waits inside, in a nested event loop
            closes.complete(!request.isConsumed());
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#editor-close-question").tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        return closes;
    }

    @Test
    void cancelKeepsTheWindowTheWorkAndTheEditorInFront(FxRobot robot) throws Exception {
        Path file = dir.resolve("xor.json");
        CompletableFuture<Boolean> closes = closeOverUnsavedWork(robot, file);
        String saved = Files.readString(file);
        robot.clickOn("#close-cancel");
        assertFalse(closes.get(10, TimeUnit.SECONDS), "Cancel consumes the close request");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isShowing());
        assertEquals("editor", shell.viewModel().getCurrentViewId(), "the view that kept the window open is shown");
        assertTrue(view.document().dirty(), "the unsaved work is still there");
        assertEquals(saved, Files.readString(file), "nothing was written");
        assertTrue(Files.exists(recovery));
    }

    @Test
    void saveWritesTheFileThenCloses(FxRobot robot) throws Exception {
        Path file = dir.resolve("xor.json");
        CompletableFuture<Boolean> closes = closeOverUnsavedWork(robot, file);
        robot.clickOn("#close-save");
        assertTrue(closes.get(10, TimeUnit.SECONDS), "the close goes on after saving");
        assertFalse(view.document().dirty());
        assertTrue(Files.readString(file).replace(" ", "").contains("\"units\":3"), Files.readString(file));
        String[] onDisk = new String[1];
        robot.interact(() -> {
            try {
                onDisk[0] = view.document().text();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(onDisk[0], Files.readString(file), "the file holds the network as it was on screen");
    }

    @Test
    void dontSaveClosesWithoutWritingAndLeavesNoRecovery(FxRobot robot) throws Exception {
        Path file = dir.resolve("xor.json");
        CompletableFuture<Boolean> closes = closeOverUnsavedWork(robot, file);
        String saved = Files.readString(file);
        robot.clickOn("#close-dont-save");
        assertTrue(closes.get(10, TimeUnit.SECONDS), "the close goes on");
        robot.interact(stage::hide); // what the window does next: every view is disposed
        assertEquals(saved, Files.readString(file), "the file is as it was saved");
        assertFalse(Files.exists(recovery), "no recovery is offered for work the user threw away");
    }

    @Test
    void aSaveTheEngineRefusesKeepsTheWindowOpen(FxRobot robot) throws Exception {
        Path file = dir.resolve("xor.json");
        CompletableFuture<Boolean> closes = closeOverUnsavedWork(robot, file, false);
        String saved = Files.readString(file);
        robot.clickOn("#close-save");
        assertFalse(closes.get(10, TimeUnit.SECONDS), "an unconnected layer cannot be saved, so closing would lose it");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.document().dirty());
        assertTrue(view.message().startsWith("Not saved:"), view.message());
        assertEquals(saved, Files.readString(file));
    }
}
