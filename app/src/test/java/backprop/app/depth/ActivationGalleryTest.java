package backprop.app.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.export.HeadlessRenderer;
import backprop.app.export.PngFiles;
import backprop.app.export.RenderRequest;
import backprop.app.theme.Theme;
import backprop.app.view.ViewRegistry;
import backprop.engine.autodiff.Activation;
import java.nio.file.Path;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The activation gallery: the engine's g and g′, the saturating stretch, and σ piling sigmoid outputs against 0 and 1. */
class ActivationGalleryTest {
    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    @Test
    void curvesAreTheEnginesAndWideInputsSaturateSigmoid() throws Exception {
        ViewRegistry registry = new ViewRegistry().add(DepthView.INFO, DepthView::new);
        FutureTask<double[]> task = new FutureTask<>(() -> {
            Scene scene = new HeadlessRenderer(registry).mount(new RenderRequest("depth", null, 0, 1280, 800, Theme.LIGHT, false));
            DepthView v = (DepthView) registry.view("depth");
            v.galleryToggle().setSelected(true);
            assertSame(v.gallery().getParent().getParent(), v.root(), "the gallery replaces the columns");
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            ActivationSamples tanh = v.gallery().samples().get(1);
            assertEquals("tanh", tanh.name());
            for (int i = 0; i < tanh.x().length; i += 20) {
                assertEquals(Activation.TANH.apply(tanh.x()[i]), tanh.g()[i], 0f);
                assertEquals(Activation.TANH.derivative(tanh.x()[i]), tanh.gPrime()[i], 0f);
            }
            // tanh′ < 0.1 exactly where |x| > atanh(√0.9) ≈ 1.818: the shaded stretch.
            for (int i = 0; i < tanh.x().length; i++) assertEquals(Math.abs(tanh.x()[i]) > 1.8183, tanh.flat()[i], "x = " + tanh.x()[i]);
            double narrow = v.gallery().saturatedShares().get(0);
            v.sigma().setValue(5);
            double wide = v.gallery().saturatedShares().get(0);
            scene.getRoot().layout();
            WritableImage img = scene.snapshot(null);
            PngFiles.write(img, Path.of(System.getProperty("java.io.tmpdir"), "depth-gallery.png"));
            registry.disposeAll();
            return new double[] {narrow, wide};
        });
        Platform.runLater(task);
        double[] share = task.get(60, TimeUnit.SECONDS);
        assertTrue(share[0] < 0.05, "σ = 1: few sigmoid inputs saturate, " + share[0]);
        assertTrue(share[1] > 0.4, "σ = 5: many do, " + share[1]);
    }
}
