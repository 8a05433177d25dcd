package backprop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.app.views.StudioViews;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's title names the document the editor has open, and only while the editor is in front. */
@ExtendWith(ApplicationExtension.class)
class WindowTitleTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new StudioApp(StudioViews.registry(), false).start(stage);
    }

    @Test
    void theEditorsDocumentIsInTheTitle(FxRobot robot) {
        assertEquals("Backprop Studio", stage.getTitle());
        robot.clickOn("#nav-editor");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Backprop Studio — untitled", stage.getTitle());
        robot.clickOn("#nav-playground");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Backprop Studio", stage.getTitle());
    }
}
