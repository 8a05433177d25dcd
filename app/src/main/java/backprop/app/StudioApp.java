package backprop.app;

import backprop.app.shell.ShellViewModel;
import backprop.app.shell.StudioShell;
import backprop.app.view.ViewRegistry;
import backprop.app.views.StudioViews;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * The desktop window: {@link StudioShell} in a 1280×800 scene. Presenter mode makes the stage full
 * screen (Esc is handled by the shell, so JavaFX's own exit key and hint are switched off). Closing
 * the window first asks every view whether it may ({@code StudioShell.confirmClose}: the editor
 * asks about unsaved changes), then disposes every view, stops all worker threads and exits JavaFX.
 */
public final class StudioApp extends Application {
    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;

    private final ViewRegistry registry;
    private final boolean exitOnClose;
    private StudioShell shell;

    public StudioApp() {
        this(StudioViews.registry(), true);
    }

    /** For tests: other views, and no {@code Platform.exit()} so the test JVM's toolkit survives. */
    public StudioApp(ViewRegistry registry, boolean exitOnClose) {
        this.registry = registry;
        this.exitOnClose = exitOnClose;
    }

    @Override
    public void start(Stage stage) {
        ShellViewModel vm = new ShellViewModel(registry.availableIds());
        shell = new StudioShell(registry, vm);
        // On a small screen (a 1024×768 projector) the first window fits the screen instead of spilling off it.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(shell.root(), Math.min(DEFAULT_WIDTH, screen.getWidth()), Math.min(DEFAULT_HEIGHT, screen.getHeight()));
        shell.attach(scene);

        stage.titleProperty().bind(shell.windowTitleProperty());
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        vm.presenterModeProperty().addListener((obs, was, on) -> presenterWindow(stage, on));
        // Leaving full screen some other way (window manager) also leaves presenter mode.
        stage.fullScreenProperty().addListener((obs, was, full) -> {
            if (!full && vm.isPresenterMode()) vm.setPresenterMode(false);
        });
        // Unsaved work is asked about first; a view's "Cancel" keeps the window open.
        stage.setOnCloseRequest(e -> {
            if (shell != null && !shell.confirmClose()) e.consume();
        });
        stage.setOnHidden(e -> close());
        stage.setScene(scene);
        Icon.install(stage);
        stage.show();
        StartupProbe.afterFirstFrame(scene);
        var raw = getParameters() == null ? java.util.List.<String>of() : getParameters().getRaw();
        if (raw.size() == 1) Platform.runLater(() -> shell.openFile(java.nio.file.Path.of(raw.get(0))));
    }

    private Rectangle2D windowedBounds;

    /**
     * Full screen for presenter mode. Without a window manager (a bare X server, some projectors'
     * kiosk setups) full-screen requests are ignored, so the window is also moved over the whole
     * screen it is on; its previous bounds come back when presenter mode ends.
     */
    private void presenterWindow(Stage stage, boolean on) {
        if (on) {
            windowedBounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            var screens = Screen.getScreensForRectangle(windowedBounds);
            Rectangle2D screen = (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getBounds();
            setBounds(stage, screen);
            stage.setFullScreen(true);
        } else {
            stage.setFullScreen(false);
            if (windowedBounds != null) setBounds(stage, windowedBounds);
        }
    }

    private static void setBounds(Stage stage, Rectangle2D r) {
        stage.setX(r.getMinX());
        stage.setY(r.getMinY());
        stage.setWidth(r.getWidth());
        stage.setHeight(r.getHeight());
    }

    /** The shell of the running window (tests look inside it). */
    public StudioShell shell() { return shell; }

    private void close() {
        if (shell == null) return;
        try {
            shell.dispose();
        } finally {
            shell = null;
            if (exitOnClose) Platform.exit();
        }
    }

    @Override
    public void stop() {
        close();
    }
}
