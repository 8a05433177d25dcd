package backprop.app.draw;

import backprop.app.theme.Styles;
import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A region holding one canvas that always fills it; subclasses draw in {@link #redraw()}, which
 * runs again whenever the size, the theme colours or the presenter scale change. (Canvas beats
 * many scene nodes for edge-heavy drawings.)
 *
 * <p>A canvas has no CSS of its own, so the colours it draws with are CSS properties of this pane
 * ({@code -canvas-ink}, {@code -canvas-muted}, {@code -canvas-box}, {@code -canvas-border},
 * {@code -canvas-accent}, {@code -canvas-on-accent}, {@code -canvas-highlight},
 * {@code -canvas-track}, {@code -canvas-line-scale}), which the view's stylesheet maps onto the
 * theme's looked-up colours. Switching the theme re-resolves them and the drawing follows. The
 * defaults are the light theme's, for a pane outside a themed scene.
 */
public abstract class CanvasPane extends Region {
    private static final StyleablePropertyFactory<CanvasPane> CSS = new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    protected final Canvas canvas = new Canvas();
    private final StyleableProperty<Paint> ink = paint("ink", s -> s.ink, "#1d2127");
    private final StyleableProperty<Paint> muted = paint("muted", s -> s.muted, "#555d6b");
    private final StyleableProperty<Paint> box = paint("box", s -> s.box, "#ffffff");
    private final StyleableProperty<Paint> border = paint("border", s -> s.border, "#c9c9d4");
    private final StyleableProperty<Paint> accent = paint("accent", s -> s.accent, "#7b2d8e");
    private final StyleableProperty<Paint> onAccent = paint("on-accent", s -> s.onAccent, "#ffffff");
    private final StyleableProperty<Paint> highlight = paint("highlight", s -> s.highlight, "#fff1b8");
    private final StyleableProperty<Paint> track = paint("track", s -> s.track, "#e4e4ec");
    private final StyleableProperty<Number> lineScale = CSS.createStyleableNumberProperty(this, "lineScale", "-canvas-line-scale", s -> s.lineScale, 1.0);
    private double scale = 1;

    protected CanvasPane() {
        getStyleClass().add(Styles.CANVAS_PANE);
        getChildren().add(canvas);
        canvas.setFocusTraversable(false);
        for (StyleableProperty<?> p : List.of(ink, muted, box, border, accent, onAccent, highlight, track, lineScale)) {
            ((javafx.beans.value.ObservableValue<?>) p).addListener((o, a, b) -> redraw());
        }
    }

    private StyleableProperty<Paint> paint(String name, java.util.function.Function<CanvasPane, StyleableProperty<Paint>> self, String initial) {
        return CSS.createStyleablePaintProperty(this, name, "-canvas-" + name, self, Color.web(initial));
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    /** The canvas's context with everything erased, ready for a full redraw. */
    protected GraphicsContext cleared() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        return g;
    }

    /** Draws everything from the current state. */
    protected abstract void redraw();

    /**
     * Presenter mode: text and strokes grow by {@code s} (1 normally). The shell scales CSS text
     * through the root font; a canvas has to be told.
     */
    public void setScale(double s) {
        if (s == scale) return;
        scale = s;
        redraw();
    }

    public double scale() { return scale; }

    /** Screen pixels per layout pixel where this pane is shown (2 on many HiDPI screens; 1 off screen). */
    protected double outputScale() {
        return getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
    }

    // Theme colours, as the stylesheet resolved them for the current theme.
    protected Color ink() { return color(ink); }
    protected Color muted() { return color(muted); }
    protected Color box() { return color(box); }
    protected Color border() { return color(border); }
    protected Color accent() { return color(accent); }
    /** The accent at partial strength (operands of the current step, glows). */
    protected Color accent(double opacity) {
        Color a = accent();
        // High contrast (thick lines) has no half tones: a faded yellow on black reads as olive.
        return Color.color(a.getRed(), a.getGreen(), a.getBlue(), lineScale() > 1 ? Math.max(opacity, 0.8) : opacity);
    }
    protected Color onAccent() { return color(onAccent); }
    protected Color highlight() { return color(highlight); }
    protected Color track() { return color(track); }

    /** Stroke width multiplier of the theme: above 1 in high contrast, where borders are thick. */
    protected double lineScale() { return lineScale.getValue().doubleValue(); }

    /** Width of {@code s} drawn in font {@code f} (FX thread). */
    protected static double textWidth(String s, javafx.scene.text.Font f) {
        return TextMeasure.width(s, f);
    }

    private static Color color(StyleableProperty<Paint> p) {
        return p.getValue() instanceof Color c ? c : Color.GRAY;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() { return CSS.getCssMetaData(); }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() { return CSS.getCssMetaData(); }
}
