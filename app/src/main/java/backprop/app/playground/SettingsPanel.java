package backprop.app.playground;

import backprop.app.math.Num;
import backprop.app.playground.PlaygroundSetup.Kind;
import backprop.app.theme.Styles;
import backprop.engine.data.Feature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The playground's left column: data (set, noise, test share, seed, regenerate), input features
 * and training settings. Controls show the view-model's setup and send every change back as one
 * {@link PlaygroundViewModel#update}; nothing here decides anything.
 */
final class SettingsPanel extends VBox {
    /** Dataset ids with the names users see. */
    static final Map<String, String> DATASETS = new LinkedHashMap<>();
    static {
        DATASETS.put("xor-2d", "XOR quadrants");
        DATASETS.put("circle", "Circle");
        DATASETS.put("gaussians", "Two Gaussians");
        DATASETS.put("spiral", "Two spirals");
        DATASETS.put("and-2d", "AND clusters");
        DATASETS.put("or-2d", "OR clusters");
        DATASETS.put("spiral-3", "Three-arm spiral (3 classes)");
        DATASETS.put("blobs", "Blobs (3 classes)");
        DATASETS.put("formula-classes", "Above x2 = f(x1)");
        DATASETS.put("plane", "Plane (regression)");
        DATASETS.put("gaussian-sum", "Gaussian bumps (regression)");
        DATASETS.put("formula-surface", "y = f(x1, x2) (regression)");
        DATASETS.put("formula-curve", "y = f(x), one input (regression)");
        DATASETS.put("xor", "XOR truth table");
        DATASETS.put("and", "AND truth table");
        DATASETS.put("or", "OR truth table");
        DATASETS.put("encoder-838", "8-3-8 one-hot");
    }
    static final List<Integer> BATCHES = List.of(0, 1, 2, 4, 8, 10, 16, 32, 64);
    static final List<Double> L2S = List.of(0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3);

    private final PlaygroundViewModel vm;
    private final List<Runnable> refreshers = new ArrayList<>();
    /** Asks for the CSV or TSV file to import (a file dialog; tests put in their own). */
    private Function<javafx.stage.Window, java.util.Optional<java.nio.file.Path>> dataChooser = SettingsPanel::chooseData;

    void setDataChooser(Function<javafx.stage.Window, java.util.Optional<java.nio.file.Path>> chooser) { dataChooser = chooser; }

    private static java.util.Optional<java.nio.file.Path> chooseData(javafx.stage.Window owner) {
        javafx.stage.FileChooser c = new javafx.stage.FileChooser();
        c.setTitle("Import data");
        c.getExtensionFilters().addAll(new javafx.stage.FileChooser.ExtensionFilter("Tables (*.csv, *.tsv)", "*.csv", "*.tsv", "*.txt"),
                new javafx.stage.FileChooser.ExtensionFilter("All files", "*.*"));
        java.io.File f = c.showOpenDialog(owner);
        return f == null ? java.util.Optional.empty() : java.util.Optional.of(f.toPath());
    }
    private boolean syncing; // guards control <-> setup echo

    SettingsPanel(PlaygroundViewModel vm) {
        this.vm = vm;
        getStyleClass().add(Styles.PG_SETTINGS);
        setSpacing(8);
        getChildren().addAll(dataSection(), featureSection(), trainingSection());
        vm.setupProperty().addListener((o, a, b) -> { if (b != null) refresh(); });
        refresh();
    }

    private void refresh() {
        syncing = true;
        try {
            refreshers.forEach(Runnable::run);
        } finally {
            syncing = false;
        }
    }

    private void change(UnaryOperator<PlaygroundSetup> c) {
        if (syncing) return;
        PlaygroundSetup before = vm.setup();
        vm.update(c);
        // Refused (the message says why): put the control back to the setup's value.
        if (vm.setup() == before) javafx.application.Platform.runLater(this::refresh);
    }

    // ------------------------------------------------------------------ data

    private Node dataSection() {
        ComboBox<String> set = combo("pg-dataset", new ArrayList<>(DATASETS.keySet()),
                d -> d.equals(PlaygroundSetup.IMPORTED) && vm.setup().imported() != null ? vm.setup().imported().name() : DATASETS.getOrDefault(d, d),
                PlaygroundSetup::dataset,
                v -> s -> s.withDataset(v), "Which points to learn");
        Slider noise = slider("pg-noise", 0, 1, PlaygroundSetup::noise, v -> s -> s.withNoise(v), "Noise: how far points stray");
        Slider ratio = slider("pg-test-ratio", 0, 0.9, PlaygroundSetup::testRatio, v -> s -> s.withTestRatio(v), "Share of points held out as the test set");
        Label noiseValue = valueLabel(() -> Num.percent(vm.setup().noise()));
        Label ratioValue = valueLabel(() -> Num.percent(vm.setup().testRatio()));
        Spinner<Integer> seed = new Spinner<>(0, 1_000_000, 1);
        seed.setId("pg-data-seed");
        seed.setEditable(true);
        seed.getStyleClass().add(Styles.PG_SEED);
        seed.setTooltip(new Tooltip("Seed of the points and of the train/test split"));
        seed.valueProperty().addListener((o, a, b) -> { if (b != null) change(s -> s.withDataSeed(b)); });
        refreshers.add(() -> seed.getValueFactory().setValue((int) vm.setup().dataSeed()));
        Button regenerate = new Button("New points");
        regenerate.setId("pg-regenerate");
        regenerate.setTooltip(new Tooltip("Generate the set again from the next seed"));
        regenerate.setOnAction(e -> vm.regenerate());
        refreshers.add(() -> {
            boolean generated = !vm.setup().isTable();
            for (Node n : List.of(noise, ratio, seed, regenerate)) n.setDisable(!generated);
        });
        // The formula sets' f, typed: the engine parses it (never runs it as code); a formula it
        // refuses leaves the data as it was, and the message line says where the problem is.
        TextField formula = new TextField();
        formula.setId("pg-formula");
        formula.setPrefColumnCount(10);
        formula.setTooltip(new Tooltip("f, e.g. sin(3*x), x^3 - x, abs(x); Enter applies it"));
        formula.setOnAction(e -> change(s -> s.withFormula(formula.getText().strip())));
        formula.focusedProperty().addListener((o, a, focused) -> {
            if (!focused && vm.setup().formula() != null && !formula.getText().strip().equals(vm.setup().formula())) {
                change(s -> s.withFormula(formula.getText().strip()));
            }
        });
        Label formulaCaption = caption("f(x) =");
        refreshers.add(() -> {
            String f = vm.setup().formula();
            formula.setText(f == null ? "" : f);
            formulaCaption.setText(vm.setup().dataset().equals("formula-surface") ? "f(x1, x2) =" : "f(x) =");
            for (Node n : List.of(formula, formulaCaption)) {
                n.setVisible(f != null);
                n.setManaged(f != null);
            }
        });
        // A CSV or TSV file of one's own; its label column and standardisation, once one is in.
        Button importData = new Button("Import data…");
        importData.setId("pg-import");
        importData.setTooltip(new Tooltip("Read a CSV or TSV file: a header row, numeric feature columns (one: a curve; more than two: a slice) and a label column"));
        importData.setMaxWidth(Double.MAX_VALUE);
        importData.setOnAction(e -> dataChooser.apply(getScene() == null ? null : getScene().getWindow())
                .ifPresent(p -> vm.importData(p, null, true)));
        ComboBox<String> label = new ComboBox<>();
        label.setId("pg-label");
        label.setTooltip(new Tooltip("The column to learn; the others are the inputs"));
        CheckBox standardize = new CheckBox("Standardise");
        standardize.setId("pg-standardize");
        standardize.setTooltip(new Tooltip("Scale each feature to mean 0 and standard deviation 1 (from the training rows)"));
        Label labelCaption = caption("Label");
        label.setOnAction(e -> {
            var i = vm.setup().imported();
            if (!syncing && i != null && label.getValue() != null && !label.getValue().equals(i.table().labelName())) {
                vm.reimport(label.getValue(), standardize.isSelected());
            }
        });
        standardize.setOnAction(e -> vm.reimport(label.getValue(), standardize.isSelected()));
        refreshers.add(() -> {
            var i = vm.setup().imported();
            for (Node n : List.of(label, labelCaption, standardize)) {
                n.setVisible(i != null);
                n.setManaged(i != null);
            }
            if (i == null) return;
            List<String> columns = new ArrayList<>(i.table().featureNames());
            columns.add(i.table().labelName());
            label.getItems().setAll(columns);
            label.setValue(i.table().labelName());
            standardize.setSelected(i.spec().standardize() != null);
        });
        GridPane g = form();
        g.addRow(0, caption("Data"), set);
        g.addRow(1, formulaCaption, formula);
        g.add(importData, 1, 6);
        g.addRow(7, labelCaption, label);
        g.add(standardize, 1, 8);
        g.addRow(2, caption("Noise"), new HBox(6, noise, noiseValue));
        g.addRow(3, caption("Test share"), new HBox(6, ratio, ratioValue));
        g.addRow(4, caption("Seed"), seed);
        g.add(regenerate, 1, 5);
        regenerate.setMaxWidth(Double.MAX_VALUE);
        return section("Data", g);
    }

    // ------------------------------------------------------------------ features

    private Node featureSection() {
        // Two columns: x1 | x2, x1² | x2², x1·x2, sin x1 | sin x2 (pairs side by side).
        GridPane boxes = new GridPane();
        boxes.setHgap(16);
        boxes.setVgap(4);
        int[][] place = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {0, 2}, {0, 3}, {1, 3}};
        for (Feature f : Feature.values()) {
            CheckBox c = new CheckBox(f.label());
            c.setId("pg-feature-" + f.name().toLowerCase());
            c.selectedProperty().addListener((o, a, on) -> change(s -> {
                List<Feature> fs = new ArrayList<>();
                for (Feature x : Feature.values()) if (x == f ? on : s.features().contains(x)) fs.add(x);
                return s.withFeatures(fs);
            }));
            refreshers.add(() -> {
                c.setSelected(vm.setup().features().contains(f));
                // A table of one or of more than two columns is read as it is: no features to compute from (x1, x2).
                c.setDisable(!vm.setup().isPlanar() || vm.setup().rawColumns() || vm.setup().kind() == Kind.PERCEPTRON || vm.setup().handBuilt() != null);
            });
            boxes.add(c, place[f.ordinal()][0], place[f.ordinal()][1]);
        }
        return section("Input features", boxes);
    }

    // ------------------------------------------------------------------ training

    private Node trainingSection() {
        ComboBox<Double> rate = combo("pg-learning-rate", RateText.RATES, RateText::format, PlaygroundSetup::learningRate, v -> s -> s.withLearningRate(v),
                "Learning rate η: pick one or type any positive number, e.g. 50 to see a step too large");
        Label rateError = rateEditing(rate);
        ComboBox<String> opt = combo("pg-optimizer", List.of("sgd", "momentum", "rmsprop", "adam"), o -> o.equals("sgd") ? "SGD" : o.equals("rmsprop") ? "RMSProp" : o.substring(0, 1).toUpperCase() + o.substring(1),
                PlaygroundSetup::optimizer, v -> s -> s.withOptimizer(v), "How each update uses the gradient");
        ComboBox<Integer> batch = combo("pg-batch", BATCHES, b -> b == 0 ? "full" : b == 1 ? "1 (online)" : String.valueOf(b), PlaygroundSetup::batchSize,
                v -> s -> s.withBatchSize(v), "Samples per update: full batch is gradient descent, 1 is online SGD");
        ComboBox<Double> l2 = combo("pg-l2", L2S, v -> v == 0 ? "none" : Num.shortFmt(v), PlaygroundSetup::l2, v -> s -> s.withL2(v), "L2 penalty λ/2·Σw²");
        ComboBox<String> init = combo("pg-init", List.of("xavier", "he", "uniform", "normal"), i -> switch (i) {
            case "uniform" -> "U(−1, 1)";
            case "normal" -> "N(0, 0.5)";
            case "he" -> "He";
            default -> "Xavier";
        }, PlaygroundSetup::initializer, v -> s -> s.withInitializer(v), "How the initial weights are drawn");
        ComboBox<String> loss = combo("pg-loss", List.of("binary_cross_entropy", "cross_entropy", "mse"),
                l -> l.equals("mse") ? "MSE ½(y−ŷ)²" : l.equals("cross_entropy") ? "Cross-entropy, K classes" : "Cross-entropy",
                PlaygroundSetup::loss, v -> s -> s.withLoss(v), "What training minimises");
        ComboBox<String> out = combo("pg-output", List.of("sigmoid", "softmax", "tanh", "identity", "step"), a -> a, PlaygroundSetup::output,
                v -> s -> s.withOutput(v), "Activation of the output unit");
        Spinner<Integer> seed = new Spinner<>(0, 1_000_000, 1);
        seed.setId("pg-seed");
        seed.setEditable(true);
        seed.getStyleClass().add(Styles.PG_SEED);
        seed.setTooltip(new Tooltip("Seed of the initial weights and of minibatch order: the same seed replays the same run"));
        seed.valueProperty().addListener((o, a, b) -> { if (b != null) change(s -> s.withSeed(b)); });
        refreshers.add(() -> seed.getValueFactory().setValue((int) vm.setup().seed()));
        refreshers.add(() -> {
            boolean network = vm.setup().kind() == Kind.NETWORK && vm.setup().handBuilt() == null;
            for (Node n : List.of(opt, batch, l2, init, loss, out, seed)) n.setDisable(!network);
        });
        GridPane g = form();
        g.addRow(0, caption("Rate η"), rate);
        g.add(rateError, 0, 1, 2, 1);
        g.addRow(2, caption("Optimiser"), opt);
        g.addRow(3, caption("Batch"), batch);
        g.addRow(4, caption("L2"), l2);
        g.addRow(5, caption("Init"), init);
        g.addRow(6, caption("Loss"), loss);
        g.addRow(7, caption("Output"), out);
        g.addRow(8, caption("Seed"), seed);
        return section("Training", g);
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Lets the rate box take typed text: Enter (or leaving the box) applies a positive number;
     * anything else keeps the rate and says why in the line under the box.
     */
    private Label rateEditing(ComboBox<Double> rate) {
        Label error = new Label();
        error.setId("pg-rate-error");
        error.getStyleClass().add(Styles.PG_FIELD_ERROR);
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        error.setVisible(false);
        rate.setEditable(true);
        rate.setConverter(new StringConverter<>() {
            @Override public String toString(Double v) { return v == null ? "" : RateText.format(v); }
            @Override public Double fromString(String text) {
                try {
                    double v = RateText.parse(text);
                    error.setVisible(false);
                    return v;
                } catch (IllegalArgumentException e) {
                    error.setText(e.getMessage());
                    error.setVisible(true);
                    // Keep the rate in use; the box shows it again.
                    javafx.application.Platform.runLater(() -> rate.getEditor().setText(RateText.format(vm.setup().learningRate())));
                    return vm.setup().learningRate();
                }
            }
        });
        return error;
    }

    private <T> ComboBox<T> combo(String id, List<T> items, Function<T, String> name, Function<PlaygroundSetup, T> read,
                                  Function<T, UnaryOperator<PlaygroundSetup>> write, String tip) {
        ComboBox<T> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(items);
        c.setConverter(new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : name.apply(t); }
            @Override public T fromString(String s) { return null; }
        });
        c.setTooltip(new Tooltip(tip));
        c.setMaxWidth(Double.MAX_VALUE);
        c.valueProperty().addListener((o, a, b) -> { if (b != null) change(write.apply(b)); });
        refreshers.add(() -> {
            T v = read.apply(vm.setup());
            if (!c.getItems().contains(v)) c.getItems().add(v); // a preset's value off the list
            c.setValue(v);
        });
        return c;
    }

    private Slider slider(String id, double min, double max, Function<PlaygroundSetup, Double> read,
                          Function<Double, UnaryOperator<PlaygroundSetup>> write, String tip) {
        Slider s = new Slider(min, max, min);
        s.setId(id);
        s.setTooltip(new Tooltip(tip));
        s.setBlockIncrement(0.05);
        HBox.setHgrow(s, Priority.ALWAYS);
        // Regenerating on every pixel of a drag would thrash; apply when the thumb is let go.
        s.valueChangingProperty().addListener((o, was, now) -> { if (!now) change(write.apply(round(s.getValue()))); });
        s.valueProperty().addListener((o, a, b) -> { if (!s.isValueChanging()) change(write.apply(round(b.doubleValue()))); });
        refreshers.add(() -> s.setValue(read.apply(vm.setup())));
        return s;
    }

    private static double round(double v) { return Math.round(v * 20) / 20.0; }

    private Label valueLabel(java.util.function.Supplier<String> text) {
        Label l = new Label();
        l.getStyleClass().add(Styles.PG_VALUE);
        refreshers.add(() -> l.setText(text.get()));
        return l;
    }

    private static GridPane form() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        g.getStyleClass().add(Styles.PG_FORM);
        javafx.scene.layout.ColumnConstraints label = new javafx.scene.layout.ColumnConstraints();
        javafx.scene.layout.ColumnConstraints control = new javafx.scene.layout.ColumnConstraints();
        control.setHgrow(Priority.ALWAYS);
        control.setFillWidth(true);
        g.getColumnConstraints().addAll(label, control);
        return g;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.PG_CAPTION);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static Node section(String title, Node body) {
        Label t = new Label(title.toUpperCase());
        t.getStyleClass().add(Styles.PG_SECTION_TITLE);
        VBox box = new VBox(8, t, body);
        box.getStyleClass().add(Styles.PG_SECTION);
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }
}
