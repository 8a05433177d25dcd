package backprop.app;

import java.io.InputStream;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The app icon (assets/icon, copied into the jar) on the window, for task bars and window switchers. */
final class Icon {
    static final String RESOURCE = "/backprop/app/icon/backprop-studio.png";

    private Icon() {}

    static void install(Stage stage) {
        try (InputStream in = Icon.class.getResourceAsStream(RESOURCE)) {
            if (in != null) stage.getIcons().add(new Image(in));
        } catch (java.io.IOException | RuntimeException e) {
            // A window without its icon is still the whole app.
        }
    }
}
