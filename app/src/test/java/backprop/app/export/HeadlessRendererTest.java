package backprop.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.view.ViewRegistry;
import backprop.app.theme.Theme;
import backprop.app.views.StudioViews;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real views drawn without a display, at the sizes slides use. */
class HeadlessRendererTest {
    @TempDir static Path dir;

    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    @ParameterizedTest
    @CsvSource({"backprop,1280,800", "playground,1280,800", "backprop,1920,1080", "playground,1920,1080"})
    void writesAPngOfTheRequestedSize(String view, int w, int h) throws Exception {
        Path out = dir.resolve(view + "-" + w + ".png");
        new HeadlessRenderer(StudioViews.registry()).renderToFile(RenderRequest.of(view, w, h), out);
        assertTrue(Files.size(out) > 0);
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(w, img.getWidth());
        assertEquals(h, img.getHeight());
        assertTrue(distinctColours(img) > 1, "the picture shows something, not one flat colour");
        try (var stream = Files.list(dir)) {
            assertTrue(stream.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left behind");
        }
    }

    @Test
    void themeColoursTheBackground() throws Exception {
        // A view that paints nothing itself, so the pixel is the theme's own background.
        var r = new HeadlessRenderer(new ViewRegistry().add(backprop.app.shell.FakeView.INFO, backprop.app.shell.FakeView::new));
        var dark = r.render(new RenderRequest("fake", null, 0, 320, 200, Theme.DARK, false));
        assertEquals(javafx.scene.paint.Color.web("#1b1e23"), dark.getPixelReader().getColor(1, 1));
        var hc = r.render(new RenderRequest("fake", null, 0, 320, 200, Theme.HIGH_CONTRAST, false));
        assertEquals(javafx.scene.paint.Color.BLACK, hc.getPixelReader().getColor(1, 1));
    }

    @Test
    void presenterModeMakesTextAtLeastHalfAgainAsLarge() throws Exception {
        double normal = largestFont(false);
        double presenter = largestFont(true);
        assertTrue(normal > 0);
        assertTrue(presenter >= 1.5 * normal, "presenter " + presenter + " vs normal " + normal);
    }

    private static double largestFont(boolean presenter) throws Exception {
        AtomicReference<Double> size = new AtomicReference<>(0.0);
        new HeadlessRenderer(StudioViews.registry()).render(
                new RenderRequest("playground", null, 0, 1280, 800, Theme.LIGHT, presenter),
                v -> size.set(maxFont(v.root())));
        return size.get();
    }

    private static double maxFont(Node n) {
        double m = n instanceof Labeled l ? l.getFont().getSize() : 0;
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) m = Math.max(m, maxFont(c));
        return m;
    }

    private static int distinctColours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y));
                if (seen.size() > 1) return seen.size();
            }
        }
        return seen.size();
    }
}
