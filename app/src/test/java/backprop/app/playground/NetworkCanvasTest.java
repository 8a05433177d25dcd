package backprop.app.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.export.HeadlessRenderer;
import backprop.app.export.PngFiles;
import backprop.app.playground.NetworkCanvas.Edge;
import backprop.app.playground.NetworkCanvas.Unit;
import backprop.app.playground.PlaygroundSetup.Hidden;
import backprop.app.theme.Palette;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The playground's network drawing, fed real engine frames, in a 640×420 scene without a display. */
class NetworkCanvasTest {
    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    /** Edits the canvas reported, as "weight l i j v" / "bias l j v". */
    private final List<String> edits = new ArrayList<>();

    private static PlaygroundFrame frame(PlaygroundSetup setup) {
        PlaygroundSession s = new PlaygroundSession();
        s.apply(setup);
        s.epoch();
        return s.frame();
    }

    private NetworkCanvas mounted(PlaygroundFrame f, double scale) {
        NetworkCanvas c = new NetworkCanvas();
        c.setScale(scale);
        c.setOnWeightEdit(new NetworkCanvas.WeightEdit() {
            @Override public void weight(int layer, int i, int j, float value) { edits.add("weight " + layer + " " + i + " " + j + " " + value); }
            @Override public void bias(int layer, int j, float value) { edits.add("bias " + layer + " " + j + " " + value); }
        });
        new Scene(c, 640, 420);
        c.show(f);
        c.applyCss();
        c.layout();
        return c;
    }

    @Test
    void theEdgeLayerFollowsAWeightThatChangesStrengthAndSignButNotANewFrameThatChangesNothing() throws Exception {
        PlaygroundSession s = new PlaygroundSession();
        s.apply(PlaygroundSetup.defaults());
        s.epoch();
        PlaygroundFrame before = s.frame();
        // The output edge from h2,1: as strong as the strongest weight, first positive, then negative.
        float strong = 0;
        for (float[][] w : before.weights()) for (float[] row : w) for (float v : row) strong = Math.max(strong, Math.abs(v));
        s.setWeight(2, 0, 0, strong);
        PlaygroundFrame positive = s.frame();
        s.setWeight(2, 0, 0, -strong);
        PlaygroundFrame negative = s.frame();
        onFx(() -> {
            NetworkCanvas c = mounted(positive, 1);
            Point2D m = c.edgeMidpoint(2, 0, 0);
            Color pos = c.getScene().snapshot(null).getPixelReader().getColor((int) m.getX(), (int) m.getY());
            assertTrue(pos.getRed() > pos.getBlue(), "a strong positive weight is orange: " + pos);
            c.show(negative);
            Color neg = c.getScene().snapshot(null).getPixelReader().getColor((int) m.getX(), (int) m.getY());
            assertTrue(neg.getBlue() > neg.getRed(), "the same edge turned blue with its weight: " + neg);
            c.show(s.frame()); // a new frame with the same weights draws the same picture
            Color same = c.getScene().snapshot(null).getPixelReader().getColor((int) m.getX(), (int) m.getY());
            assertEquals(neg, same);
            return null;
        });
    }

    /** The hover names a hidden unit as the table's header and the hidden-space axes do. */
    @Test
    void tooltipTableAndHiddenSpaceUseOneNameForAUnit() throws Exception {
        for (Preset p : List.of(Preset.LEARNED_XOR, Preset.HANDBUILT_XOR)) {
            PlaygroundFrame f = frame(p.setup());
            onFx(() -> {
                NetworkCanvas c = mounted(f, 1);
                Point2D m = c.edgeMidpoint(1, 1, 0); // second hidden unit → output
                move(c, m.getX(), m.getY());
                String hover = c.hoverText().orElseThrow();
                SampleTable t = new SampleTable();
                t.show(f);
                String header = t.cellTexts().get(3); // x1 x2 | first hidden | second hidden
                assertTrue(hover.contains("(" + header + " → ŷ)"), p + ": tooltip " + hover + ", table header " + header);
                DecisionMap map = new DecisionMap();
                new Scene(map, 300, 300);
                map.setHiddenSpace(true);
                map.show(f);
                assertEquals(header, map.axisLabels()[1], p + ": hidden-space axis");
                return null;
            });
        }
    }

