package backprop.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** Placeholder window; the shell issue replaces it. */
public final class StudioApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Backprop Studio");
        stage.setScene(new Scene(new Label("Backprop Studio"), 1280, 800));
        stage.show();
    }
}
