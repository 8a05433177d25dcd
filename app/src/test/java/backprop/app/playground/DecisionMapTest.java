package backprop.app.playground;

import static backprop.app.playground.FxTesting.distance;
import static backprop.app.playground.FxTesting.mount;
import static backprop.app.playground.FxTesting.onFx;
import static backprop.app.playground.FxTesting.save;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.export.HeadlessRenderer;
import backprop.app.playground.PlaygroundFrame.Plane;
import backprop.app.theme.Palette;
import java.util.ArrayList;
import java.util.List;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DecisionMapTest {
    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    private static PlaygroundFrame trained(PlaygroundSetup setup, int epochs) {
        PlaygroundSession s = new PlaygroundSession();
        s.apply(setup);
        for (int i = 0; i < epochs; i++) s.epoch();
        return s.frame();
    }

    private static float[] outputMap(PlaygroundFrame f) {
        return f.maps().get(f.maps().size() - 1)[0];
    }

    /**
     * Compares the snapshot at the centre of every {@code stride}-th grid cell with the palette's
     * colour for that cell's value, away from the points; returns how many cells were compared.
     */
    private static int assertCellsColoured(DecisionMap map, PixelReader px, Plane plane, float[] values,
                                           List<float[]> points, int stride) {
        int g = plane.grid(), checked = 0;
        double[] a = map.toPixel(plane.coordinate(0), 0), b = map.toPixel(plane.coordinate(1), 0);
        double cellPx = b[0] - a[0], keepOff = 4 * 4 + cellPx; // point radius plus outline, and a cell
        for (int r = 0; r < g; r += stride) {
            for (int c = 0; c < g; c += stride) {
                double[] p = map.toPixel(plane.coordinate(c), plane.coordinate(g - 1 - r));
                boolean nearPoint = false;
                for (float[] q : points) {
                    double[] pp = map.toPixel(q[0], q.length > 1 ? q[1] : 0);
                    if (Math.hypot(pp[0] - p[0], pp[1] - p[1]) < keepOff) nearPoint = true;
                }
                if (nearPoint) continue;
                float v = values[r * g + c];
                Color want = Palette.probability(v), got = px.getColor((int) p[0], (int) p[1]);
                // Smoothing blends in a little of the neighbours: allow for their difference.
                double slack = 0;
                for (int[] d : new int[][] {{0, 1}, {1, 0}, {0, -1}, {-1, 0}}) {
                    int rr = r + d[0], cc = c + d[1];
                    if (rr >= 0 && rr < g && cc >= 0 && cc < g) slack = Math.max(slack, distance(want, Palette.probability(values[rr * g + cc])));
                }
                assertTrue(distance(want, got) < 0.06 + 0.5 * slack,
                        "cell (" + r + ", " + c + ") value " + v + ": expected about " + want + " but drew " + got);
                checked++;
            }
        }
        return checked;
    }

    private static List<float[]> allPoints(PlaygroundFrame.Points... sets) {
        List<float[]> out = new ArrayList<>();
        for (PlaygroundFrame.Points s : sets) out.addAll(List.of(s.xy()));
        return out;
    }

    @Test
    void paintsEachGridCellInThePalettesColourForItsValue() throws Exception {
        PlaygroundFrame f = trained(PlaygroundSetup.defaults(), 300);
        float[] values = outputMap(f);
        float min = 1, max = 0;
        for (float v : values) { min = Math.min(min, v); max = Math.max(max, v); }
        assertTrue(min < 0.3 && max > 0.7, "the trained map shows both classes, so the check means something");
        int checked = onFx(() -> {
            DecisionMap map = new DecisionMap();
            Scene scene = mount(map, 520, 520);
            map.show(f);
            PixelReader px = scene.snapshot(null).getPixelReader();
            save(scene, "map");
            map.setScale(1.6);
            save(scene, "map-presenter");
            map.setScale(1);
            return assertCellsColoured(map, px, f.plane(), values, allPoints(f.train(), f.test()), 3);
        });
        assertTrue(checked > 20, "compared " + checked + " cells");
    }

    @Test
    void pixelAndDataCoordinatesRoundTripAndTheRangeFillsThePlot() throws Exception {
        PlaygroundFrame f = trained(PlaygroundSetup.defaults(), 1);
        onFx(() -> {
            DecisionMap map = new DecisionMap();
            mount(map, 500, 400);
            map.show(f);
            for (double[] p : new double[][] {{0, 0}, {0.5, -0.25}, {-1.1, 1.1}, {0.97, -0.3}}) {
                assertArrayEquals(p, map.toData(map.toPixel(p[0], p[1])[0], map.toPixel(p[0], p[1])[1]), 1e-9);
            }
            double[] tl = map.toPixel(-1.1, 1.1), br = map.toPixel(1.1, -1.1);
            assertEquals(br[0] - tl[0], br[1] - tl[1], 1e-9, "the plot is square");
            assertTrue(tl[0] > 0 && br[0] < 500 && tl[1] >= 0 && br[1] <= 400, "the plot is inside the pane");
            assertTrue(br[1] - tl[1] > 300, "the plot is as large as fits: " + (br[1] - tl[1]));
            assertTrue(map.toPixel(0, 1)[1] < map.toPixel(0, -1)[1], "x2 grows upwards");
            return null;
        });
    }

    @Test
    void aClickInsideThePlotReportsDataCoordinates() throws Exception {
        PlaygroundFrame f = trained(PlaygroundSetup.defaults(), 1);
        onFx(() -> {
            DecisionMap map = new DecisionMap();
            mount(map, 500, 500);
            map.show(f);
            List<Object[]> clicks = new ArrayList<>();
            map.setOnPointClick((x1, x2, button, shift) -> clicks.add(new Object[] {x1, x2, button, shift}));
            double[] p = map.toPixel(0.5, -0.25);
            click(map, p[0], p[1], MouseButton.SECONDARY, true);
            assertEquals(1, clicks.size());
            assertEquals(0.5, (double) clicks.get(0)[0], 1e-9);
            assertEquals(-0.25, (double) clicks.get(0)[1], 1e-9);
            assertEquals(MouseButton.SECONDARY, clicks.get(0)[2]);
            assertEquals(true, clicks.get(0)[3]);
            double[] corner = map.toPixel(-1.1, -1.1);
            click(map, corner[0] - 8, corner[1] + 8, MouseButton.PRIMARY, false); // the tick labels' margin
            assertEquals(1, clicks.size(), "a click outside the plot is ignored");
            map.setHiddenSpace(true);
            click(map, p[0], p[1], MouseButton.PRIMARY, false);
            assertEquals(1, clicks.size(), "hidden space takes no clicks");
            return null;
        });
    }

    private static void click(DecisionMap map, double x, double y, MouseButton button, boolean shift) {
        Event.fireEvent(map, new MouseEvent(MouseEvent.MOUSE_CLICKED, x, y, x, y, button, 1,
                shift, false, false, false, button == MouseButton.PRIMARY, false, button == MouseButton.SECONDARY,
                false, false, true, null));
    }

    @Test
    void hoverReadsTheOutputOfTheCellUnderTheCursor() throws Exception {
        PlaygroundFrame f = trained(PlaygroundSetup.defaults(), 30);
        onFx(() -> {
            DecisionMap map = new DecisionMap();
            Scene scene = mount(map, 500, 500);
            map.show(f);
            assertTrue(map.hoverText().isEmpty());
            double[] p = map.toPixel(0.5, -0.25);
            map.hoverAt(p[0], p[1]);
            save(scene, "map-hover");
            Plane pl = f.plane();
            int c = (int) Math.floor((0.5 - pl.lo()) / (pl.hi() - pl.lo()) * pl.grid());
            int r = pl.grid() - 1 - (int) Math.floor((-0.25 - pl.lo()) / (pl.hi() - pl.lo()) * pl.grid());
            String y = String.format(java.util.Locale.ROOT, "%.3f", outputMap(f)[r * pl.grid() + c]);
            assertEquals("x1 0.50, x2 \u22120.25 \u2192 \u0177 " + y, map.hoverText().orElseThrow());
            map.hoverAt(2, 2);
            assertTrue(map.hoverText().isEmpty(), "nothing to read outside the plot");
            return null;
        });
    }

    @Test
    void perceptronModeDrawsTheDecisionLineFromTheWeights() throws Exception {
        PlaygroundSession s = new PlaygroundSession();
        s.apply(PlaygroundSetup.defaults().withKind(PlaygroundSetup.Kind.PERCEPTRON).withDataset("xor").withLearningRate(1));
        for (int i = 0; i < 5; i++) s.step();
        PlaygroundFrame f = s.frame();
        float[] w = f.perceptron().weights();
        assertTrue(Math.abs(w[2]) > 1e-6 || Math.abs(w[1]) > 1e-6, "the rule has moved the line: " + java.util.Arrays.toString(w));
        onFx(() -> {
            DecisionMap map = new DecisionMap();
            Scene scene = mount(map, 520, 520);
            map.show(f);
            PixelReader px = scene.snapshot(null).getPixelReader();
            save(scene, "perceptron");
            // Points on w0 + w1·x1 + w2·x2 = 0 inside the plane, away from the four data points.
            int onLine = 0;
            for (double t = -0.45; t <= 1.45; t += 0.1) {
                double x1, x2;
                if (Math.abs(w[2]) >= Math.abs(w[1])) { x1 = t; x2 = -(w[0] + w[1] * t) / w[2]; }
                else { x2 = t; x1 = -(w[0] + w[2] * t) / w[1]; }
                if (x1 < -0.45 || x1 > 1.45 || x2 < -0.45 || x2 > 1.45) continue;
                if (Math.min(Math.min(Math.hypot(x1, x2), Math.hypot(x1 - 1, x2)), Math.min(Math.hypot(x1, x2 - 1), Math.hypot(x1 - 1, x2 - 1))) < 0.15) continue;
                double[] p = map.toPixel(x1, x2);
                Color c = px.getColor((int) Math.round(p[0]), (int) Math.round(p[1]));
                assertTrue(c.getBrightness() < 0.3, "the line is ink-dark at (" + x1 + ", " + x2 + "): " + c);
                onLine++;
            }
            assertTrue(onLine >= 3, "checked " + onLine + " points of the line");
            return null;
        });
        for (int i = 0; i < 12 && !s.frame().perceptron().lastWasUpdate(); i++) s.step();
        PlaygroundFrame updated = s.frame();
        assertTrue(updated.perceptron().lastWasUpdate());
        onFx(() -> {
            DecisionMap map = new DecisionMap();
            Scene scene = mount(map, 520, 520);
            map.show(updated);
            PixelReader px = scene.snapshot(null).getPixelReader();
            save(scene, "perceptron-update");
            float[] q = updated.train().xy()[updated.perceptron().lastSample()];
            double[] p = map.toPixel(q[0], q[1]);
            Color ring = px.getColor((int) Math.round(p[0]), (int) Math.round(p[1] - map.ringRadius()));
            assertTrue(distance(Color.web("#7b2d8e"), ring) < 0.35, "the updated sample's ring is in the accent colour: " + ring);
            return null;
        });
    }

    /** The learned XOR sends both orange samples to one hidden spot: the map says there are two there. */
    @Test
    void pointsSharingAHiddenSpotAreCountedAndRinged() throws Exception {
        PlaygroundFrame f = trained(Preset.LEARNED_XOR.setup(), 3000);
        onFx(() -> {
            DecisionMap map = new DecisionMap();
            Scene scene = mount(map, 520, 520);
            map.show(f);
            map.setHiddenSpace(true);
            scene.snapshot(null);
            save(scene, "hidden-stacks");
            PlaygroundFrame.Points h = f.hidden().train();
            int together = 0;
            for (int i = 0; i < h.size(); i++) {
                for (int j = i + 1; j < h.size(); j++) {
                    double[] p = map.toPixel(h.xy()[i][0], h.xy()[i][1]), q = map.toPixel(h.xy()[j][0], h.xy()[j][1]);
                    if (Math.hypot(p[0] - q[0], p[1] - q[1]) < 2) together++;
                }
            }
            assertTrue(together >= 1, "two samples share a hidden spot in this run");
            assertTrue(map.stacks().contains(2), "and the map counts them: " + map.stacks());
            map.setHiddenSpace(false);
            scene.snapshot(null);
            assertEquals(List.of(), map.stacks(), "the input plane has no stacked points");
            return null;
        });
    }

    @Test
    void hiddenSpacePlotsPointsAtTheirHiddenCoordinatesOverTheHiddenMap() throws Exception {
        // The built-in xor model's settings: 100 % from epoch 625.
        PlaygroundFrame f = trained(Preset.LEARNED_XOR.setup(), 700);
        assertTrue(f.hiddenMap() != null);
        assertEquals(1f, f.trainAccuracy(), "this seed learns XOR, so the four points sit apart");
        onFx(() -> {
            DecisionMap map = new DecisionMap();
            Scene scene = mount(map, 520, 520);
            map.show(f);
            map.setHiddenSpace(true);
            PixelReader px = scene.snapshot(null).getPixelReader();
            save(scene, "hidden");
            PlaygroundFrame.Points h = f.hidden().train();
            int checked = assertCellsColoured(map, px, f.hiddenMap().plane(), f.hiddenMap().values(), allPoints(h), 4);
            assertTrue(checked > 20, "compared " + checked + " cells");
            int seen = 0;
            for (int i = 0; i < h.size(); i++) {
                double[] p = map.toPixel(h.xy()[i][0], h.xy()[i][1]);
                boolean covered = false; // two samples can land on (almost) the same hidden point
                for (int j = 0; j < h.size(); j++) {
                    double[] q = map.toPixel(h.xy()[j][0], h.xy()[j][1]);
                    if (j != i && Math.hypot(p[0] - q[0], p[1] - q[1]) < 12) covered = true;
                }
                if (covered) continue;
                seen++;
                Color want = h.labels()[i] == 1 ? Palette.CLASS_1 : Palette.CLASS_0;
                Color got = px.getColor((int) Math.round(p[0]), (int) Math.round(p[1]));
                assertTrue(distance(want, got) < 0.25, "point " + i + " in class colour at its hidden coordinates: " + got);
            }
            assertTrue(seen >= 2, "checked " + seen + " points");
            double[] p = map.toPixel(0.5, 0.5);
            map.hoverAt(p[0], p[1]);
            assertTrue(map.hoverText().orElseThrow().startsWith("h1 0.50, h2 0.50 \u2192 \u0177 "));
            return null;
        });
    }

    @Test
    void dataWithoutAPlaneOrAHiddenLayerGetsANoteAndNoClicks() throws Exception {
        PlaygroundFrame encoder = trained(PlaygroundSetup.defaults().withDataset("encoder-838")
                .withHidden(List.of(new PlaygroundSetup.Hidden(3, "sigmoid"))), 1);
        assertNull(encoder.plane());
        PlaygroundFrame perceptron = trained(PlaygroundSetup.defaults().withKind(PlaygroundSetup.Kind.PERCEPTRON), 1);
        PlaygroundFrame fourUnits = trained(PlaygroundSetup.defaults(), 10);
        onFx(() -> {
            DecisionMap map = new DecisionMap();
            Scene scene = mount(map, 400, 400);
            map.show(fourUnits);
            map.setHiddenSpace(true);
            assertFalse(Double.isNaN(map.toPixel(0, 0)[0]), "four hidden units: the points in (h1, h2), without a map");
            save(scene, "hidden-no-map");
            map.setHiddenSpace(false);
            List<double[]> clicks = new ArrayList<>();
            map.setOnPointClick((x1, x2, b, sh) -> clicks.add(new double[] {x1, x2}));
            map.show(encoder);
            save(scene, "encoder");
            assertTrue(Double.isNaN(map.toData(200, 200)[0]));
            click(map, 200, 200, MouseButton.PRIMARY, false);
            assertTrue(clicks.isEmpty());
            map.hoverAt(200, 200);
            assertFalse(map.hoverText().isPresent());
            map.show(perceptron);
            map.setHiddenSpace(true);
            assertTrue(Double.isNaN(map.toPixel(0, 0)[0]), "no hidden layer: nothing plotted");
            return null;
        });
    }

    @Test
    void redrawingAFrameIsFast() throws Exception {
        PlaygroundFrame f = trained(PlaygroundSetup.defaults(), 5);
        double ms = onFx(() -> {
            DecisionMap map = new DecisionMap();
            Scene scene = mount(map, 600, 600);
            javafx.scene.image.WritableImage img = new javafx.scene.image.WritableImage(600, 600);
            for (int i = 0; i < 10; i++) { map.show(f); scene.snapshot(img); }
            long t0 = System.nanoTime();
            for (int i = 0; i < 40; i++) { map.show(f); scene.snapshot(img); }
            return (System.nanoTime() - t0) / 1e6 / 40;
        });
        System.out.println("DecisionMap show + software render of 600 x 600: " + ms + " ms");
        assertTrue(ms < 40, "show and render took " + ms + " ms");
    }
}
