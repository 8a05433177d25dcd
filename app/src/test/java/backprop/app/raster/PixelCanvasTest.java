package backprop.app.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.export.HeadlessRenderer;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The software canvas's lines, shapes and maps, read back pixel by pixel. */
class PixelCanvasTest {
    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    private static PixelCanvas canvas(int w, int h) {
        PixelCanvas c = new PixelCanvas();
        c.resize(w, h, 1);
        return c;
    }

    private static int alpha(int argb) { return argb >>> 24; }

    /** Sum of the alpha down column x, in pixels of full coverage. */
    private static double columnCoverage(PixelCanvas c, int x) {
        double sum = 0;
        for (int y = 0; y < c.pixelHeight(); y++) sum += alpha(c.argbAt(x, y)) / 255.0;
        return sum;
    }

    @Test
    void aStraightLineCoversItsWidthAndIsSolidInTheMiddle() throws Exception {
        onFx(() -> {
            PixelCanvas c = canvas(60, 40);
            StrokePath p = StrokePath.of(new double[] {5, 20, 55, 20}, 4, 60, 40);
            c.stroke(p, Color.RED, 3);
            assertEquals(0xffff0000, c.argbAt(30, 19), "the pixel on the line is the colour itself");
            assertEquals(0, c.argbAt(30, 24), "2.5 px beyond the edge nothing is drawn");
            assertEquals(3.0, columnCoverage(c, 30), 0.1);
            // A thinner line is fainter, not wider: 0.5 px of coverage per column.
            PixelCanvas thin = canvas(60, 40);
            thin.stroke(p, Color.RED, 0.5);
            assertEquals(0.5, columnCoverage(thin, 30), 0.05);
            return null;
        });
    }

    @Test
    void aPathLaidOutOnceDrawsAtAnyWidthUpToItsReach() throws Exception {
        onFx(() -> {
            StrokePath p = StrokePath.of(StrokePath.cubic(new double[] {5, 5, 40, 5, 40, 55, 75, 55}, 24), 5, 80, 60);
            double previous = 0;
            for (double w : new double[] {1, 2, 4, 7}) {
                PixelCanvas c = canvas(80, 60);
                c.stroke(p, Color.BLUE, w);
                double cover = columnCoverage(c, 9); // a nearly flat stretch of the curve
                assertEquals(w, cover, 0.05 * w + 0.1, "width " + w);
                assertTrue(cover > previous);
                previous = cover;
            }
            return null;
        });
    }

    @Test
    void overlappingPiecesOfOnePolylineCoverAPixelOnce() throws Exception {
        onFx(() -> {
            Color half = Color.color(0, 0, 1, 0.5);
            PixelCanvas one = canvas(40, 40), twice = canvas(40, 40);
            one.polylines(List.of(new double[] {5, 20, 35, 20}), half, 2);
            // The same segment given twice, and a second piece crossing it: the crossing is not darker.
            twice.polylines(List.of(new double[] {5, 20, 35, 20}, new double[] {5, 20, 35, 20}), half, 2);
            assertEquals(one.argbAt(20, 19), twice.argbAt(20, 19));
            assertEquals(128, alpha(one.argbAt(20, 19)), 1);
            return null;
        });
    }

    @Test
    void dashesAlternateAlongTheWholeLine() {
        List<double[]> on = StrokePath.dashes(new double[] {0, 0, 50, 0, 100, 0}, 6, 4);
        assertEquals(10, on.size(), "100 px at a 10 px period");
        for (double[] d : on) {
            double len = d[d.length - 2] - d[0];
            assertEquals(6, len, 1e-9);
        }
        assertEquals(50, on.get(5)[0], 1e-9, "the pattern runs on across the corner at x = 50");
    }

    @Test
    void roundedRectanglesHaveEmptyCornersAFilledMiddleAndAnOutline() throws Exception {
        onFx(() -> {
            PixelCanvas c = canvas(50, 50);
            c.roundRect(5, 5, 40, 40, 10, Color.web("#336699"), Color.BLACK, 2);
            assertEquals(0, c.argbAt(5, 5), "outside the corner's arc");
            assertEquals(0xff336699, c.argbAt(25, 25));
            assertEquals(0xff000000, c.argbAt(25, 5), "the outline straddles the edge");
            // A half-transparent fill over white keeps premultiplied alpha.
            PixelCanvas t = canvas(20, 20);
            t.roundRect(0, 0, 20, 20, 0, Color.color(1, 1, 1), null, 0);
            t.roundRect(0, 0, 20, 20, 0, Color.color(0, 0, 0, 0.5), null, 0);
            int p = t.argbAt(10, 10);
            assertEquals(255, alpha(p));
            assertEquals(127, p >> 16 & 255, 2);
            return null;
        });
    }

    @Test
    void imagesStretchWithTheirPixelCentresExact() throws Exception {
        onFx(() -> {
            PixelCanvas c = canvas(40, 40);
            int[] img = {0xffff0000, 0xff0000ff, 0xff00ff00, 0xffffffff};
            c.imageRect(0, 0, 40, 40, 0, img, 2, null, 0);
            // Source pixel (0, 0)'s centre lands at (10, 10); the image's centre mixes all four.
            assertEquals(0xffff0000, c.argbAt(9, 9) | 0, "top-left quarter's centre");
            int mid = c.argbAt(20, 20);
            assertEquals(0x80, mid >> 16 & 255, 8);
            assertEquals(0x80, mid >> 8 & 255, 8);
            assertEquals(0x80, mid & 255, 8);
            return null;
        });
    }

