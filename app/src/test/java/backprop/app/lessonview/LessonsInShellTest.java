package backprop.app.lessonview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.StudioApp;
import backprop.app.shell.StudioShell;
import backprop.app.views.StudioViews;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** In the real window the Lessons rail entry opens the player on the shipped lessons, and in presenter mode a clicker moves through the steps. */
@ExtendWith(ApplicationExtension.class)
class LessonsInShellTest {
    private StudioShell shell;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty(LessonLibrary.PROPERTY, Path.of("..", "lessons").toAbsolutePath().normalize().toString());
        System.setProperty(LessonProgress.HOME_PROPERTY, Files.createTempDirectory("lessons-in-shell").toString());
        StudioApp app = new StudioApp(StudioViews.registry(), false);
        app.start(stage);
        shell = app.shell();
    }

    @AfterAll
    static void clear() {
        System.clearProperty(LessonLibrary.PROPERTY);
        System.clearProperty(LessonProgress.HOME_PROPERTY);
    }

    @Test
    void clickerKeysMoveThroughTheStepsInPresenterMode(FxRobot robot) throws Exception {
        robot.clickOn("#nav-lessons");
        assertEquals("lessons", shell.viewModel().getCurrentViewId());
        LessonsView view = (LessonsView) shell.currentView();
        assertTrue(view.folders().size() >= 4, "the shipped lessons are listed: " + view.folders());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.step() == 0);
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shell.viewModel().presenterModeProperty().get());
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.step() == 1);
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.step() == 2);
        robot.type(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.step() == 1);
    }

    /** What a drop on the window does (the drop handler hands the file to openFile): a lesson folder opens in the Lessons view. */
    @Test
    void aLessonFolderGivenToTheWindowOpensInTheLessonsView(FxRobot robot) throws Exception {
        Path graph = Path.of("..", "lessons", "13-computational-graph").toAbsolutePath().normalize();
        robot.interact(() -> assertTrue(shell.openFile(graph.resolve("lesson.json")).isEmpty()));
        assertEquals("lessons", shell.viewModel().getCurrentViewId());
        LessonsView view = (LessonsView) shell.currentView();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> chooser = robot.lookup("#lesson-choice").queryAs(javafx.scene.control.ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "The computational graph e = (a + b)(b + 1)".equals(chooser.getValue()) && view.step() >= 0);
        assertEquals(view.folders().size(), chooser.getItems().size(), "the shipped folder is listed once, not added again");
    }
}
