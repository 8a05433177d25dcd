package backprop.app.draw;

import backprop.app.math.TexImages;
import backprop.app.theme.Styles;
import backprop.app.timeline.Formula;
import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The current formula three ways: typeset (JLaTeXMath image in the theme's text colour on a
 * transparent background, broken into lines when wider than the room, scaled down only if a
 * single piece still does not fit), as plain text in a label (screen readers, copy, tests), and
 * a one-line explanation in plain words. The ink is the CSS property {@code -formula-ink}, so
 * the formula follows the theme.
 */
public final class FormulaView extends VBox {
    private static final StyleablePropertyFactory<FormulaView> CSS = new StyleablePropertyFactory<>(VBox.getClassCssMetaData());

    private final StyleableProperty<Paint> ink = CSS.createStyleablePaintProperty(this, "ink", "-formula-ink", f -> f.ink, Color.web("#1d2127"));
    private final ImageView image = new ImageView();
    private final StackPane imageBox = new StackPane(image);
    private final Label text = new Label();
    private final Label explanation = new Label();
    private float texSize = 24f;
    private double scale = 1;
    private double renderedFor = -1; // the width the current image was broken for
    private Image natural;
    private Formula shown;
    private boolean reserve;
    /** Height of the typeset part, in font sizes, that a reserved view keeps free: one line of display maths with a fraction. */
    static final double RESERVED_TEX_LINES = 2.8;

    public FormulaView(String idPrefix) {
        getStyleClass().add(Styles.FORMULA_VIEW);
        image.setPreserveRatio(true);
        image.setSmooth(true);
        imageBox.setAlignment(Pos.CENTER_LEFT);
        imageBox.getStyleClass().add(Styles.FORMULA_IMAGE);
        text.setId(idPrefix + "-formula-text");
        text.getStyleClass().add(Styles.FORMULA_TEXT);
        text.setWrapText(true);
        explanation.setId(idPrefix + "-explanation");
        explanation.getStyleClass().add(Styles.FORMULA_EXPLANATION);
        explanation.setWrapText(true);
        getChildren().addAll(explanation, imageBox, text);
        widthProperty().addListener((o, a, b) -> {
            float size = sizeFor(b.doubleValue());
            boolean lineBreaksChange = natural != null && (isWrapped() || naturalWidth() > available()) && Math.abs(available() - renderedFor) >= 1;
            if ((Math.abs(size - texSize) >= 1 || lineBreaksChange) && shown != null) {
                texSize = size;
                show(shown);
            } else {
                texSize = size;
                fit();
            }
        });
        ((javafx.beans.value.ObservableValue<?>) ink).addListener((o, a, b) -> show(shown));
    }

    /** Bigger windows (projectors) get bigger type: about 1/52 of the width, 20 to 36 pt, times the presenter scale. */
    private float sizeFor(double width) {
        return (float) (Math.max(20, Math.min(36, Math.floor(width / 52))) * scale);
    }

    /** Presenter mode: the formula and its explanation grow by {@code s}; the plain-text copy is hidden. */
    public void setScale(double s) {
        if (s == scale) return;
        scale = s;
        text.setVisible(s <= 1);
        text.setManaged(s <= 1);
        texSize = sizeFor(getWidth());
        show(shown);
    }

    /** The hover note of the formula shown ("≈" and the full values), or null when its arithmetic is exact. */
    public String noteShown() { return text.getTooltip() == null ? null : text.getTooltip().getText(); }

    /**
     * Keeps one height whatever formula is shown (one explanation line, two in presenter mode, one line of display maths
     * with a fraction, one line of plain text), so what sits above does not move as the formulas
     * of a step grow and shrink; a taller formula (one broken over lines) is scaled down into it.
     */
    public void setReserveHeight(boolean on) {
        reserve = on;
        fit();
        requestLayout();
    }

    @Override
    protected double computePrefHeight(double width) {
        return reserve ? reservedHeight() : super.computePrefHeight(width);
    }

