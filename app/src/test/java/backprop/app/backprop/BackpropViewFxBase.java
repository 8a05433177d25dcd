package backprop.app.backprop;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The view alone in a 1280×800 stage (the headless screen), as the shell will show it.
 * Subclasses add {@code @ExtendWith(ApplicationExtension.class)} for the robot.
 */
abstract class BackpropViewFxBase {
    protected BackpropView view;

    @BeforeEach
    void showView() throws Exception {
        FxToolkit.setupStage(stage -> {
            view = new BackpropView();
            stage.setScene(new Scene((Parent) view.root(), 1280, 800));
            stage.show();
        });
    }

    protected static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
