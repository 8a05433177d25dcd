package backprop.app.theme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;

/**
 * Legend for {@link Palette#diverging}: a colour bar from −range to +range with the two ends and
 * zero labelled, and an optional title ("weight", "δ"). Embed it in any view that colours signed
 * numbers, and set {@link #rangeProperty()} to the same range the view passes to the palette.
 */
public final class PaletteLegend extends VBox {
    /** Gradient stops sampled from the palette itself, so the bar cannot disagree with it. */
    static final int SAMPLES = 33;

    private final DoubleProperty range = new SimpleDoubleProperty(this, "range", 1);
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final Rectangle bar = new Rectangle();
    private final Label min = tick();
    private final Label zero = tick();
    private final Label max = tick();

    public PaletteLegend() {
        this("", 1);
    }

    public PaletteLegend(String title, double range) {
        getStyleClass().add(Styles.LEGEND);
        Label titleLabel = new Label();
        titleLabel.getStyleClass().add(Styles.LEGEND_TITLE);
        titleLabel.textProperty().bind(this.title);
        titleLabel.managedProperty().bind(this.title.isNotEmpty());
        titleLabel.visibleProperty().bind(titleLabel.managedProperty());

        bar.getStyleClass().add(Styles.LEGEND_BAR);
        bar.setFill(gradient());
        bar.setHeight(12);
        // The bar follows the legend's width; its height scales with the font (presenter mode).
        bar.widthProperty().bind(widthProperty().subtract(1)); // the legend has no padding; 1px for the stroke
        fontHeight(zero);

        Region left = new Region();
        Region right = new Region();
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox ticks = new HBox(min, left, zero, right, max);
        ticks.setAlignment(Pos.CENTER);

        getChildren().addAll(titleLabel, bar, ticks);
        // Width in em from base.css (grows with presenter fonts); 200px without the stylesheet.
        setPrefWidth(200);
        setMaxWidth(USE_PREF_SIZE);
        this.range.addListener((obs, old, r) -> updateTicks());
        this.title.set(title);
        this.range.set(range);
        updateTicks();
    }

    public DoubleProperty rangeProperty() { return range; }
    public void setRange(double r) { range.set(r); }
    public double getRange() { return range.get(); }
    public StringProperty titleProperty() { return title; }
    public void setTitle(String t) { title.set(t); }

    /** Tick texts shown, left to right (for tests). */
    public List<String> tickTexts() { return List.of(min.getText(), zero.getText(), max.getText()); }

    /** Colour the bar shows at fraction {@code f} of its width (0 = −range, 1 = +range). */
    public Color colorAt(double f) {
        return Palette.diverging((2 * f - 1) * range.get(), range.get());
    }

    private void updateTicks() {
        double r = range.get();
        min.setText("−" + format(r));
        zero.setText("0");
        max.setText("+" + format(r));
    }

    private void fontHeight(Label reference) {
        // 12px at 14px font, 19px at presenter size: keep the bar's proportions when text grows.
        reference.fontProperty().addListener((obs, old, f) -> bar.setHeight(Math.round(f.getSize() * 0.85)));
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return String.format(Locale.ROOT, "%.0f", v);
        if (Math.abs(v) >= 0.01) return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        return String.format(Locale.ROOT, "%.1e", v);
    }

    private static LinearGradient gradient() {
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            double f = i / (double) (SAMPLES - 1);
            stops.add(new Stop(f, Palette.diverging(2 * f - 1, 1)));
        }
        return new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops);
    }

    private static Label tick() {
        Label l = new Label();
        l.getStyleClass().add(Styles.TICK);
        return l;
    }
}