    @Test
    void heatMapsInterpolateValuesBeforeColouring() throws Exception {
        onFx(() -> {
            int[] lut = new int[256];
            for (int i = 0; i < 256; i++) lut[i] = 0xff000000 | i << 16; // red channel = table index
            PixelCanvas c = canvas(40, 40);
            float[] v = {0, 1, 0, 1}; // 2 × 2: left column 0, right column 1
            c.heatMap(0, 0, 40, v, 2, lut, 0xff00ff00);
            assertEquals(0, c.argbAt(9, 20) >> 16 & 255, 1, "a cell's centre has its own value");
            assertEquals(255, c.argbAt(30, 20) >> 16 & 255, 1);
            assertEquals(128, c.argbAt(20, 20) >> 16 & 255, 8, "halfway is the middle of the table");
            c.heatMap(0, 0, 40, new float[] {Float.NaN, Float.NaN, Float.NaN, Float.NaN}, 2, lut, 0xff00ff00);
            assertEquals(0xff00ff00, c.argbAt(20, 20));
            return null;
        });
    }

    @Test
    void aStillLayerIsCopiedIntoThePixelsOnceUnchangedAndShownByItsCanvasAgainWhenItChanges() throws Exception {
        Drawing d = onFx(() -> {
            Drawing x = new Drawing();
            new Scene(new Pane(x), 60, 30);
            x.setPrefSize(60, 30);
            x.getParent().layout(); // the first picture: the canvas shows the bar
            assertEquals(1.0, x.text.getOpacity());
            assertEquals(0xffffffff, x.pixels.argbAt(45, 15), "not in the pixels yet");
            x.frame(); // unchanged: copied once this event is over
            assertEquals(1.0, x.text.getOpacity());
            return x;
        });
        onFx(() -> {
            assertEquals(0.0, d.text.getOpacity(), "then the pixels show it, and JavaFX draws no canvas");
            assertEquals(0xff000000, d.pixels.argbAt(45, 15));
            assertEquals(0xffffffff, d.pixels.argbAt(5, 5));
            d.frame();
            assertEquals(0xff000000, d.pixels.argbAt(45, 15), "and every frame after");
            d.setPrefSize(80, 30);
            d.getParent().layout(); // a new picture: the canvas's again
            assertEquals(1.0, d.text.getOpacity());
            assertEquals(0xffffffff, d.pixels.argbAt(65, 15));
            return null;
        });
    }

    /** A pane that, like the playground's drawings, resizes its canvas in layout and redraws at once. */
    private static final class Drawing extends Pane {
        final PixelCanvas pixels = new PixelCanvas();
        final javafx.scene.canvas.Canvas text = new javafx.scene.canvas.Canvas();
        final StillLayer layer = new StillLayer(text);

        Drawing() { getChildren().addAll(pixels.view(), text); }

        @Override
        protected void layoutChildren() {
            if (text.getWidth() != getWidth() || text.getHeight() != getHeight()) {
                text.setWidth(getWidth());
                text.setHeight(getHeight());
                frame();
            }
        }

        /** A frame: white, with a black bar 10 px from the right edge drawn as still text. */
        void frame() {
            pixels.resize(text.getWidth(), text.getHeight(), 1);
            pixels.clear(Color.WHITE);
            javafx.scene.canvas.GraphicsContext g = layer.redraw(List.of(text.getWidth(), text.getHeight()));
            if (g != null) {
                g.setFill(Color.BLACK);
                g.fillRect(text.getWidth() - 20, 10, 10, 10);
            }
            layer.composeInto(pixels);
            pixels.commit();
        }
    }

    @Test
    void aCopyWhoseSnapshotsLayoutPassResizesThePictureIsDropped() throws Exception {
        Drawing d = onFx(() -> {
            Drawing x = new Drawing();
            Pane root = new Pane(x);
            new Scene(root, 200, 100);
            x.setPrefSize(100, 50);
            root.layout(); // lays out and draws a first picture: shown by the canvas
            x.frame(); // unchanged: a copy is due
            // The pane grows, but the layout that would notice has not run when the copy is taken:
            // the snapshot's layout pass resizes and redraws inside it.
            x.setPrefSize(160, 80);
            return x;
        });
        onFx(() -> {
            assertEquals(160, d.pixels.pixelWidth());
            assertEquals(1.0, d.text.getOpacity(), "the new picture is the canvas's until it stands still");
            for (int x = 0; x < 160; x++) {
                for (int y = 0; y < 80; y++) assertEquals(0xffffffff, d.pixels.argbAt(x, y), "no stale copy strewn at " + x + "," + y);
            }
            d.frame();
            return null;
        });
        onFx(() -> {
            assertEquals(0.0, d.text.getOpacity(), "copied once it stood still");
            assertEquals(0xff000000, d.pixels.argbAt(145, 15));
            return null;
        });
    }

    @Test
    void whatIsDrawnIsWhatTheSceneShows() throws Exception {
        onFx(() -> {
            PixelCanvas c = canvas(30, 30);
            c.roundRect(0, 0, 30, 30, 0, Color.web("#e07b39"), null, 0);
            c.commit();
            Scene scene = new Scene(new Pane(c.view()), 30, 30);
            WritableImage shot = scene.snapshot(null);
            assertEquals(Color.web("#e07b39"), shot.getPixelReader().getColor(15, 15));
            return null;
        });
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(30, TimeUnit.SECONDS);
    }
}