    @Override
    protected double computeMinHeight(double width) {
        return reserve ? reservedHeight() : super.computeMinHeight(width);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return reserve ? reservedHeight() : super.computeMaxHeight(width);
    }

    /** A reserved view sizes its image with the fonts CSS has just applied (the explanation's grows with the formula). */
    @Override
    protected void layoutChildren() {
        if (reserve) fit();
        super.layoutChildren();
    }

    private double reservedHeight() {
        // Presenter type is larger, so its explanations take two lines more often than not: room for both.
        return snappedTopInset() + snappedBottomInset() + lineHeight(explanation) * (scale > 1 ? 2 : 1) + texSize * RESERVED_TEX_LINES
                + (text.isManaged() ? lineHeight(text) + getSpacing() : 0) + getSpacing();
    }

    private static double lineHeight(Label l) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text("Ág");
        probe.setFont(l.getFont());
        return Math.ceil(probe.getLayoutBounds().getHeight()) + l.snappedTopInset() + l.snappedBottomInset();
    }

    /** Room left for the typeset image in a reserved view once the explanation and plain text have theirs. */
    private double imageRoom() {
        double w = available();
        double used = snappedTopInset() + snappedBottomInset() + explanation.prefHeight(w) + getSpacing()
                + (text.isManaged() ? text.prefHeight(w) + getSpacing() : 0);
        return Math.max(texSize, reservedHeight() - used);
    }

    /** Height of the typeset formula as shown, in points (tests compare presenter and normal). */
    public double formulaHeight() { return image.getFitHeight(); }

    /** The colour the formula is typeset in. */
    public Color ink() { return ink.getValue() instanceof Color c ? c : Color.BLACK; }

    public void show(Formula f) {
        shown = f;
        if (f == null) {
            image.setImage(null);
            natural = null;
            text.setText("");
            note(null);
            explanation.setText("");
            return;
        }
        double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1.0;
        renderedFor = available();
        natural = TexImages.render(f.tex(), texSize, scale, ink(), getWidth() > 0 ? renderedFor : Double.POSITIVE_INFINITY);
        image.setImage(natural);
        image.setUserData(scale);
        text.setText(f.text());
        explanation.setText(f.explanation());
        // "≈": the rounded numbers shown do not give the shown result; hovering gives the engine's full values.
        javafx.scene.control.Tooltip note = f.exactNote().isEmpty() ? null : new javafx.scene.control.Tooltip(f.exactNote());
        if (note != null) {
            note.setWrapText(true);
            note.setMaxWidth(640);
        }
        note(note);
        // The explanation grows with the formula, so a projector shows both at a readable size.
        explanation.setStyle("-fx-font-size: " + Math.round(texSize * (this.scale > 1 ? 0.58 : 0.62)) + "px;");
        fit();
    }

    private void note(javafx.scene.control.Tooltip note) {
        javafx.scene.control.Tooltip old = text.getTooltip();
        if (old != null) javafx.scene.control.Tooltip.uninstall(imageBox, old);
        if (note != null) javafx.scene.control.Tooltip.install(imageBox, note);
        text.setTooltip(note);
    }

    private boolean isWrapped() {
        double scale = image.getUserData() instanceof Double d ? d : 1.0;
        return natural.getHeight() / scale > texSize * 3.2; // more than one line of display maths
    }

    private double naturalWidth() {
        double scale = image.getUserData() instanceof Double d ? d : 1.0;
        return natural.getWidth() / scale;
    }

    private double available() {
        return Math.max(100, getWidth() - snappedLeftInset() - snappedRightInset());
    }

    private void fit() {
        if (natural == null) return;
        double scale = image.getUserData() instanceof Double d ? d : 1.0;
        double w = natural.getWidth() / scale, h = natural.getHeight() / scale;
        double k = Math.min(1.0, available() / w);
        if (reserve) k = Math.min(k, imageRoom() / h);
        image.setFitWidth(w * k);
        image.setFitHeight(h * k);
        imageBox.setMinHeight(h * k);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() { return CSS.getCssMetaData(); }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() { return CSS.getCssMetaData(); }
}
