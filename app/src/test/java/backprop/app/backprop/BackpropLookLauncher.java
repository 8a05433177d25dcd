package backprop.app.backprop;

import java.io.File;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Looking at the view in a real window (e.g. under Xvfb): shows it at WIDTHxHEIGHT, moves to a
 * timeline step, saves the scene to a PNG and exits. Not a test; run by hand:
 * {@code java -cp ... backprop.app.backprop.BackpropLookLauncher$Main 1920 1080 12 out.png [graph|predict]}.
 */
public final class BackpropLookLauncher extends Application {
    @Override
    public void start(Stage stage) {
        var args = getParameters().getRaw();
        int w = Integer.parseInt(args.get(0)), h = Integer.parseInt(args.get(1)), step = Integer.parseInt(args.get(2));
        String out = args.get(3), mode = args.size() > 4 ? args.get(4) : "";
        BackpropView view = new BackpropView();
        stage.setScene(new Scene((Parent) view.root(), w, h));
        stage.setTitle("Backprop Studio · backprop view");
        stage.show();
        view.prepareForExport(null, 0, step);
        if (mode.contains("train")) view.viewModel().trainNow(25);
        if (mode.contains("predict")) {
            view.viewModel().predictModeProperty().set(true);
        }
        if (mode.contains("graph")) {
            view.root().lookup("#bp-mode-graph").fireEvent(new javafx.event.ActionEvent());
            ((javafx.scene.control.ToggleButton) view.root().lookup("#bp-mode-graph")).setSelected(true);
            for (int i = 0; i < step; i++) view.graphViewModel().stepForward();
        }
        if (mode.startsWith("spec=")) {
            try {
                view.prepareForExport(backprop.engine.spec.SpecReader.read(java.nio.file.Path.of(mode.substring(5))), 0, step);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if (mode.contains("encoder")) {
            try {
                view.prepareForExport(backprop.engine.models.BuiltinModels.spec("encoder-838"), 0, step);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        PauseTransition wait = new PauseTransition(Duration.millis(800));
        wait.setOnFinished(e -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", new File(out));
            } catch (Exception ex) {
                ex.printStackTrace();
            }
            view.dispose();
            Platform.exit();
        });
        wait.play();
    }

    /** A main outside the Application subclass, so the plain classpath launch works without the module check. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(BackpropLookLauncher.class, args);
        }
    }
}
