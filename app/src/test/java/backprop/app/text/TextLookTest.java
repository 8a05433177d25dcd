package backprop.app.text;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pictures for looking at, not assertions: the cell state and the hidden state over the quoted
 * passage with a hovered cell, written to {@code -Dplots.dir} (skipped without it).
 */
class TextLookTest {
    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    @Test
    void statesOverTheQuotedPassage() throws Exception {
        String dir = System.getProperty("plots.dir");
        Assumptions.assumeTrue(dir != null && !dir.isBlank(), "set -Dplots.dir to write the pictures");
        var registry = StudioViews.registry();
        HeadlessRenderer r = new HeadlessRenderer(registry);
        FutureTask<Void> task = new FutureTask<>(() -> {
            Scene scene = r.mount(new RenderRequest("text", null, 200, 1280, 800, Theme.LIGHT, false));
            TextView v = (TextView) registry.view("text");
            v.viewModel().passageProperty().set(TextView.PASSAGES.get(1));
            for (String key : new String[] {"c", "h", "i"}) {
                v.viewModel().gateProperty().set(key);
                v.viewModel().trainNow(0);
                double[] at = v.heatMap().centre(20, 30);
                v.heatMap().hover(at[0], at[1]);
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                PngFiles.write(scene.snapshot(null), Path.of(dir, "text-" + key + ".png"));
            }
            registry.disposeAll();
            return null;
        });
        Platform.runLater(task);
        task.get(300, TimeUnit.SECONDS);
    }
}
