package backprop.app.math;

import backprop.app.timeline.Formula;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The current formula three ways: typeset (JLaTeXMath image, scaled down only if wider than
 * the space), as plain text in a label (screen readers, copy, tests), and a one-line
 * explanation in plain words.
 */
public final class FormulaView extends VBox {
    private final ImageView image = new ImageView();
    private final StackPane imageBox = new StackPane(image);
    private final Label text = new Label();
    private final Label explanation = new Label();
    private float texSize = 24f;
    private Image natural;
    private Formula shown;

    public FormulaView(String idPrefix) {
        getStyleClass().add("formula-view");
        image.setPreserveRatio(true);
        image.setSmooth(true);
        imageBox.setAlignment(Pos.CENTER_LEFT);
        imageBox.getStyleClass().add("formula-image");
        text.setId(idPrefix + "-formula-text");
        text.getStyleClass().add("formula-text");
        text.setWrapText(true);
        explanation.setId(idPrefix + "-explanation");
        explanation.getStyleClass().add("formula-explanation");
        explanation.setWrapText(true);
        getChildren().addAll(explanation, imageBox, text);
        widthProperty().addListener((o, a, b) -> {
            // Bigger windows (projectors) get bigger type: about 1/52 of the width, 20 to 36 pt.
            float size = (float) Math.max(20, Math.min(36, Math.floor(b.doubleValue() / 52)));
            if (Math.abs(size - texSize) >= 1 && shown != null) {
                texSize = size;
                show(shown);
            } else {
                texSize = size;
                fit();
            }
        });
    }

    public void show(Formula f) {
        shown = f;
        if (f == null) {
            image.setImage(null);
            natural = null;
            text.setText("");
            explanation.setText("");
            return;
        }
        double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1.0;
        natural = TexImages.render(f.tex(), texSize, scale, Color.web("#1d1d27"));
        image.setImage(natural);
        image.setUserData(scale);
        text.setText(f.text());
        explanation.setText(f.explanation());
        // The explanation grows with the formula, so a projector shows both at a readable size.
        explanation.setStyle("-fx-font-size: " + Math.round(texSize * 0.62) + "px;");
        fit();
    }

    private void fit() {
        if (natural == null) return;
        double scale = image.getUserData() instanceof Double d ? d : 1.0;
        double w = natural.getWidth() / scale, h = natural.getHeight() / scale;
        double avail = Math.max(100, getWidth() - snappedLeftInset() - snappedRightInset());
        double k = Math.min(1.0, avail / w);
        image.setFitWidth(w * k);
        image.setFitHeight(h * k);
        imageBox.setMinHeight(h * k);
    }
}
