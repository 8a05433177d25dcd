package backprop.app.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.export.HeadlessRenderer;
import backprop.app.export.RenderRequest;
import backprop.app.theme.Theme;
import backprop.app.view.ViewRegistry;
import backprop.engine.models.BuiltinModels;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The playground laid out as {@code render} lays it out, at the window sizes a classroom uses:
 * every table value readable in full and every control inside the window.
 */
class PlaygroundLayoutTest {
    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    static NetworkSpec spec(String name) throws Exception {
        if (!name.endsWith(".json")) return BuiltinModels.spec(name);
        try (var in = PlaygroundLayoutTest.class.getResourceAsStream("/specs/" + name)) {
            return SpecReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        }
    }

    /** Mounts the playground with {@code spec} after {@code steps} epochs and lets {@code inspect} look at it on the FX thread. */
    static void look(String spec, int steps, int w, int h, Theme theme, boolean presenter, Consumer<Scene> inspect) throws Exception {
        HeadlessRenderer r = new HeadlessRenderer(new ViewRegistry().add(PlaygroundView.INFO, PlaygroundView::new));
        RenderRequest req = new RenderRequest(PlaygroundView.INFO.id(), spec(spec), steps, w, h, theme, presenter);
        r.render(req, v -> inspect.accept(v.root().getScene()));
    }

