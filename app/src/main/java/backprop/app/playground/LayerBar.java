package backprop.app.playground;

import backprop.app.playground.PlaygroundSetup.Hidden;
import backprop.app.playground.PlaygroundSetup.Kind;
import backprop.app.theme.Styles;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The row above the network drawing: add or remove hidden layers, and over each hidden column its
 * own − / + unit buttons and activation. Each column's controls sit centred over that column as
 * the {@link NetworkCanvas} laid it out, so the buttons stay next to what they change.
 */
final class LayerBar extends Pane {
    static final List<String> ACTIVATIONS = List.of("tanh", "sigmoid", "relu", "leaky_relu", "elu", "softplus", "identity", "step");

    private final PlaygroundViewModel vm;
    private final NetworkCanvas canvas;
    private final HBox layers;
    private final Label count = new Label();
    private final Button addLayer = small("pg-add-layer", "mdi2p-plus", "Add a hidden layer (up to " + PlaygroundSetup.MAX_LAYERS + ")");
    private final Button removeLayer = small("pg-remove-layer", "mdi2m-minus", "Remove the last hidden layer");

    LayerBar(PlaygroundViewModel vm, NetworkCanvas canvas) {
        this.vm = vm;
        this.canvas = canvas;
        getStyleClass().add(Styles.PG_LAYER_BAR);
        addLayer.setOnAction(e -> vm.addLayer());
        removeLayer.setOnAction(e -> vm.removeLayer());
        count.setId("pg-layer-count");
        count.getStyleClass().add(Styles.PG_CAPTION);
        layers = new HBox(4, removeLayer, addLayer, count);
        layers.setAlignment(Pos.CENTER_LEFT);
        vm.setupProperty().addListener((o, a, b) -> { if (b != null) rebuild(b); });
        // Columns move when a frame with another shape arrives, and when the drawing is resized
        // (which it may be after this bar was laid out in the same pass).
        vm.frameProperty().addListener((o, a, b) -> {
            if (a == null || b == null || !java.util.Arrays.equals(a.sizes(), b.sizes())) requestLayout();
        });
        canvas.setOnResized(this::requestLayout);
        if (vm.setup() != null) rebuild(vm.setup());
    }

    private void rebuild(PlaygroundSetup s) {
        getChildren().setAll(layers);
        boolean editable = s.kind() == Kind.NETWORK && s.isPlanar();
        layers.setVisible(editable || s.kind() == Kind.NETWORK);
        addLayer.setDisable(!editable && s.handBuilt() == null || s.hidden().size() >= PlaygroundSetup.MAX_LAYERS);
        removeLayer.setDisable(s.hidden().isEmpty());
        int n = s.hidden().size();
        count.setText(n == 1 ? "1 hidden layer" : n + " hidden layers");
        if (s.kind() != Kind.NETWORK) count.setText("perceptron: one step unit");
        for (int l = 0; l < n; l++) getChildren().add(s.hidden().get(l).isMerge() ? merge(l, s.hidden()) : column(l, s.hidden().get(l)));
        // New controls have no skin until styled: style them now, so this bar's height is right in
        // the very next layout and the drawing below does not move a pulse later (under the pointer).
        applyCss();
        requestLayout();
    }

    private Node column(int layer, Hidden h) {
        Button minus = small("pg-units-minus-" + layer, "mdi2m-minus", "One unit fewer");
        Button plus = small("pg-units-plus-" + layer, "mdi2p-plus", "One unit more (up to " + PlaygroundSetup.MAX_UNITS + ")");
        minus.setOnAction(e -> vm.changeUnits(layer, -1));
        plus.setOnAction(e -> vm.changeUnits(layer, +1));
        minus.setDisable(h.units() <= 1);
        plus.setDisable(h.units() >= PlaygroundSetup.MAX_UNITS);
        Label units = new Label(h.units() + (h.units() == 1 ? " unit" : " units"));
        units.getStyleClass().add(Styles.PG_UNITS);
        ComboBox<String> act = new ComboBox<>();
        act.setId("pg-activation-" + layer);
        act.getItems().setAll(ACTIVATIONS);
        act.setValue(h.activation());
        act.setTooltip(new Tooltip("Activation of hidden layer " + (layer + 1)));
        act.getStyleClass().add(Styles.PG_ACTIVATION);
        act.valueProperty().addListener((o, a, b) -> { if (b != null && !b.equals(h.activation())) vm.setActivation(layer, b); });
        HBox buttons = new HBox(2, minus, units, plus);
        buttons.setAlignment(Pos.CENTER);
        VBox box = new VBox(3, buttons, act);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add(Styles.PG_LAYER_CONTROLS);
        box.setUserData(layer + 1); // the canvas column it sits over
        return box;
    }

