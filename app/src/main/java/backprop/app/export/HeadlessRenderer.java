package backprop.app.export;

import backprop.app.view.StudioView;
import backprop.app.view.ViewRegistry;
import backprop.app.work.Workers;
import backprop.app.theme.Styles;
import backprop.app.theme.ThemeSupport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;

/**
 * Draws a view without a window: builds it from the {@link ViewRegistry}, calls
 * {@link StudioView#prepareForExport}, lays it out in a Scene of the requested size with the theme's
 * stylesheets, and snapshots it. Used by {@code render}, by tests and by frame benchmarks.
 *
 * <pre>{@code
 * HeadlessRenderer.startToolkit();                  // once per JVM (no-op if JavaFX already runs)
 * var r = new HeadlessRenderer(StudioViews.registry()); // backprop.app.views
 * r.renderToFile(RenderRequest.of("backprop", 1280, 800), Path.of("out.png"));
 * HeadlessRenderer.stopToolkit();                   // when done: disposes workers, Platform.exit()
 * }</pre>
 */
public final class HeadlessRenderer {
    private static final long TIMEOUT_SECONDS = 120;
    // Held in a field: java.util.logging keeps loggers weakly and would forget the level.
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private final ViewRegistry registry;

    public HeadlessRenderer(ViewRegistry registry) {
        this.registry = registry;
    }

    /**
     * Configures headless properties and starts the JavaFX platform if it is not running yet.
     * Implicit exit is turned off: no window ever opens, and the caller decides when to stop.
     */
    public static void startToolkit() {
        HeadlessToolkit.configure();
        // JavaFX warns that it was loaded from the class path; running from one jar is the point.
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        await(started);
    }

    /** Stops every worker thread and the JavaFX platform, so the JVM can end by itself. */
    public static void stopToolkit() {
        Workers.shutdownAll(5_000);
        Platform.exit();
    }

    /** Renders on the FX thread and returns the picture; any thread but the FX thread may call. */
    public WritableImage render(RenderRequest request) throws Exception {
        return onFxThread(() -> renderNow(request, v -> { }));
    }

    /** Like {@link #render} but lets {@code inspect} look at the laid-out view before disposal. */
    public WritableImage render(RenderRequest request, Consumer<StudioView> inspect) throws Exception {
        return onFxThread(() -> renderNow(request, inspect));
    }

    /** Renders and writes the PNG atomically. */
    public void renderToFile(RenderRequest request, Path out) throws Exception {
        WritableImage image = render(request);
        PngFiles.write(image, out);
    }

    /** FX thread only: the actual work. The view is disposed afterwards (its workers stop). */
    public WritableImage renderNow(RenderRequest request, Consumer<StudioView> inspect) {
        try {
            Scene scene = mount(request);
            WritableImage image = new WritableImage(request.width(), request.height());
            scene.snapshot(image);
            inspect.accept(registry.view(request.viewId()));
            return image;
        } finally {
            registry.disposeAll();
        }
    }

    /**
     * FX thread only: creates (or reuses) the view, prepares it, and lays it out in a Scene of the
     * requested size with the theme, ready to snapshot. Nothing is disposed: a frame benchmark can
     * mount once, then time {@code scene.snapshot} or its own redraws, and call
     * {@code registry.disposeAll()} at the end.
     */
    public Scene mount(RenderRequest request) {
        StudioView view = registry.view(request.viewId());
        view.prepareForExport(request.spec(), request.step(), request.substep());
        if (request.presenter()) view.onPresenterMode(true);
        Node root = view.root();
        // The view's root may already sit in a parent (a cached view); detach it first.
        if (root.getParent() instanceof Pane p) p.getChildren().remove(root);
        StackPane host = new StackPane(root);
        host.getStyleClass().addAll(Styles.APP, Styles.CENTER);
        if (request.presenter()) host.getStyleClass().add(Styles.PRESENTER);
        Scene scene = new Scene(host, request.width(), request.height());
        ThemeSupport.install(scene, request.theme());
        layout(host);
        view.onShown();
        layout(host);
        return scene;
    }

    private static void layout(Parent root) {
        root.applyCss();
        root.layout();
    }

    /** Runs {@code work} on the FX thread (at once if already on it) and waits for its result. */
    public static <T> T onFxThread(java.util.concurrent.Callable<T> work) throws Exception {
        if (Platform.isFxApplicationThread()) return work.call();
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        try {
            return task.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) throw ex;
            throw e;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) throw new IllegalStateException("JavaFX did not start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting JavaFX", e);
        }
    }
}