    static List<Node> all(Node n) {
        List<Node> out = new ArrayList<>();
        out.add(n);
        if (n instanceof ScrollPane sp && sp.getContent() != null) out.addAll(all(sp.getContent()));
        else if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) out.addAll(all(c));
        return out;
    }

    static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    /** The text a label really draws: JavaFX puts "…" in it, not in getText(), when the label is too narrow. */
    static String drawn(Labeled l) {
        Node t = l.lookup(".text");
        return t instanceof Text text ? text.getText() : l.getText();
    }

    @ParameterizedTest
    @CsvSource({"xor,2000,1280,800,false", "encoder-838,2000,1280,800,false", "two-eight-eight-one.json,50,1280,800,false",
            "xor,2000,1920,1080,true", "encoder-838,2000,1920,1080,true", "two-eight-eight-one.json,50,1920,1080,true",
            "two-eight-eight-one.json,50,1024,700,false", "encoder-838,2000,1180,720,false", "xor,2000,920,620,false",
            "encoder-838,2000,920,620,false"})
    void everyTableValueIsShownInFull(String spec, int steps, int w, int h, boolean presenter) throws Exception {
        List<String> cut = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        look(spec, steps, w, h, Theme.LIGHT, presenter, scene -> {
            for (Node n : all(scene.lookup("#pg-table"))) {
                if (n instanceof Labeled l && shown(l)) {
                    cells.add(l.getText());
                    if (!drawn(l).equals(l.getText())) cut.add(l.getText() + " drawn as " + drawn(l));
                }
            }
        });
        assertTrue(cells.size() > 10, "the table is shown: " + cells);
        assertEquals(List.of(), cut, "table cells cut short at " + w + "×" + h);
    }

    @ParameterizedTest
    @CsvSource({"two-eight-eight-one.json,1024,700,false", "two-eight-eight-one.json,920,620,false", "two-eight-eight-one.json,1280,800,false", "encoder-838,1024,700,false",
            "two-eight-eight-one.json,1280,800,true", "two-eight-eight-one.json,1920,1080,true"})
    void noControlLeavesTheWindow(String spec, int w, int h, boolean presenter) throws Exception {
        List<String> outside = new ArrayList<>();
        look(spec, 10, w, h, Theme.LIGHT, presenter, scene -> {
            for (Node n : all(scene.getRoot())) {
                if (!(n instanceof Control) || !shown(n) || insideScroll(n)) continue;
                Bounds b = n.localToScene(n.getLayoutBounds());
                if (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > w + 0.5 || b.getMaxY() > h + 0.5)
                    outside.add((n.getId() != null ? n.getId() : n.getClass().getSimpleName()) + " " + fmt(b));
            }
        });
        assertEquals(List.of(), outside, "controls outside the " + w + "×" + h + " window");
    }

    @ParameterizedTest
    @CsvSource({"encoder-838,LIGHT", "encoder-838,DARK", "encoder-838,HIGH_CONTRAST", "two-eight-eight-one.json,DARK"})
    void tableTextStandsOutFromItsCell(String spec, Theme theme) throws Exception {
        List<String> poor = new ArrayList<>();
        List<javafx.scene.control.Label> tinted = new ArrayList<>();
        look(spec, 2000, 1280, 800, theme, false, scene -> {
            for (Node n : all(scene.lookup("#pg-table"))) {
                if (!(n instanceof javafx.scene.control.Label l) || l.getBackground() == null || l.getBackground().getFills().isEmpty()) continue;
                tinted.add(l);
                javafx.scene.paint.Color bg = (javafx.scene.paint.Color) l.getBackground().getFills().get(0).getFill();
                javafx.scene.paint.Color ink = (javafx.scene.paint.Color) l.getTextFill();
                javafx.scene.paint.Color other = ink.equals(SampleTable.LIGHT_INK) ? SampleTable.DARK_INK : SampleTable.LIGHT_INK;
                double c = SampleTable.contrast(ink, bg);
                if (c < SampleTable.contrast(other, bg) || c < 3) poor.add(l.getText() + " " + ink + " on " + bg + String.format(" (%.1f:1)", c));
            }
        });
        assertTrue(tinted.size() >= 8, "tinted cells found: " + tinted.size());
        assertEquals(List.of(), poor, "cells whose digits do not stand out in " + theme);
    }

    /** Mean colour of a node's middle half as drawn in {@code img} (scene coordinates). */
    static javafx.scene.paint.Color meanColour(javafx.scene.image.Image img, Node n) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        double r = 0, g = 0, bl = 0;
        int count = 0;
        for (int x = (int) (b.getMinX() + b.getWidth() / 4); x < b.getMaxX() - b.getWidth() / 4; x++) {
            for (int y = (int) (b.getMinY() + b.getHeight() / 4); y < b.getMaxY() - b.getHeight() / 4; y++) {
                javafx.scene.paint.Color c = img.getPixelReader().getColor(x, y);
                r += c.getRed();
                g += c.getGreen();
                bl += c.getBlue();
                count++;
            }
        }
        return javafx.scene.paint.Color.color(r / count, g / count, bl / count);
    }

    @org.junit.jupiter.api.Test
    void highContrastShowsSliderTracksAndWhichToggleIsOn() throws Exception {
        List<String> problems = new ArrayList<>();
        look("xor", 10, 1280, 800, Theme.HIGH_CONTRAST, false, scene -> {
            javafx.scene.image.Image img = scene.snapshot(null);
            for (Node track : scene.getRoot().lookupAll(".slider .track")) {
                if (!shown(track)) continue;
                // Right of the thumb (noise and test share are 0 here): the bare track.
                Bounds b = track.localToScene(track.getLayoutBounds());
                // The card beside it, inside its left padding at the track's height (a fixed point
                // would land on a section's border whenever the settings above it grow).
                javafx.scene.paint.Color card = img.getPixelReader().getColor(20, (int) b.getCenterY());
                javafx.scene.paint.Color c = img.getPixelReader().getColor((int) (b.getMaxX() - 6), (int) b.getCenterY());
                if (FxTesting.distance(c, card) < 1) problems.add("slider track " + c + " on " + card);
            }
            javafx.scene.paint.Color on = meanColour(img, scene.lookup("#pg-show-test"));
            javafx.scene.paint.Color off = meanColour(img, scene.lookup("#pg-hidden-space"));
            if (FxTesting.distance(on, off) < 1) problems.add("selected toggle " + on + " vs unselected " + off);
        });
        assertEquals(List.of(), problems);
    }

    @org.junit.jupiter.api.Test
    void presenterModeGivesTheNetworkChartsAndMarksTheRoom() throws Exception {
        List<String> problems = new ArrayList<>();
        look("xor", 2000, 1920, 1080, Theme.LIGHT, true, scene -> {
            NetworkCanvas net = (NetworkCanvas) scene.lookup(".network-canvas");
            double unit = net.unitBounds(1, 0).getHeight();
            if (unit < 100) problems.add("hidden units " + Math.round(unit) + " px tall in a " + Math.round(net.getHeight()) + " px drawing");
            Node chart = scene.lookup("#pg-chart");
            double h = chart.getLayoutBounds().getHeight();
            if (h < 0.25 * 1080) problems.add("charts " + Math.round(h) + " px tall");
            double digits = 0, marks = Double.POSITIVE_INFINITY;
            for (Node n : all(scene.lookup("#pg-table"))) {
                if (!(n instanceof javafx.scene.control.Label l)) continue;
                if (l.getText().equals("\u2713") && l.getStyleClass().contains(backprop.app.theme.Styles.PG_CORRECT)) marks = Math.min(marks, l.getFont().getSize());
                else if (l.getText().matches("[0-9.]+")) digits = Math.max(digits, l.getFont().getSize());
            }
            if (!(marks >= 1.25 * digits)) problems.add("\u2713 at " + marks + " px beside digits at " + digits + " px");
        });
        assertEquals(List.of(), problems);
    }

    /**
     * Nothing in the output and network cards is cut off by the card's edge or the window's: the
     * loss chart under a confusion matrix or a curve included, in normal and presenter mode.
     */
    @ParameterizedTest
    @CsvSource({"spiral-3-playground.json,1280,800,true,LIGHT", "spiral-3-playground.json,1280,800,false,DARK",
            "spiral-3-playground.json,1920,1080,true,DARK", "spiral-3-playground.json,1920,1080,false,LIGHT",
            "iris-playground.json,1280,800,true,LIGHT", "iris-playground.json,1280,800,false,LIGHT", "iris-playground.json,1920,1080,true,DARK",
            "sine-surface-playground.json,1280,800,true,LIGHT", "cars.json,1280,800,true,LIGHT", "cars.json,1280,800,false,DARK"})
    void nothingInTheCardsIsClipped(String spec, int w, int h, boolean presenter, Theme theme) throws Exception {
        List<String> cut = new ArrayList<>();
        look(spec, 20, w, h, theme, presenter, scene -> {
            for (String card : List.of("#pg-output-card", "#pg-network-card")) {
                Node c = scene.lookup(card);
                Bounds cb = c.localToScene(c.getLayoutBounds());
                if (cb.getMaxY() > h + 0.5 || cb.getMaxX() > w + 0.5) cut.add(card + " " + fmt(cb) + " leaves the window");
                for (Node n : all(c)) {
                    if (n == c || !shown(n) || !(n instanceof Control || n instanceof backprop.app.draw.CanvasPane) || insideScroll(n)) continue;
                    Bounds b = n.localToScene(n.getLayoutBounds());
                    if (b.getHeight() < 1) continue;
                    if (b.getMaxY() > cb.getMaxY() + 0.5 || b.getMaxX() > cb.getMaxX() + 0.5 || b.getMinY() < cb.getMinY() - 0.5)
                        cut.add((n.getId() != null ? n.getId() : n.getClass().getSimpleName()) + " " + fmt(b) + " outside " + card + " " + fmt(cb));
                }
            }
            if (System.getProperty("debugLayout") != null) for (Node k : ((Parent) scene.lookup("#pg-output-card")).getChildrenUnmodifiable())
                System.out.println("DBG " + k.getClass().getSimpleName() + " " + k.getId() + " h=" + k.getLayoutBounds().getHeight() + " min=" + k.minHeight(-1) + " pref=" + k.prefHeight(-1) + " managed=" + k.isManaged());
            Node chart = scene.lookup("#pg-chart");
            if (chart.getLayoutBounds().getHeight() < chart.minHeight(-1) - 0.5)
                cut.add("loss chart only " + Math.round(chart.getLayoutBounds().getHeight()) + " px tall");
        });
        assertEquals(List.of(), cut, spec + " at " + w + "×" + h + (presenter ? " presenter" : "") + " " + theme);
    }

    private static boolean insideScroll(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) if (p instanceof ScrollPane) return true;
        return false;
    }

    private static String fmt(Bounds b) {
        return String.format("[%.0f,%.0f – %.0f,%.0f]", b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY());
    }
}