    @Test
    void hoveringAnEdgeShowsTheEnginesExactWeight() throws Exception {
        PlaygroundFrame f = frame(PlaygroundSetup.defaults());
        onFx(() -> {
            NetworkCanvas c = mounted(f, 1);
            // Edges whose midpoints no other edge passes through (crossings are ambiguous by nature).
            for (Edge e : List.of(new Edge(1, 0, 0), new Edge(2, 3, 0), new Edge(0, 0, 0))) {
                Point2D m = c.edgeMidpoint(e.layer(), e.from(), e.to());
                move(c, m.getX(), m.getY());
                float w = f.weights().get(e.layer())[e.from()][e.to()];
                String text = c.hoverText().orElseThrow();
                assertTrue(text.endsWith(" = " + NetworkCanvas.exact(w)), text + " vs " + w);
                String sub = "" + (char) ('\u2080' + e.from() + 1) + (char) ('\u2080' + e.to() + 1);
                assertTrue(text.startsWith("w" + sub + " ("), text);
            }
            assertTrue(c.hoverText().orElseThrow().contains("(x1 \u2192 h1,1)"));
            Point2D last = c.edgeMidpoint(2, 3, 0);
            move(c, last.getX(), last.getY());
            assertTrue(c.hoverText().orElseThrow().contains("(h2,4 \u2192 \u0177)"), c.hoverText().get());
            // A unit names its bias; empty space names nothing.
            Rectangle2D out = c.unitBounds(3, 0);
            move(c, out.getMinX() + out.getWidth() / 2, out.getMinY() + out.getHeight() / 2);
            assertEquals("\u0177 \u00b7 sigmoid \u00b7 b = " + NetworkCanvas.exact(f.biases().get(2)[0]), c.hoverText().orElseThrow());
            move(c, 2, 2);
            assertTrue(c.hoverText().isEmpty());
            return null;
        });
    }

    @Test
    void exactKeepsEveryDigitOfTheFloat() {
        assertEquals("0.1", NetworkCanvas.exact(0.1f));
        assertEquals("\u22121.2345678", NetworkCanvas.exact(-1.2345678f));
        assertEquals("0.00001", NetworkCanvas.exact(1e-5f));
        assertEquals(0.7346592f, Float.parseFloat(NetworkCanvas.exact(0.7346592f)));
    }

    @Test
    void thumbnailPixelsAreThePalettesColourOfTheMapValue() throws Exception {
        PlaygroundFrame f = frame(PlaygroundSetup.defaults());
        onFx(() -> {
            NetworkCanvas c = mounted(f, 1);
            WritableImage shot = c.snapshot(null, null);
            int grid = f.plane().grid();
            // Hidden tanh units use the fixed [−1, 1] scale, the sigmoid output the probability scale.
            check(c, shot, f, 1, 2, grid / 2, grid / 2, v -> Palette.diverging(v, 1));
            check(c, shot, f, 2, 0, grid / 4, 3 * grid / 4, v -> Palette.diverging(v, 1));
            check(c, shot, f, 3, 0, grid / 3, grid / 2, Palette::probability);
            // The tanh unit that varies least, at its strongest inner cell: a per-unit fitted scale would saturate it.
            int weakest = 0;
            for (int u = 1; u < 4; u++) if (innerMax(f.maps().get(2)[u], grid)[0] < innerMax(f.maps().get(2)[weakest], grid)[0]) weakest = u;
            int at = (int) innerMax(f.maps().get(2)[weakest], grid)[1];
            check(c, shot, f, 2, weakest, at / grid, at % grid, v -> Palette.diverging(v, 1));
            // Inputs are unbounded features: their own largest |value| is the range.
            float[] x1 = f.maps().get(0)[0];
            float max = 0;
            for (float v : x1) max = Math.max(max, Math.abs(v));
            float range = max;
            check(c, shot, f, 0, 0, grid / 2, grid / 5, v -> Palette.diverging(v, range));
            return null;
        });
    }

