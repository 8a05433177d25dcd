package backprop.app.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.export.HeadlessRenderer;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A growing plot draws only the new segments of a history while its axes stay, and the picture
 * it builds that way is the one a full redraw of the same points gives; its x axis runs to a
 * round bound past the data.
 */
class LogPlotGrowingTest {
    private static final int W = 420, H = 240;

    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    @Test
    void stepByStepPictureEqualsAFullRedraw() throws Exception {
        float[] values = new float[400];
        for (int i = 0; i < values.length; i++) values[i] = (float) (0.7 * Math.exp(-i / 150.0) * (1 + 0.3 * Math.sin(i / 3.0)));
        int[][] pictures = HeadlessRenderer.onFxThread(() -> {
            LogPlot plot = new LogPlot();
            plot.setGrowing(true);
            Scene scene = new Scene(new StackPane(plot), W, H);
            for (int n = 1; n <= 300; n++) {
                plot.show("loss", "step", List.of(new LogPlot.Series("R", values, n, Color.ORANGE, new double[0], false)), null);
                scene.getRoot().layout();
            }
            int[] stepwise = pixels(scene);
            plot.setGrowing(true); // draws everything again from the same points
            int[] full = pixels(scene);
            return new int[][] {stepwise, full};
        });
        int differ = 0;
        for (int i = 0; i < pictures[0].length; i++) if (far(pictures[0][i], pictures[1][i])) differ++;
        // Only anti-aliased seams where one segment meets the next may differ, by a shade.
        assertTrue(differ < pictures[0].length / 500, differ + " pixels differ between the step-by-step and the full drawing");
        // And the drawing did grow: the last points are on it (far right of the first), not only the start.
        assertTrue(inkColumns(pictures[0]) > 150, "columns with the line's orange: " + inkColumns(pictures[0]));
    }

    @Test
    void theAxisRunsToARoundBoundPastTheData() {
        assertEquals(10, LogPlot.bound(7));
        assertEquals(150, LogPlot.bound(101));
        assertEquals(300, LogPlot.bound(300));
        assertEquals(400, LogPlot.bound(301));
        assertEquals(1000, LogPlot.bound(801));
    }

    private static int[] pixels(Scene scene) {
        WritableImage image = scene.snapshot(null);
        int[] out = new int[W * H];
        image.getPixelReader().getPixels(0, 0, W, H, PixelFormat.getIntArgbInstance(), out, 0, W);
        return out;
    }

    private static boolean far(int a, int b) {
        for (int shift = 0; shift < 24; shift += 8) if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > 48) return true;
        return false;
    }

    private static int inkColumns(int[] p) {
        int n = 0;
        for (int x = 0; x < W; x++) {
            for (int y = 0; y < H; y++) {
                int c = p[y * W + x], r = (c >> 16) & 0xff, g = (c >> 8) & 0xff, b = c & 0xff;
                if (r > 200 && g > 100 && g < 200 && b < 80) { n++; break; }
            }
        }
        return n;
    }
}
