package backprop.app.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.export.HeadlessRenderer;
import backprop.app.export.RenderRequest;
import backprop.app.view.ViewRegistry;
import backprop.app.theme.Styles;
import backprop.app.theme.Theme;
import backprop.app.views.StudioViews;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The backprop view as {@code render} draws it: the diagram and the typeset formula follow the
 * theme (dark background, light ink in dark; the reverse in light), and presenter mode makes the
 * canvas text and the formula at least 1.5× larger at the same window size.
 */
class BackpropThemesAndPresenterTest {
    private static final int STEP = 14; // a weight gradient: long formula, highlighted edge

    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    /** What a render showed: the picture and where the diagram and the formula image were. */
    private record Shot(WritableImage image, Bounds diagram, Bounds formula, Color ink, double boxFont, double formulaHeight) {}

    private static Shot render(Theme theme, boolean presenter) throws Exception {
        AtomicReference<Shot> out = new AtomicReference<>();
        AtomicReference<WritableImage> image = new AtomicReference<>();
        image.set(new HeadlessRenderer(StudioViews.registry()).render(
                new RenderRequest("backprop", null, 0, 1280, 800, theme, presenter, STEP), v -> {
                    BackpropView view = (BackpropView) v;
                    Node diagram = view.root().lookup(".network-diagram");
                    Node formula = view.formulaView().lookup(".formula-image");
                    out.set(new Shot(null, diagram.localToScene(diagram.getLayoutBounds()), formula.localToScene(formula.getLayoutBounds()),
                            view.formulaView().ink(), view.boxFontSize(), view.formulaView().formulaHeight()));
                }));
        Shot s = out.get();
        return new Shot(image.get(), s.diagram(), s.formula(), s.ink(), s.boxFont(), s.formulaHeight());
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void theDiagramAndTheFormulaFollowTheTheme(Theme theme) throws Exception {
        Shot shot = render(theme, false);
        Color background = mostCommon(shot.image().getPixelReader(), shot.diagram());
        boolean darkTheme = theme != Theme.LIGHT;
        if (darkTheme) assertTrue(background.getBrightness() < 0.25, theme + ": diagram background should be dark, was " + background);
        else assertTrue(background.getBrightness() > 0.9, "light: diagram background should be light, was " + background);
        if (theme == Theme.HIGH_CONTRAST) assertEquals(Color.BLACK, background, "high contrast: pure black");

        // The formula is typeset in the theme's text colour: light ink on dark, dark ink on light.
        assertEquals(darkTheme, shot.ink().getBrightness() > 0.8, theme + ": formula ink " + shot.ink());
        int inked = countNear(shot.image().getPixelReader(), shot.formula(), shot.ink());
        assertTrue(inked > 150, theme + ": the formula shows in the theme's text colour (" + inked + " pixels)");
        Color formulaBackground = mostCommon(shot.image().getPixelReader(), shot.formula());
        assertTrue(contrast(shot.ink(), formulaBackground) > 7, theme + ": formula ink " + shot.ink() + " on " + formulaBackground);
    }

    @Test
    void presenterModeScalesTheBoxesAndTheFormulaAtLeastOneAndAHalfTimes() throws Exception {
        Shot normal = render(Theme.LIGHT, false);
        Shot presenter = render(Theme.LIGHT, true);
        assertTrue(Styles.PRESENTER_SCALE >= 1.5);
        assertTrue(presenter.boxFont() >= 1.5 * normal.boxFont(),
                "node-box font " + presenter.boxFont() + " vs " + normal.boxFont());
        assertTrue(presenter.formulaHeight() >= 1.5 * normal.formulaHeight(),
                "formula height " + presenter.formulaHeight() + " vs " + normal.formulaHeight());
        // Nothing clipped: the diagram and the formula lie inside the 1280x800 picture.
        for (Bounds b : new Bounds[] {presenter.diagram(), presenter.formula()}) {
            assertTrue(b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= 1280 && b.getMaxY() <= 800, b.toString());
        }
    }

    private static Color mostCommon(PixelReader px, Bounds b) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = (int) b.getMinY() + 2; y < (int) b.getMaxY() - 2; y += 3) {
            for (int x = (int) b.getMinX() + 2; x < (int) b.getMaxX() - 2; x += 3) counts.merge(px.getArgb(x, y), 1, Integer::sum);
        }
        int argb = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return Color.rgb((argb >> 16) & 255, (argb >> 8) & 255, argb & 255);
    }

    private static int countNear(PixelReader px, Bounds b, Color c) {
        int n = 0;
        for (int y = (int) b.getMinY(); y < (int) b.getMaxY(); y++) {
            for (int x = (int) b.getMinX(); x < (int) b.getMaxX(); x++) {
                Color p = px.getColor(x, y);
                if (Math.abs(p.getRed() - c.getRed()) + Math.abs(p.getGreen() - c.getGreen()) + Math.abs(p.getBlue() - c.getBlue()) < 0.12) n++;
            }
        }
        return n;
    }

    /** WCAG contrast ratio. */
    private static double contrast(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    private static double lin(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