    /** {largest |v|, its index} over the cells away from the thumbnail's rounded corners and border. */
    private static double[] innerMax(float[] map, int grid) {
        double best = -1, at = 0;
        for (int r = grid / 8; r < grid - grid / 8; r++) {
            for (int col = grid / 8; col < grid - grid / 8; col++) {
                if (Math.abs(map[r * grid + col]) > best) {
                    best = Math.abs(map[r * grid + col]);
                    at = r * grid + col;
                }
            }
        }
        return new double[] {best, at};
    }

    private static void check(NetworkCanvas c, WritableImage shot, PlaygroundFrame f, int column, int unit, int row, int col,
                              java.util.function.DoubleFunction<Color> palette) {
        int grid = f.plane().grid();
        Rectangle2D r = c.unitBounds(column, unit);
        double cell = r.getWidth() / grid;
        int px = (int) Math.floor(r.getMinX() + (col + 0.5) * cell), py = (int) Math.floor(r.getMinY() + (row + 0.5) * cell);
        Color seen = shot.getPixelReader().getColor(px, py);
        Color want = palette.apply(f.maps().get(column)[unit][row * grid + col]);
        double d = Math.max(Math.abs(seen.getRed() - want.getRed()), Math.max(Math.abs(seen.getGreen() - want.getGreen()), Math.abs(seen.getBlue() - want.getBlue())));
        assertTrue(d < 0.06, "column " + column + " unit " + unit + " cell " + row + "," + col + ": saw " + seen + ", palette " + want);
    }

    @Test
    void withoutMapsUnitsAreCirclesColouredByTheirBias() throws Exception {
        PlaygroundSession s = new PlaygroundSession();
        s.apply(PlaygroundSetup.defaults().withDataset("encoder-838").withHidden(List.of(new Hidden(3, "sigmoid"))));
        s.epoch();
        // Clearly signed biases, so a circle left blank or coloured by anything else shows.
        s.setBias(0, 0, -0.6f);
        s.setBias(0, 2, 0.45f);
        PlaygroundFrame f = s.frame();
        assertEquals(null, f.maps());
        onFx(() -> {
            NetworkCanvas c = mounted(f, 1);
            WritableImage shot = c.snapshot(null, null);
            double range = 1e-6;
            for (float[][] w : f.weights()) for (float[] row : w) for (float v : row) range = Math.max(range, Math.abs(v));
            for (int u = 0; u < 3; u++) {
                Rectangle2D r = c.unitBounds(1, u);
                Color seen = shot.getPixelReader().getColor((int) r.getMinX() + (int) (r.getWidth() / 2), (int) r.getMinY() + (int) (r.getHeight() / 2));
                Color want = Palette.diverging(f.biases().get(0)[u], range);
                assertTrue(Math.abs(seen.getRed() - want.getRed()) < 0.03 && Math.abs(seen.getBlue() - want.getBlue()) < 0.03, seen + " vs " + want);
            }
            Point2D m = c.edgeMidpoint(1, 0, 0);
            move(c, m.getX(), m.getY());
            assertTrue(c.hoverText().orElseThrow().endsWith(" = " + NetworkCanvas.exact(f.weights().get(1)[0][0])), c.hoverText().get());
            return null;
        });
    }

