package backprop.app.playground;

import backprop.app.theme.Styles;
import backprop.app.theme.Theme;
import backprop.app.theme.ThemeSupport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/** Helpers for the playground's canvas tests: run on the FX thread, mount in a themed scene, compare colours. */
final class FxTesting {
    private FxTesting() {}

    /** Runs {@code work} on the FX thread and returns its result (rethrowing its failure). */
    static <T> T onFx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        try {
            return task.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) throw ex;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    /** Waits until the playground in {@code view} has shown a frame and its engine has nothing left to do. */
    static void waitIdle(java.util.function.Supplier<PlaygroundView> view) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        org.testfx.util.WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> view.get() != null && view.get().viewModel().idle() && view.get().viewModel().frame() != null);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /** FX thread: puts {@code node} alone in a light-themed scene of w × h and lays it out. */
    static Scene mount(Region node, int w, int h) {
        StackPane host = new StackPane(node);
        host.getStyleClass().add(Styles.APP);
        Scene scene = new Scene(host, w, h);
        ThemeSupport.install(scene, Theme.LIGHT);
        host.applyCss();
        host.layout();
        return scene;
    }

    /** Sum of the channel differences of two colours (0 = equal, 3 = black vs white). */
    static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue());
    }

    /** FX thread: writes a snapshot of {@code scene} when -Dplots.dir is set (for looking at the drawing). */
    static void save(Scene scene, String name) throws Exception {
        String dir = System.getProperty("plots.dir");
        if (dir == null || dir.isBlank()) return;
        WritableImage img = scene.snapshot(null);
        backprop.app.export.PngFiles.write(img, Path.of(dir, "plots-" + name + ".png"));
    }
}