    /**
     * A merge's size follows its inputs and it has no activation: its column shows what it
     * computes where a dense layer has its controls, and the unit buttons say why they are off.
     */
    private Node merge(int layer, List<Hidden> hidden) {
        Hidden h = hidden.get(layer);
        Button minus = small("pg-units-minus-" + layer, "mdi2m-minus", "An " + h.merge() + "'s size follows its inputs");
        Button plus = small("pg-units-plus-" + layer, "mdi2p-plus", "An " + h.merge() + "'s size follows its inputs");
        minus.setDisable(true);
        plus.setDisable(true);
        Label units = new Label(h.units() + (h.units() == 1 ? " unit" : " units"));
        units.getStyleClass().add(Styles.PG_UNITS);
        Label what = new Label(h.merge() + ": " + HiddenWiring.describe(hidden, layer));
        what.setId("pg-merge-" + layer);
        what.getStyleClass().add(Styles.PG_CAPTION);
        HBox buttons = new HBox(2, minus, units, plus);
        buttons.setAlignment(Pos.CENTER);
        VBox box = new VBox(3, buttons, what);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add(Styles.PG_LAYER_CONTROLS);
        box.setUserData(layer + 1);
        return box;
    }

    /**
     * When hidden columns sit closer than their controls are wide (many layers, presenter mode),
     * the activation boxes go first, then the unit count, so nothing overlaps.
     */
    private void fitControls() {
        double spacing = Double.POSITIVE_INFINITY;
        for (int c = 1; c + 1 < (vm.setup() == null ? 0 : vm.setup().hidden().size() + 2); c++) {
            double d = canvas.columnCentreX(c + 1) - canvas.columnCentreX(c);
            if (!Double.isNaN(d)) spacing = Math.min(spacing, d);
        }
        for (int level = 0; level < 3; level++) {
            boolean fits = true;
            for (Node n : getChildren()) {
                if (!(n instanceof VBox box) || !(n.getUserData() instanceof Integer)) continue;
                Node combo = box.getChildren().get(1);
                Label units = (Label) ((HBox) box.getChildren().get(0)).getChildren().get(1);
                combo.setVisible(level < 1);
                combo.setManaged(level < 1);
                // The canvas caption already says "tanh · 4": the buttons alone are enough when tight.
                units.setVisible(level < 2);
                units.setManaged(level < 2);
                if (box.prefWidth(-1) > spacing - 6) fits = false;
            }
            if (fits || Double.isInfinite(spacing) || Double.isNaN(spacing)) return;
        }
    }

    @Override
    protected void layoutChildren() {
        fitControls();
        // Layer count on the first row, each column's controls on the second, over its column.
        layers.autosize();
        layers.relocate(0, 0);
        double top = layers.getHeight() + GAP;
        for (Node n : getChildren()) {
            if (!(n.getUserData() instanceof Integer column)) continue;
            n.autosize();
            double centre = canvas.columnCentreX(column);
            n.setVisible(!Double.isNaN(centre)); // its column is not drawn yet
            if (Double.isNaN(centre)) continue;
            double w = n.getLayoutBounds().getWidth();
            double x = canvas.getLayoutX() - getLayoutX() + centre - w / 2;
            // Whole pixels: a centre computed along two routes (trained here, or reopened from a
            // session) can differ in its last bits, and a box at a fractional x is drawn with
            // differently blended edges (SessionRoundTripTest compares the pictures pixel for pixel).
            n.relocate(snapPositionX(Math.max(0, Math.min(getWidth() - w, x))), top);
        }
    }

    private static final double GAP = 4;

    @Override
    protected double computePrefHeight(double width) {
        // The height of a column's controls with everything shown, whatever fitControls hid:
        // the bar keeps one height, so the drawing below never moves when a layout (after a
        // hover, a resize) hides or shows an activation box.
        double h = 0;
        for (Node n : getChildren()) if (n != layers) h = Math.max(h, fullHeight(n));
        return layers.prefHeight(-1) + (h > 0 ? GAP + h : 0) + 2;
    }

    /** Never squeezed: a VBox short of room shrinks every child toward its minimum, and this bar's controls would overlap the drawing. */
    @Override
    protected double computeMinHeight(double width) { return computePrefHeight(width); }

    private static double fullHeight(Node n) {
        if (!(n instanceof VBox box)) return n.prefHeight(-1);
        double h = box.snappedTopInset() + box.snappedBottomInset() + box.getSpacing() * (box.getChildren().size() - 1);
        for (Node c : box.getChildren()) h += c.prefHeight(-1);
        return h;
    }

    static Button small(String id, String icon, String tip) {
        Button b = new Button();
        b.setId(id);
        b.setGraphic(new FontIcon(icon));
        b.getStyleClass().addAll(Styles.PG_SMALL_BUTTON, Styles.ICON_BUTTON);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }
}
