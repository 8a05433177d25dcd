package backprop.app.playground;

import backprop.app.theme.Styles;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The small card {@link NetworkCanvas} opens on a clicked weight or bias: a text field for an exact
 * value (Enter applies; text that is not a number shows a message and applies nothing) and a slider
 * that applies continuously while dragged. It never changes what is drawn itself: the value goes
 * to the callback, and the canvas shows whatever the engine then reports.
 */
final class WeightEditor extends VBox {
    final Label title = new Label();
    final TextField field = new TextField();
    final Label error = new Label();
    final Slider slider = new Slider();
    private Consumer<Float> apply = v -> { };
    // Set while the editor moves its own controls, so that is not mistaken for the user's input.
    private boolean syncing;
    // The text the editor last wrote into the field; anything else there is the user's typing.
    private String synced = "";

    WeightEditor() {
        getStyleClass().add(Styles.WEIGHT_EDITOR);
        setSpacing(4);
        setPadding(new Insets(8));
        setManaged(false);
        setVisible(false);
        field.setId("pg-weight-field");
        slider.setId("pg-weight-slider");
        field.setPrefColumnCount(10);
        error.setWrapText(true);
        error.setMaxWidth(180);
        showError(null);
        slider.setPrefWidth(180);
        getChildren().addAll(title, field, error, slider);

        field.setOnAction(e -> applyText());
        field.textProperty().addListener((o, a, b) -> { if (!syncing) showError(null); });
        slider.valueProperty().addListener((o, a, b) -> {
            if (syncing) return;
            float v = (float) b.doubleValue();
            sync(v);
            apply.accept(v);
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        // Clicking any other control moves the focus away: that counts as "clicking elsewhere".
        focusWithinProperty().addListener((o, was, is) -> { if (was && !is) close(); });
    }

    /**
     * Shows the card for a value named {@code name}, currently {@code value}; {@code apply}
     * receives every value the user sets. Colours follow the canvas's theme colours.
     */
    void open(String name, float value, Consumer<Float> apply, Color box, Color border, Color ink) {
        this.apply = apply;
        title.setText(name);
        title.setTextFill(ink);
        setStyle("-fx-background-color: " + web(box) + "; -fx-border-color: " + web(border)
                + "; -fx-background-radius: 6; -fx-border-radius: 6; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 8, 0, 0, 2);");
        error.setTextFill(box.getBrightness() < 0.5 ? Color.web("#ff8a80") : Color.web("#b00020"));
        double range = Math.max(4, 2 * Math.abs(value));
        syncing = true;
        slider.setMin(-range);
        slider.setMax(range);
        syncing = false;
        sync(value);
        showError(null);
        setVisible(true);
        field.requestFocus();
        field.selectAll();
    }

    /** The engine's value after an edit (or a training step): shown, but never over the user's typing. */
    void refresh(float value) {
        if (!isVisible()) return;
        // While the field has the focus it is the user's: a live value would replace the
        // selection they are about to type over ("−3" would become "−36.636").
        boolean typing = field.isFocused() || !field.getText().equals(synced);
        syncing = true;
        try {
            if (!typing) field.setText(synced = NetworkCanvas.exact(value));
            if (!slider.isValueChanging()) slider.setValue(Math.max(slider.getMin(), Math.min(slider.getMax(), value)));
        } finally {
            syncing = false;
        }
    }

    void close() {
        setVisible(false);
        apply = v -> { };
    }

    private void applyText() {
        String t = field.getText().trim().replace('\u2212', '-').replace(',', '.');
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
            showError("\u201c" + field.getText().trim() + "\u201d is not a number");
            return;
        }
        showError(null);
        float f = (float) v;
        sync(f);
        apply.accept(f);
    }

    private void sync(float v) {
        syncing = true;
        try {
            field.setText(synced = NetworkCanvas.exact(v));
            slider.setValue(Math.max(slider.getMin(), Math.min(slider.getMax(), v)));
        } finally {
            syncing = false;
        }
    }

    private void showError(String message) {
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
        error.setManaged(message != null);
    }

    private static String web(Color c) {
        return String.format(java.util.Locale.ROOT, "rgba(%d,%d,%d,%.3f)", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255), c.getOpacity());
    }
}
