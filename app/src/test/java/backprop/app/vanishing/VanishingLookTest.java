package backprop.app.vanishing;

import backprop.app.export.HeadlessRenderer;
import backprop.app.export.PngFiles;
import backprop.app.export.RenderRequest;
import backprop.app.theme.Theme;
import backprop.app.views.StudioViews;
import java.nio.file.Path;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pictures for looking at, not assertions: the exploding case and a hovered node, written to
 * {@code -Dplots.dir} (skipped without it). The CLI's render cannot set the weight scale.
 */
class VanishingLookTest {
    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    @Test
    void explodingAndHovered() throws Exception {
        String dir = System.getProperty("plots.dir");
        Assumptions.assumeTrue(dir != null && !dir.isBlank(), "set -Dplots.dir to write the pictures");
        var registry = StudioViews.registry();
        HeadlessRenderer r = new HeadlessRenderer(registry);
        FutureTask<Void> task = new FutureTask<>(() -> {
            for (boolean presenter : new boolean[] {false, true}) {
                Scene scene = r.mount(new RenderRequest("gradients", null, 0, 1280, 800, Theme.LIGHT, presenter));
                VanishingView v = (VanishingView) registry.view("gradients");
                v.viewModel().setScale(VanishingSetup.EXPLODING_SCALE);
                v.viewModel().computeNow();
                v.unrolled().hover(v.unrolled().getWidth() * 0.6, v.unrolled().getHeight() * 0.42);
                v.clipPlot().fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_MOVED,
                        v.clipPlot().getWidth() * 0.1, 100, 0, 0, javafx.scene.input.MouseButton.NONE, 0,
                        false, false, false, false, false, false, false, false, false, false, null));
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                WritableImage img = scene.snapshot(null);
                PngFiles.write(img, Path.of(dir, "vanishing-exploding" + (presenter ? "-presenter" : "") + ".png"));
                registry.disposeAll();
            }
            return null;
        });
        Platform.runLater(task);
        task.get(120, TimeUnit.SECONDS);
    }
}