    @Test
    void editingThroughThePopupCallsBackWithTheTypedValueAndRejectsText() throws Exception {
        PlaygroundFrame f = frame(PlaygroundSetup.defaults());
        onFx(() -> {
            NetworkCanvas c = mounted(f, 1);
            Point2D m = c.edgeMidpoint(1, 0, 0);
            click(c, m.getX(), m.getY());
            WeightEditor ed = c.editor();
            assertTrue(ed.isVisible());
            assertEquals(NetworkCanvas.exact(f.weights().get(1)[0][0]), ed.field.getText());

            ed.field.setText("0.75");
            ed.field.fireEvent(new ActionEvent());
            assertEquals(List.of("weight 1 0 0 0.75"), edits);

            ed.field.setText("abc");
            ed.field.fireEvent(new ActionEvent());
            assertEquals(1, edits.size(), "text that is not a number applies nothing");
            assertTrue(ed.error.isVisible());
            assertTrue(ed.error.getText().contains("not a number"), ed.error.getText());

            ed.field.setText("\u22122.5");
            ed.field.fireEvent(new ActionEvent());
            assertEquals("weight 1 0 0 -2.5", edits.get(1));
            assertFalse(ed.error.isVisible());

            ed.slider.setValue(1.25);
            assertEquals("weight 1 0 0 1.25", edits.get(2));

            Event.fireEvent(ed.field, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE, false, false, false, false));
            assertFalse(ed.isVisible());

            // A unit edits its bias: the output unit is layer 2's unit 0.
            Rectangle2D out = c.unitBounds(3, 0);
            click(c, out.getMinX() + 5, out.getMinY() + 5);
            assertTrue(ed.isVisible());
            assertTrue(ed.title.getText().startsWith("b of \u0177"), ed.title.getText());
            ed.field.setText("-1.5");
            ed.field.fireEvent(new ActionEvent());
            assertEquals("bias 2 0 -1.5", edits.get(3));
            // Clicking empty space closes it.
            click(c, 3, 3);
            assertFalse(ed.isVisible());
            return null;
        });
    }

    @Test
    void draggingAnEdgeUpRaisesItsWeight() throws Exception {
        PlaygroundFrame f = frame(PlaygroundSetup.defaults());
        onFx(() -> {
            NetworkCanvas c = mounted(f, 1);
            Point2D m = c.edgeMidpoint(1, 0, 0);
            mouse(c, MouseEvent.MOUSE_PRESSED, m.getX(), m.getY());
            mouse(c, MouseEvent.MOUSE_DRAGGED, m.getX(), m.getY() - 50);
            mouse(c, MouseEvent.MOUSE_RELEASED, m.getX(), m.getY() - 50);
            assertEquals(1, edits.size());
            String[] parts = edits.get(0).split(" ");
            assertEquals("weight 1 0 0", String.join(" ", parts[0], parts[1], parts[2], parts[3]));
            assertTrue(Float.parseFloat(parts[4]) > f.weights().get(1)[0][0] + 1, edits.get(0));
            assertFalse(c.editor().isVisible(), "a drag is not a click");
            return null;
        });
    }

    /** Points along a curve's control polygon (x0 y0 c1 c2 x1 y1). */
    private static List<Point2D> along(double[] b, int n) {
        List<Point2D> out = new ArrayList<>();
        for (int k = 0; k <= n; k++) {
            double t = (double) k / n, u = 1 - t;
            out.add(new Point2D(u * u * u * b[0] + 3 * u * u * t * b[2] + 3 * u * t * t * b[4] + t * t * t * b[6],
                    u * u * u * b[1] + 3 * u * u * t * b[3] + 3 * u * t * t * b[5] + t * t * t * b[7]));
        }
        return out;
    }

    @Test
    void skipConnectionsArcAroundTheColumnTheySkipAndAreDrawnDashed() throws Exception {
        PlaygroundFrame f = frame(Preset.RESIDUAL_XOR.setup());
        onFx(() -> {
            NetworkCanvas c = mounted(f, 1);
            WritableImage shot = save(c, "residual.png");
            int background = shot.getPixelReader().getArgb(3, 3);
            for (int u = 0; u < 4; u++) {
                // The add (layer 2) reads h1 (column 1) across h2 (column 2): an arc, over h2 for its upper units, under it for the lower.
                List<Point2D> arc = along(c.linkCurve(2, 0, u), 200);
                double peak = u < 2 ? arc.stream().mapToDouble(Point2D::getY).min().orElseThrow() : arc.stream().mapToDouble(Point2D::getY).max().orElseThrow();
                if (u < 2) assertTrue(peak < c.unitBounds(2, 0).getMinY(), "unit " + u + " arcs over h2: " + peak);
                else assertTrue(peak > c.unitBounds(2, 3).getMaxY(), "unit " + u + " arcs under h2: " + peak);
                int drawn = 0;
                for (Point2D p : arc) {
                    for (int k = 0; k < 4; k++) {
                        Rectangle2D r = c.unitBounds(2, k);
                        assertFalse(p.getX() > r.getMinX() - 2 && p.getX() < r.getMaxX() + 2 && p.getY() > r.getMinY() - 2 && p.getY() < r.getMaxY() + 2,
                                "unit " + u + "'s arc crosses h2," + (k + 1) + " at " + p);
                    }
                    assertTrue(p.getX() >= 0 && p.getX() < 640 && p.getY() >= 0 && p.getY() < 420, "on the canvas: " + p);
                    if (shot.getPixelReader().getArgb((int) p.getX(), (int) p.getY()) != background) drawn++;
                }
                // Dashed: much of the arc is drawn, not all of it.
                assertTrue(drawn > 60 && drawn < 190, "unit " + u + ": " + drawn + " of 201 points along the arc drawn");
            }
            // Hovering: the add names what it sums, a dashed connection says it is fixed, and neither opens an editor.
            Rectangle2D add = c.unitBounds(3, 1);
            move(c, add.getMinX() + add.getWidth() / 2, add.getMinY() + add.getHeight() / 2);
            assertTrue(c.hoverText().orElseThrow().startsWith("h3,2 = add: h1,2 + h2,2 \u00b7 "), c.hoverText().get());
            click(c, add.getMinX() + add.getWidth() / 2, add.getMinY() + add.getHeight() / 2);
            assertFalse(c.editor().isVisible());
            Point2D top = along(c.linkCurve(2, 0, 0), 2).get(1);
            move(c, top.getX(), top.getY());
            assertEquals("h1,1 \u2192 h3,1 \u00b7 identity, weight 1 (fixed)", c.hoverText().orElseThrow());
            assertTrue(edits.isEmpty());
            return null;
        });
    }

    @Test
    void aLearnableSkipIsColouredByItsWeightAndEditableByDragging() throws Exception {
        // h3 reads h1 directly, skipping h2: its weights arc over and under h2.
        PlaygroundFrame f = frame(PlaygroundSetup.defaults().withHidden(List.of(new Hidden(4, "tanh"), new Hidden(4, "tanh"), new Hidden(4, "tanh", null, List.of(1)))));
        onFx(() -> {
            NetworkCanvas c = mounted(f, 1);
            WritableImage shot = c.getScene().snapshot(null);
            Point2D m = c.edgeMidpoint(2, 0, 0);
            assertTrue(m.getY() < c.unitBounds(2, 0).getMinY(), "over h2");
            assertFalse(shot.getPixelReader().getArgb((int) m.getX(), (int) m.getY()) == shot.getPixelReader().getArgb(3, 3), "drawn");
            move(c, m.getX(), m.getY());
            assertEquals("w\u2081\u2081 (h1,1 \u2192 h3,1) = " + NetworkCanvas.exact(f.weights().get(2)[0][0]), c.hoverText().orElseThrow());
            mouse(c, MouseEvent.MOUSE_PRESSED, m.getX(), m.getY());
            mouse(c, MouseEvent.MOUSE_DRAGGED, m.getX(), m.getY() - 40);
            assertTrue(edits.get(edits.size() - 1).startsWith("weight 2 0 0 "), edits.toString());
            return null;
        });
    }

    @Test
    void layoutGivesColumnPositionsAndFitsEightUnitColumns() throws Exception {
        PlaygroundFrame f = frame(PlaygroundSetup.defaults().withHidden(List.of(new Hidden(8, "tanh"), new Hidden(8, "tanh"), new Hidden(8, "tanh"))));
        onFx(() -> {
            NetworkCanvas c = mounted(f, 1);
            for (int col = 1; col < 5; col++) assertTrue(c.columnCentreX(col) > c.columnCentreX(col - 1));
            assertTrue(c.topOfUnits() >= 0);
            Rectangle2D top = c.unitBounds(1, 0), bottom = c.unitBounds(1, 7);
            assertTrue(top.getMinY() >= c.topOfUnits() - 0.01 && bottom.getMaxY() <= 420, top + " " + bottom);
            assertTrue(bottom.getMinY() > top.getMaxY() + 7 * top.getHeight(), "units do not overlap");
            assertTrue(c.unitBounds(4, 0).getMaxX() <= 640 && c.unitBounds(0, 0).getMinX() >= 0);
            return null;
        });
    }

    @Test
    void framesDrawFastEnoughForAnimation() throws Exception {
        PlaygroundFrame f = frame(PlaygroundSetup.defaults().withHidden(List.of(new Hidden(8, "tanh"), new Hidden(8, "tanh"), new Hidden(8, "tanh"))));
        double ms = onFx(() -> {
            NetworkCanvas c = mounted(f, 1);
            WritableImage img = new WritableImage(640, 420);
            for (int k = 0; k < 10; k++) { c.show(f); c.getScene().snapshot(img); }
            int n = 30;
            long t0 = System.nanoTime();
            for (int k = 0; k < n; k++) { c.show(f); c.getScene().snapshot(img); }
            return (System.nanoTime() - t0) / 1e6 / n;
        });
        System.out.printf("NetworkCanvas 2-8-8-8-1: %.2f ms per frame (show + snapshot)%n", ms);
        assertTrue(ms < 200, ms + " ms per frame");
    }

    /** Where the pictures to look at go: the module's build folder, never a fixed system path. */
    private static final Path PICTURES = Path.of("target", "pictures");

    /**
     * Pictures to look at (under target/pictures): the default network hovered, presenter scale,
     * 8-unit columns with the editor, six layers, the encoder. Each must be the scene's size, far
     * from blank, and show a unit's heat map in the palette's colours where nothing covers it.
     */
    @Test
    void writesPicturesToLookAt() throws Exception {
        PlaygroundFrame def = frame(PlaygroundSetup.defaults());
        PlaygroundFrame wide = frame(PlaygroundSetup.defaults().withHidden(List.of(new Hidden(8, "tanh"), new Hidden(8, "relu"), new Hidden(8, "tanh"))));
        PlaygroundFrame deep = frame(PlaygroundSetup.defaults().withHidden(List.of(new Hidden(3, "tanh"), new Hidden(4, "relu"), new Hidden(5, "tanh"),
                new Hidden(6, "sigmoid"), new Hidden(4, "tanh"), new Hidden(2, "tanh"))));
        PlaygroundFrame encoder = frame(PlaygroundSetup.defaults().withDataset("encoder-838").withHidden(List.of(new Hidden(3, "sigmoid"))));
        java.util.function.DoubleFunction<Color> tanh = v -> Palette.diverging(v, 1);
        onFx(() -> {
            NetworkCanvas c = mounted(def, 1);
            Point2D m = c.edgeMidpoint(1, 0, 0);
            move(c, m.getX(), m.getY());
            assertTrue(c.hoverText().isPresent(), "the hovered edge has a readout");
            centreCell(c, save(c, "network-canvas.png"), def, 1, 3, tanh); // bottom unit: away from the readout
            NetworkCanvas p = mounted(def, 1.6);
            Rectangle2D u = p.unitBounds(2, 1);
            move(p, u.getMinX() + 10, u.getMinY() + 10);
            centreCell(p, save(p, "network-canvas-presenter.png"), def, 1, 3, tanh);
            NetworkCanvas w = mounted(wide, 1);
            w.setHighlightColumn(2);
            Point2D e = w.edgeMidpoint(0, 0, 0);
            click(w, e.getX(), e.getY());
            w.layout();
            centreCell(w, save(w, "network-canvas-8units.png"), wide, 3, 7, tanh); // far from the editor at the first edge
            NetworkCanvas d = mounted(deep, 1);
            centreCell(d, save(d, "network-canvas-deep.png"), deep, 1, 0, tanh);
            NetworkCanvas enc = mounted(encoder, 1);
            Rectangle2D h = enc.unitBounds(1, 1);
            move(enc, h.getMinX() + 10, h.getMinY() + 10);
            assertTrue(enc.hoverText().isPresent(), "the hovered unit has a readout");
            save(enc, "network-canvas-encoder.png");
            NetworkCanvas wp = mounted(wide, 1.6);
            centreCell(wp, save(wp, "network-canvas-8units-presenter.png"), wide, 3, 7, tanh);
            return null;
        });
    }

    /** Writes the scene's picture under {@link #PICTURES} and checks it is a whole, drawn picture. */
    private static WritableImage save(NetworkCanvas c, String name) throws Exception {
        WritableImage img = c.getScene().snapshot(null);
        assertEquals(640, (int) img.getWidth(), name);
        assertEquals(420, (int) img.getHeight(), name);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < 420; y += 2) for (int x = 0; x < 640; x += 2) colours.add(img.getPixelReader().getArgb(x, y));
        assertTrue(colours.size() > 200, name + " is nearly blank: " + colours.size() + " colours");
        java.nio.file.Files.createDirectories(PICTURES);
        Path out = PICTURES.resolve(name);
        PngFiles.write(img, out);
        assertTrue(java.nio.file.Files.size(out) > 10_000, name + " was written whole");
        return img;
    }

    /** The centre cell of a unit's heat map shows its map value in the palette. */
    private static void centreCell(NetworkCanvas c, WritableImage shot, PlaygroundFrame f, int column, int unit, java.util.function.DoubleFunction<Color> palette) {
        int grid = f.plane().grid();
        check(c, shot, f, column, unit, grid / 2, grid / 2, palette);
    }

    private static void move(NetworkCanvas c, double x, double y) { mouse(c, MouseEvent.MOUSE_MOVED, x, y); }

    /** The canvas that takes the mouse (the edge layer beneath it does not). */
    private static javafx.scene.Node surface(NetworkCanvas c) {
        return c.getChildrenUnmodifiable().stream().filter(n -> n instanceof javafx.scene.canvas.Canvas && !n.isMouseTransparent()).findFirst().orElseThrow();
    }

    private static void click(NetworkCanvas c, double x, double y) {
        mouse(c, MouseEvent.MOUSE_PRESSED, x, y);
        mouse(c, MouseEvent.MOUSE_RELEASED, x, y);
    }

    /** A real mouse event through the scene's dispatch to the canvas, at pane coordinates (the pane fills the scene). */
    private static void mouse(NetworkCanvas c, javafx.event.EventType<MouseEvent> type, double x, double y) {
        boolean down = type == MouseEvent.MOUSE_PRESSED || type == MouseEvent.MOUSE_DRAGGED;
        MouseEvent e = new MouseEvent(type, x, y, x, y, type == MouseEvent.MOUSE_MOVED ? MouseButton.NONE : MouseButton.PRIMARY, 1,
                false, false, false, false, down, false, false, true, false, true, null);
        Event.fireEvent(surface(c), e);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        try {
            return task.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Error err) throw err;
            if (e.getCause() instanceof Exception ex) throw ex;
            throw e;
        }
    }
}
