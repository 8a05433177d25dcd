package backprop.app.playground;

import backprop.app.draw.LossChart;
import backprop.app.math.Num;
import backprop.app.view.StudioView;
import backprop.app.view.Transport;
import backprop.app.theme.Palette;
import backprop.app.theme.PaletteLegend;
import backprop.app.theme.CardFrame;
import backprop.app.theme.Styles;
import backprop.app.view.ViewInfo;
import backprop.engine.spec.NetworkSpec;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The MLP playground: data and settings on the left, the network with a heat map per unit in the
 * middle, the output's decision map behind the data, the loss and accuracy charts and the sample
 * table on the right. Drawing and wiring only: state lives in {@link PlaygroundViewModel}, every
 * number comes from the engine through {@link PlaygroundFrame}s.
 */
public final class PlaygroundView implements StudioView {
    public static final ViewInfo INFO = new ViewInfo("playground", "Playground", "mdi2g-gesture-tap");

    private final PlaygroundViewModel vm = new PlaygroundViewModel(Platform::runLater);
    private final BorderPane root = new BorderPane();
    private final NetworkCanvas network = new NetworkCanvas();
    private final DecisionMap map = new DecisionMap();
    private final LossChart chart = new LossChart();
    private final SampleTable table = new SampleTable();
    private final ConfusionTable confusion = new ConfusionTable();
    private final FitPlot fitPlot = new FitPlot();
    private final CurvePlot curvePlot = new CurvePlot();
    private final DataGrid dataGrid;
    private Node networkCard, dataCard;
    /** Shows the data grid in the middle instead of the network. */
    private final ToggleButton dataToggle = new ToggleButton("Data table");
    /** Paints points along a drag instead of one per click. */
    private final ToggleButton brush = new ToggleButton("Brush");
    /** The target a painted point of a regression gets. */
    private final javafx.scene.control.TextField paintValue = new javafx.scene.control.TextField("0.5");
    /** The slice's two columns, for data of more than two; and what is held where. */
    private final ComboBox<String> sliceX = new ComboBox<>(), sliceY = new ComboBox<>();
    private final Label sliceNote = new Label();
    private final BooleanProperty sliced = new SimpleBooleanProperty(false);
    private final BooleanProperty curved = new SimpleBooleanProperty(false);
    private boolean syncingAxes;
    private SettingsPanel settingsPanel;
    private final BooleanProperty presenter = new SimpleBooleanProperty(false);
    private final BooleanProperty hiddenSpace = new SimpleBooleanProperty(false);
    private ToggleButton showTest;
    /** False for data that is not 2-D (the 8-3-8 encoder): no plane to map, the table gets the room. */
    private final BooleanProperty planar = new SimpleBooleanProperty(true);
    private final BooleanProperty hasHidden = new SimpleBooleanProperty(false);
    private final Label trainLoss = stat("pg-train-loss"), testLoss = stat("pg-test-loss");
    private final Label trainAccuracy = stat("pg-train-accuracy"), testAccuracy = stat("pg-test-accuracy");
    private final Label perceptronText = new Label();
    /** Why training stalls (the engine's unit counts); an empty line otherwise, so the charts stay put. */
    private final Label stallText = new Label();
    private final ToggleGroup clickClass = new ToggleGroup();
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override public void handle(long now) { vm.tick(now); }
    };
    private final Transport transport = new Transport() {
        @Override public void togglePlay() { vm.togglePlay(); }
        @Override public void stepForward() { vm.step(); }
        /** Training only runs forwards; the backprop view is where a step can be taken back. */
        @Override public void stepBack() { }
        @Override public void home() { vm.reset(); }
        @Override public void end() { vm.epoch(); }
        @Override public void faster() { vm.faster(); }
        @Override public void slower() { vm.slower(); }
        @Override public ReadOnlyBooleanProperty playingProperty() { return vm.playingProperty(); }
        @Override public ReadOnlyStringProperty speedText() { return vm.speedTextProperty(); }
    };

    public PlaygroundView() {
        dataGrid = new DataGrid(vm);
        root.getStyleClass().add(Styles.PLAYGROUND_VIEW);
        root.getStylesheets().add(PlaygroundView.class.getResource("/backprop/app/playground/playground.css").toExternalForm());
        root.setPadding(new Insets(10, 14, 10, 14));
        root.setTop(topBar());
        root.setLeft(settings());
        networkCard = networkPane();
        dataCard = dataPane();
        root.setCenter(networkCard);
        root.setRight(outputPane());
        wire();
    }

    // ------------------------------------------------------------------ layout

    private Node topBar() {
        ComboBox<Preset> preset = new ComboBox<>();
        preset.setId("pg-preset");
        preset.getItems().setAll(Preset.values());
        preset.setValue(vm.presetProperty().get());
        preset.setTooltip(new Tooltip("Ready-made lessons: hand-built and learned XOR, the perceptron, the 8-3-8 encoder…"));
        preset.valueProperty().addListener((o, a, b) -> { if (b != null && b != vm.presetProperty().get()) vm.choose(b); });
        preset.setMinWidth(Region.USE_PREF_SIZE);
        preset.setPromptText("network file");
        vm.presetProperty().addListener((o, a, b) -> preset.setValue(b));

        Button reset = LayerBar.small("pg-reset", "mdi2r-restore", "Reset: new initial weights from the seed (Home)");
        Button play = LayerBar.small("pg-play", "mdi2p-play", "Play / pause (space)");
        Button step = LayerBar.small("pg-step", "mdi2s-step-forward", "One update: a minibatch, or one sample for the perceptron (→)");
        Button epoch = LayerBar.small("pg-epoch", "mdi2s-skip-next", "Finish the epoch (End)");
        play.getStyleClass().add(Styles.PG_PLAY);
        reset.setOnAction(e -> vm.reset());
        play.setOnAction(e -> vm.togglePlay());
        step.setOnAction(e -> vm.step());
        epoch.setOnAction(e -> vm.epoch());
        vm.playingProperty().addListener((o, a, b) -> ((FontIcon) play.getGraphic()).setIconLiteral(b ? "mdi2p-pause" : "mdi2p-play"));
        for (Button b : List.of(reset, play, step, epoch)) b.setFocusTraversable(true);

        Label counter = new Label();
        counter.setId("pg-counter");
        counter.getStyleClass().add(Styles.PG_COUNTER);
        counter.textProperty().bind(vm.stepTextProperty());
        counter.setMinWidth(Region.USE_PREF_SIZE);
        Label message = new Label();
        message.setId("pg-message");
        message.getStyleClass().add(Styles.PG_MESSAGE);
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);

        HBox bar = new HBox(8, preset, sep(), reset, play, step, epoch, counter); // speed: on the shell's toolbar
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.PG_TOP_BAR);
        // The hint gets its own line: preset descriptions and errors are sentences. The line stays
        // when empty (the stylesheet gives it one line's height), so the network below never
        // jumps up or down under the pointer when a hint comes or goes.
        VBox top = new VBox(4, bar, message);
        BorderPane.setMargin(top, new Insets(0, 0, 10, 0));
        return top;
    }

    /** Replaces the Import data… file dialog (tests). */
    void setDataChooser(java.util.function.Function<javafx.stage.Window, Optional<java.nio.file.Path>> chooser) {
        settingsPanel.setDataChooser(chooser);
    }

    /** A .csv or .tsv file dropped anywhere on the view is imported, as Import data… would. */
    private void acceptDroppedTables() {
        root.setOnDragOver(e -> {
            if (droppedTable(e.getDragboard()) != null) e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            e.consume();
        });
        root.setOnDragDropped(e -> {
            java.io.File f = droppedTable(e.getDragboard());
            if (f != null) vm.importData(f.toPath(), null, true);
            e.setDropCompleted(f != null);
            e.consume();
        });
    }

    private static java.io.File droppedTable(javafx.scene.input.Dragboard d) {
        if (!d.hasFiles() || d.getFiles().size() != 1) return null;
        String n = d.getFiles().get(0).getName().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".tsv") ? d.getFiles().get(0) : null;
    }

    private Node settings() {
        settingsPanel = new SettingsPanel(vm);
        ScrollPane scroll = new ScrollPane(settingsPanel);
        scroll.setId("pg-settings");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(Styles.PG_SETTINGS_SCROLL);
        // The settings rarely change while training runs: keep them as a bitmap between changes
        // rather than repainting every control each frame (matters with software rendering).
        scroll.setCache(true);
        // Presenter mode: the set-up column goes, like the shell's chrome; the pictures get the room.
        scroll.visibleProperty().bind(presenter.not());
        scroll.managedProperty().bind(scroll.visibleProperty());
        BorderPane.setMargin(scroll, new Insets(0, 12, 0, 0));
        return scroll;
    }

    private Node networkPane() {
        LayerBar layers = new LayerBar(vm, network);
        // Presenter mode shows the network; changing its shape is for the desk.
        layers.visibleProperty().bind(presenter.not());
        layers.managedProperty().bind(layers.visibleProperty());
        VBox.setVgrow(network, Priority.ALWAYS);
        network.setMinSize(0, 0);
        PaletteLegend legend = new PaletteLegend("weight · unit output", 1);
        legend.setId("pg-legend");
        // The truth table or code table sits under the network it belongs to, the legend beside it.
        // Legend above the table, so the table has the card's whole width to grow into (many
        // hidden units) and the row's height does not depend on the window's width.
        VBox legendRow = new VBox(4, legend, table);
        legendRow.setAlignment(Pos.TOP_RIGHT);
        HBox.setHgrow(legendRow, Priority.ALWAYS);
        // In presenter mode the confusion matrix or the fit plot sits here, left of the legend (see placeResults).
        networkBottom.getChildren().add(legendRow);
        networkBottom.setAlignment(Pos.BOTTOM_LEFT);
        VBox card = new VBox(6, layers, network, networkBottom);
        card.getStyleClass().add(Styles.PG_CARD);
        card.setId("pg-network-card");
        return CardFrame.around(card);
    }

    private final HBox networkBottom = new HBox(16);
    private VBox outputCard;

    /**
     * Where the confusion matrix and the predicted-against-true plot go. The output column holds
     * the map, the stats and the loss chart, and at 1280×800 (a slice's choosers under the map,
     * presenter mode's larger text) it has no room for a matrix as well; the network's drawing
     * can spare the height. So the matrix sits under the network beside its legend, and in
     * presenter mode the fit plot too; while the data grid has the network's place, both go back
     * under the stats.
     */
    private void placeResults() {
        if (outputCard == null) return;
        for (Node n : List.of(confusion, fitPlot)) if (n.getParent() != null) ((javafx.scene.layout.Pane) n.getParent()).getChildren().remove(n);
        List<Node> under = dataToggle.isSelected() ? List.of() : presenter.get() ? List.of(confusion, fitPlot) : List.of(confusion);
        networkBottom.getChildren().addAll(0, under);
        int at = outputCard.getChildren().indexOf(perceptronText);
        for (Node n : List.of(fitPlot, confusion)) if (!under.contains(n)) outputCard.getChildren().add(at, n);
    }

    /** The data grid's card, which takes the network's place while "Data table" is on: the map stays beside it. */
    private Node dataPane() {
        VBox card = new VBox(6, title("Data"), dataGrid);
        VBox.setVgrow(dataGrid, Priority.ALWAYS);
        card.getStyleClass().add(Styles.PG_CARD);
        card.setId("pg-data-card");
        return CardFrame.around(card);
    }

    private Node outputPane() {
        ToggleButton hidden = new ToggleButton("Hidden space");
        hidden.setId("pg-hidden-space");
        hidden.setTooltip(new Tooltip("Re-plot the data in the first hidden layer's coordinates"));
        hidden.selectedProperty().bindBidirectional(hiddenSpace);
        hidden.disableProperty().bind(hasHidden.not());
        showTest = new ToggleButton("Test data");
        showTest.setId("pg-show-test");
        showTest.setSelected(true);
        showTest.setTooltip(new Tooltip("Show the held-out test points (rings)"));
        showTest.selectedProperty().addListener((o, a, b) -> map.setShowTest(b));
        classToggles(2);
        dataToggle.setId("pg-data-toggle");
        dataToggle.setTooltip(new Tooltip("Show the data as a table in place of the network: edit a cell and its point moves"));
        dataToggle.selectedProperty().addListener((o, a, on) -> root.setCenter(on ? dataCard : networkCard));
        brush.setId("pg-brush");
        brush.setTooltip(new Tooltip("Brush: drag over the map to paint points of the chosen class (or value); right-click removes"));
        brush.selectedProperty().addListener((o, a, on) -> map.setBrush(on, this::paintAt));
        paintValue.setId("pg-paint-value");
        paintValue.setPrefColumnCount(4);
        paintValue.setTooltip(new Tooltip("The target a painted or clicked point gets"));
        adding.setAlignment(Pos.CENTER_RIGHT);
        adding.visibleProperty().bind(presenter.not()); // adding points is for the desk, not the projector
        adding.managedProperty().bind(adding.visibleProperty());
        for (javafx.scene.control.Control c : List.of(hidden, showTest, dataToggle, brush)) c.setMinWidth(Region.USE_PREF_SIZE);
        brush.visibleProperty().bind(presenter.not().and(curved.not()));
        // The grid is for the desk: on the projector the map and charts keep the room.
        dataToggle.visibleProperty().bind(presenter.not());
        dataToggle.managedProperty().bind(dataToggle.visibleProperty());
        presenter.addListener((o, a, on) -> { if (on) dataToggle.setSelected(false); });
        brush.managedProperty().bind(brush.visibleProperty());
        // Toggles and the class (or value) pickers wrap onto a second line where the column is narrow.
        javafx.scene.layout.FlowPane tools = new javafx.scene.layout.FlowPane(6, 6, hidden, showTest, dataToggle, brush, adding);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.setMinHeight(Region.USE_PREF_SIZE);
        showTest.selectedProperty().addListener((o, a, b) -> curvePlot.setShowTest(b));

        StackPane mapBox = new StackPane(map);
        mapBox.setMinSize(0, 0);
        map.setMinSize(0, 0);
        // As square as the column allows; what is left goes to the charts.
        mapBox.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                // Presenter mode: the charts keep about a third of the column, big enough to read.
                () -> presenter.get() ? Math.min(mapBox.getWidth(), root.getHeight() * 0.38) : mapBox.getWidth(),
                mapBox.widthProperty(), presenter, root.heightProperty()));
        VBox.setVgrow(mapBox, Priority.SOMETIMES);
        mapBox.getStyleClass().add(Styles.PG_MAP_BOX);
        mapBox.visibleProperty().bind(planar);
        mapBox.managedProperty().bind(planar);
        tools.visibleProperty().bind(planar.or(curved));
        tools.managedProperty().bind(tools.visibleProperty());
        // A curve of one input takes the map's place, as tall.
        StackPane curveBox = new StackPane(curvePlot);
        curveBox.setMinSize(0, 0);
        curvePlot.setMinSize(0, 0);
        curveBox.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> presenter.get() ? Math.min(curveBox.getWidth(), root.getHeight() * 0.38) : curveBox.getWidth() * 0.85,
                curveBox.widthProperty(), presenter, root.heightProperty()));
        VBox.setVgrow(curveBox, Priority.SOMETIMES);
        curveBox.visibleProperty().bind(curved);
        curveBox.managedProperty().bind(curved);
        Node slice = sliceRow();

        GridPane stats = new GridPane();
        stats.getStyleClass().add(Styles.PG_STATS);
        stats.setHgap(10);
        stats.setVgap(2);
        stats.addRow(0, new Label(""), caption("train"), caption("test"));
        stats.addRow(1, caption("loss R"), trainLoss, testLoss);
        stats.addRow(2, caption("accuracy"), trainAccuracy, testAccuracy);
        perceptronText.setId("pg-perceptron");
        perceptronText.getStyleClass().add(Styles.PG_PERCEPTRON);
        perceptronText.setWrapText(true);
        perceptronText.setMinHeight(Region.USE_PREF_SIZE); // wrap onto a second line rather than cut
        perceptronText.managedProperty().bind(perceptronText.visibleProperty());

        stallText.setId("pg-stall");
        stallText.getStyleClass().add(Styles.PG_STALL);
        stallText.setWrapText(true);
        stallText.setMinHeight(Region.USE_PREF_SIZE);

        chart.setId("pg-chart");
        chart.getStyleClass().add(Styles.PG_CHART);
        VBox.setVgrow(chart, Priority.ALWAYS);

        VBox card = new VBox(8, title("Output"), tools, mapBox, curveBox, slice, stats, confusion, fitPlot, perceptronText, stallText, chart);
        outputCard = card;
        presenter.addListener((o, a, on) -> placeResults());
        dataToggle.selectedProperty().addListener((o, a, on) -> placeResults());
        placeResults();
        card.getStyleClass().addAll(Styles.PG_CARD, Styles.PG_OUTPUT);
        card.setId("pg-output-card");
        card.prefWidthProperty().bind(root.widthProperty().multiply(0.3));
        javafx.scene.layout.StackPane frame = CardFrame.around(card);
        BorderPane.setMargin(frame, new Insets(0, 0, 0, 12));
        return frame;
    }

    /**
     * Under a slice: which column runs across and which up, and a line saying where the others
     * are held (their training mean, from the engine). The choice goes to the engine, which draws
     * the map again over the new pair; the network stays as it is.
     */
    private Node sliceRow() {
        sliceX.setId("pg-slice-x");
        sliceY.setId("pg-slice-y");
        sliceX.setTooltip(new Tooltip("x: the column across the map"));
        sliceY.setTooltip(new Tooltip("y: the column up the map"));
        for (ComboBox<String> c : List.of(sliceX, sliceY)) {
            c.setOnAction(e -> {
                int x = sliceX.getSelectionModel().getSelectedIndex(), y = sliceY.getSelectionModel().getSelectedIndex();
                PlaygroundFrame f = vm.frame();
                if (syncingAxes || f == null || f.slice() == null || x < 0 || y < 0 || (x == f.slice().x() && y == f.slice().y())) return;
                if (x == y) {
                    // Picking the other axis's column swaps the two, so the pair stays two columns.
                    if (c == sliceX) y = f.slice().x(); else x = f.slice().y();
                }
                vm.setAxes(x, y);
            });
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        sliceNote.setId("pg-slice-note");
        sliceNote.getStyleClass().add(Styles.PG_SLICE_NOTE);
        sliceNote.setWrapText(true);
        sliceNote.setMinHeight(Region.USE_PREF_SIZE);
        // The pair wraps under each other where the column is narrow (long column names, presenter mode).
        javafx.scene.layout.FlowPane axes = new javafx.scene.layout.FlowPane(6, 4, new HBox(6, caption("x"), sliceX), new HBox(6, caption("y"), sliceY));
        axes.setAlignment(Pos.CENTER_LEFT);
        axes.setMinHeight(Region.USE_PREF_SIZE);
        for (Node n : axes.getChildren()) ((HBox) n).setAlignment(Pos.CENTER_LEFT);
        // Choosing the pair is for the desk; the projector shows the map's axis names and the note.
        axes.visibleProperty().bind(presenter.not());
        axes.managedProperty().bind(axes.visibleProperty());
        VBox row = new VBox(4, axes, sliceNote);
        row.visibleProperty().bind(sliced);
        row.managedProperty().bind(sliced);
        return row;
    }

    /** The slice's choosers and note from the frame: what the engine drew, not what was last picked. */
    private void showSlice(PlaygroundFrame f) {
        PlaygroundFrame.Slice sl = f.slice();
        sliced.set(sl != null);
        if (sl == null) return;
        syncingAxes = true;
        try {
            if (!sliceX.getItems().equals(sl.columns())) {
                sliceX.getItems().setAll(sl.columns());
                sliceY.getItems().setAll(sl.columns());
            }
            sliceX.getSelectionModel().select(sl.x());
            sliceY.getSelectionModel().select(sl.y());
        } finally {
            syncingAxes = false;
        }
        StringBuilder held = new StringBuilder();
        for (int c = 0; c < sl.columns().size(); c++) {
            if (c == sl.x() || c == sl.y()) continue;
            held.append(held.length() == 0 ? "" : ", ").append(sl.columns().get(c)).append(" ").append(backprop.app.draw.PlotKit.fixed(sl.held()[c], 2));
        }
        boolean standardised = f.data() != null && f.data().standardised();
        sliceNote.setText("Slice: " + held + " held at the training mean" + (standardised ? " (0 after standardising)" : "") + ".");
    }

    /** A brush stroke's point: of the chosen class, or with the typed target for a regression. */
    private void paintAt(double x1, double x2) {
        PlaygroundFrame f = vm.frame();
        if (f == null) return;
        if (f.classes() == 0) vm.paintValue(x1, x2, paintValue.getText());
        else if (clickClass.getSelectedToggle() != null) vm.addPoint(x1, x2, (Integer) clickClass.getSelectedToggle().getUserData());
    }

    /** The buttons that pick the class a click adds: orange and blue for two classes, one per class in its colour for more, none for a regression. */
    private void classToggles(int classes) {
        if (classes == shownClasses) return;
        shownClasses = classes;
        clickClass.getToggles().clear();
        adding.getChildren().clear();
        if (classes == NO_PICKER) return;
        if (classes == 0) { // a regression's points carry numbers: the value a painted point gets
            adding.getChildren().addAll(caption("value"), paintValue);
            return;
        }
        if (classes <= 2) {
            adding.getChildren().addAll(classToggle("pg-add-class-1", 1, Palette.CLASS_1, "Click adds orange points (class 1); right-click removes"),
                    classToggle("pg-add-class-0", 0, Palette.CLASS_0, "Click adds blue points (class 0); right-click removes"));
        } else {
            for (int k = 0; k < classes; k++) {
                adding.getChildren().add(classToggle("pg-add-class-" + k, k, Palette.classColour(k, classes),
                        "Click adds points of class " + (k + 1) + "; right-click removes"));
            }
        }
        ((ToggleButton) adding.getChildren().get(0)).setSelected(true);
    }

    private final HBox adding = new HBox(4);
    /** {@link #classToggles}' argument for data whose points are added without a picker (a curve). */
    private static final int NO_PICKER = -1;
    private int shownClasses;

    private ToggleButton classToggle(String id, int label, javafx.scene.paint.Color colour, String tip) {
        ToggleButton t = new ToggleButton();
        t.setUserData(label);
        t.setId(id);
        t.setGraphic(new Circle(6, colour));
        t.setToggleGroup(clickClass);
        t.setTooltip(new Tooltip(tip));
        t.getStyleClass().add(Styles.PG_CLASS_TOGGLE);
        return t;
    }

    // ------------------------------------------------------------------ behaviour

    private void wire() {
        acceptDroppedTables();
        vm.frameProperty().addListener((o, a, f) -> show(f));
        hiddenSpace.addListener((o, a, b) -> map.setHiddenSpace(b));
        network.setOnWeightEdit(new NetworkCanvas.WeightEdit() {
            @Override public void weight(int layer, int i, int j, float value) { vm.setWeight(layer, i, j, value); }
            @Override public void bias(int layer, int j, float value) { vm.setBias(layer, j, value); }
        });
        map.setOnPointClick((x1, x2, button, shift) -> {
            if (button == MouseButton.SECONDARY || shift) vm.removePoint(x1, x2, 0.06);
            else paintAt(x1, x2);
        });
        // On a curve the click is the point: x across, its target up.
        curvePlot.setOnClick((x, y, button) -> { if (button == MouseButton.PRIMARY && !presenter.get()) vm.addValue(x, 0, y); });
        vm.playingProperty().addListener((o, a, b) -> {
            if (b) pulse.start();
            else pulse.stop();
        });
    }

    /** Puts a frame on screen: every canvas and label reads it, none computes anything. */
    private void show(PlaygroundFrame f) {
        if (f == null) return;
        long start = System.nanoTime();
        network.show(f);
        map.show(f);
        chart.show(f.history(), f.edits());
        table.show(f);
        confusion.show(f);
        fitPlot.show(f);
        curvePlot.show(f);
        dataGrid.show(f);
        showSlice(f);
        curved.set(f.curve() != null);
        // Painting needs a plane of two columns: not a slice (the other columns would be made up) nor a curve.
        boolean paintable = f.plane() != null && f.slice() == null;
        if (!paintable && brush.isSelected()) brush.setSelected(false);
        brush.setDisable(!paintable);
        adding.setDisable(!paintable);
        // A curve takes its points by clicking where they go: no class or value to pick.
        classToggles(f.curve() != null ? NO_PICKER : f.classes());
        trainLoss.setText(Double.isNaN(f.trainLoss()) ? "—" : Num.fmt(f.trainLoss()));
        testLoss.setText(Double.isNaN(f.testLoss()) ? "—" : Num.fmt(f.testLoss()));
        trainAccuracy.setText(Num.percent(f.trainAccuracy()));
        testAccuracy.setText(Num.percent(f.testAccuracy()));
        if (f.hidden() == null && hiddenSpace.get()) hiddenSpace.set(false);
        planar.set(f.plane() != null);
        hasHidden.set(f.hidden() != null);
        stallText.setText(f.stall() == null ? "" : f.stall());
        PlaygroundFrame.Perceptron p = f.perceptron();
        perceptronText.setVisible(p != null);
        if (p != null) {
            float[] w = p.weights();
            String state = p.converged() ? "converged: an epoch without mistakes"
                    : p.cycleStartEpoch() >= 0 ? "cycling: the weights at the start of epoch " + (p.cycleStartEpoch() + 1) + " were seen before, so it never converges"
                    : "still learning";
            perceptronText.setText("w0 = " + Num.shortFmt(w[0]) + ",  w1 = " + Num.shortFmt(w[1]) + ",  w2 = " + Num.shortFmt(w[2])
                    + "  ·  " + p.updates() + " updates in " + p.epochs() + " epochs  ·  " + state);
        }
        lastShowNanos = System.nanoTime() - start;
    }

    private long lastShowNanos;

    /** How long taking the last frame in took on the FX thread, every canvas redraw included (benchmarks). */
    long lastShowNanos() { return lastShowNanos; }

    // ------------------------------------------------------------------ StudioView

    @Override public ViewInfo info() { return INFO; }

    @Override public Node root() { return root; }

    @Override public Transport transport() { return transport; }

    @Override public ReadOnlyStringProperty stepText() { return vm.stepTextProperty(); }

    @Override public long seed() { return vm.setup() == null ? -1 : vm.setup().seed(); }

    /** What {@link PlaygroundFit} refuses: not dense, not 2-D data (or 8-3-8), a split that leaves no sample. */
    @Override
    public Optional<String> cannotShow(NetworkSpec spec) {
        try {
            PlaygroundFit.check(spec, null);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The network replaces the current setup (the preset list shows none); training starts over. */
    @Override
    public void open(NetworkSpec spec, String source, Consumer<Optional<String>> done) {
        try {
            vm.load(PlaygroundFit.check(spec, source));
        } catch (RuntimeException e) {
            done.accept(Optional.of(e.getMessage() == null ? e.toString() : e.getMessage()));
            return;
        }
        done.accept(Optional.empty());
    }

    /**
     * A definite picture for {@code render}: the network file {@code spec} (null: the default
     * preset) after {@code step} epochs, computed on the engine thread while this (FX) thread
     * waits. A file the playground cannot show is refused with {@link IllegalArgumentException}.
     */
    @Override
    public void prepareForExport(NetworkSpec spec, int step) {
        if (spec != null) vm.load(PlaygroundSetup.fromSpec(spec, null));
        vm.trainNow(step);
        root.applyCss();
        root.layout();
    }

    /** One step of an animation is one epoch, as in {@code render --step}. */
    @Override
    public void advanceForExport(int steps) {
        vm.trainNow(steps);
        root.applyCss();
        root.layout();
    }

    /**
     * The preset, the log of everything done (settings, resets, points, epochs, hand edits) and
     * what the output panel shows: a fresh Playground replays the log to the same weights and picture.
     */
    @Override
    public java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> saveState() {
        var o = backprop.app.session.SessionFiles.object();
        Preset p = vm.presetProperty().get();
        if (p != null) o.put("preset", p.name());
        o.put("hiddenSpace", hiddenSpace.get());
        o.put("testData", showTest.isSelected());
        o.put("note", vm.messageProperty().get());
        o.set("log", vm.logNow());
        // The trained network itself, for other tools and as a check: the replay must arrive at these weights.
        String net = vm.networkNow();
        if (net != null) {
            try {
                o.set("network", new com.fasterxml.jackson.databind.ObjectMapper().readTree(net));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("the writer's own JSON did not read back: " + e.getMessage(), e);
            }
        }
        return java.util.Optional.of(o);
    }

    @Override
    public void restoreState(com.fasterxml.jackson.databind.JsonNode state, String file) throws backprop.app.session.SessionException {
        var r = new backprop.app.session.StateReader(file);
        Preset p = null;
        if (state.has("preset") && !state.get("preset").isNull()) {
            try {
                p = Preset.valueOf(r.text(state, "preset"));
            } catch (IllegalArgumentException e) {
                throw r.fail("preset", "unknown preset '" + state.get("preset").asText() + "'");
            }
        }
        boolean hidden = state.has("hiddenSpace") && r.flag(state, "hiddenSpace");
        boolean test = !state.has("testData") || r.flag(state, "testData");
        String note = state.has("note") ? r.text(state, "note") : "";
        vm.restoreNow(state.get("log"), p, note, r);
        if (state.has("network") && state.get("network").isObject()) {
            String now = vm.networkNow();
            String saved;
            try {
                saved = backprop.engine.spec.SpecWriter.toJson(backprop.engine.spec.SpecReader.parse(state.get("network").toString(), file));
            } catch (backprop.engine.spec.SpecException e) {
                throw r.fail("network", e.getMessage());
            }
            if (!saved.equals(now)) vm.note("Reopened " + file + ": replaying it gave other weights than it saved (written by another version?); showing the replay.");
        }
        hiddenSpace.set(hidden);
        showTest.setSelected(test);
        root.applyCss();
        root.layout();
    }

    @Override
    public void onPresenterMode(boolean on) {
        // The drawings' own text (ticks, captions) is smaller than the controls' to begin with: on a
        // projector it grows a little more than the fonts do, so the back of the room can read it.
        double s = on ? Styles.PRESENTER_SCALE * PRESENTER_DRAWING : 1;
        presenter.set(on);
        network.setScale(s);
        map.setScale(s);
        chart.setScale(s);
        fitPlot.setScale(s);
        curvePlot.setScale(s);
    }

    /** How much more than the fonts the drawings grow in presenter mode. */
    static final double PRESENTER_DRAWING = 1.3;

    @Override
    public void onHidden() { vm.playingProperty().set(false); }

    @Override
    public void dispose() {
        pulse.stop();
        vm.dispose();
    }

    public PlaygroundViewModel viewModel() { return vm; }

    NetworkCanvas networkCanvas() { return network; }

    DecisionMap decisionMap() { return map; }

    LossChart lossChart() { return chart; }

    SampleTable sampleTable() { return table; }

    ConfusionTable confusionTable() { return confusion; }

    FitPlot fitPlot() { return fitPlot; }

    CurvePlot curvePlot() { return curvePlot; }

    DataGrid dataGrid() { return dataGrid; }

    // ------------------------------------------------------------------ small helpers

    private static Label stat(String id) {
        Label l = new Label("—");
        l.setId(id);
        l.getStyleClass().add(Styles.PG_STAT);
        return l;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.PG_CAPTION);
        return l;
    }

    private static Label title(String text) {
        Label l = new Label(text.toUpperCase());
        l.getStyleClass().add(Styles.PG_SECTION_TITLE);
        return l;
    }


    private static Node sep() {
        javafx.scene.control.Separator s = new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL);
        return s;
    }
}
