package backprop.app.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.export.HeadlessRenderer;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PaletteLegendTest {
    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    @Test
    void labelsTheRangeAndDrawsThePalettesEnds() throws Exception {
        FutureTask<Void> task = new FutureTask<>(() -> {
            PaletteLegend legend = new PaletteLegend("weight", 2.5);
            assertEquals(List.of("−2.5", "0", "+2.5"), legend.tickTexts());
            legend.setRange(0.05);
            assertEquals(List.of("−0.05", "0", "+0.05"), legend.tickTexts());
            assertEquals(Palette.NEGATIVE, legend.colorAt(0));
            assertEquals(Palette.ZERO, legend.colorAt(0.5));
            assertEquals(Palette.POSITIVE, legend.colorAt(1));

            StackPane host = new StackPane(legend);
            host.getStyleClass().add(Styles.APP);
            Scene scene = new Scene(host, 400, 120);
            ThemeSupport.install(scene, Theme.LIGHT);
            host.applyCss();
            host.layout();
            WritableImage img = scene.snapshot(null);
            Rectangle bar = (Rectangle) legend.lookup("." + Styles.LEGEND_BAR);
            Bounds b = bar.localToScene(bar.getBoundsInLocal());
            int y = (int) b.getCenterY();
            assertClose(Palette.NEGATIVE, img.getPixelReader().getColor((int) b.getMinX() + 3, y));
            assertClose(Palette.ZERO, img.getPixelReader().getColor((int) b.getCenterX(), y));
            assertClose(Palette.POSITIVE, img.getPixelReader().getColor((int) b.getMaxX() - 3, y));
            return null;
        });
        Platform.runLater(task);
        task.get(30, TimeUnit.SECONDS);
    }

    private static void assertClose(Color expected, Color actual) {
        double d = Math.abs(expected.getRed() - actual.getRed()) + Math.abs(expected.getGreen() - actual.getGreen())
                + Math.abs(expected.getBlue() - actual.getBlue());
        assertTrue(d < 0.12, "expected about " + expected + " but the bar shows " + actual);
    }
}
