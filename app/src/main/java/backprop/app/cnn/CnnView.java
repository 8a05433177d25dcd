package backprop.app.cnn;

import backprop.app.draw.LossChart;
import backprop.app.math.Num;
import backprop.app.theme.Styles;
import backprop.app.view.StudioView;
import backprop.app.view.Transport;
import backprop.app.view.ViewInfo;
import backprop.engine.spec.NetworkSpec;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Convolutional networks on real handwritten digits: the small two-conv network trains from
 * scratch while you watch (loss and accuracy charts), and at any moment one input, a held-out
 * digit or one you draw, shows every layer's feature maps, each conv layer's filters and their
 * last gradients, the softmax output, the receptive field of any unit, and one convolution
 * window in numbers with a stride and padding of your choice. Drawing only; state lives in
 * {@link CnnViewModel}, numbers come from the engine's traces.
 *
 * <p>Transport: space trains or pauses, → makes one update, Home starts again from fresh filters;
 * training cannot be undone, so ← and End go to the previous and next held-out digit instead.
 */
public final class CnnView implements StudioView {
    public static final ViewInfo INFO = new ViewInfo("cnn", "CNN", "mdi2g-grid");

    private final CnnViewModel vm = new CnnViewModel(Platform::runLater);
    private final BorderPane root = new BorderPane();
    private final DrawPad pad = new DrawPad();
    private final ProbabilityBars bars = new ProbabilityBars();
    private final MapGrid maps = new MapGrid(false);
    private final MapGrid filters = new MapGrid(true);
    private final TopInputsGrid top = new TopInputsGrid();
    private final Label topTitle = new Label();
    private final LossChart chart = new LossChart();
    private final ConvPanel conv = new ConvPanel();
    private final PoolPanel pool = new PoolPanel();
    private final ConfusionMatrix confusion = new ConfusionMatrix();
    private final Label prediction = new Label();
    private final Label digitText = new Label();
    private final Label formula = new Label();
    private final Label presetShapes = new Label(), presetCounts = new Label();
    private final Label speedLabel = new Label();
    private final BooleanProperty presenter = new SimpleBooleanProperty(false);
    private VBox leftColumn, rightColumn;
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper("");

    private final Transport transport = new Transport() {
        @Override public void togglePlay() { vm.togglePlay(); }
        @Override public void stepForward() { vm.stepOnce(); }
        @Override public void stepBack() { vm.previousDigit(); }
        @Override public void home() { vm.reset(); }
        @Override public void end() { vm.nextDigit(); }
        @Override public void faster() { vm.faster(); }
        @Override public void slower() { vm.slower(); }
        @Override public ReadOnlyBooleanProperty playingProperty() { return ReadOnlyBooleanProperty.readOnlyBooleanProperty(vm.playingProperty()); }
        @Override public ReadOnlyStringProperty speedText() { return speedText.getReadOnlyProperty(); }
    };

    public CnnView() {
        root.getStyleClass().add(Styles.CNN_VIEW);
        root.getStylesheets().add(CnnView.class.getResource("/backprop/app/cnn/cnn.css").toExternalForm());
        root.setPadding(new Insets(10, 14, 10, 14));
        root.setTop(topBar());
        root.setLeft(inputColumn());
        root.setCenter(mapsColumn());
        root.setRight(rightColumn());
        wire();
        root.widthProperty().addListener((o, a, b) -> sizeColumns());
        presenter.addListener((o, a, b) -> sizeColumns());
        sizeColumns();
        vm.start(null);
    }

    // ------------------------------------------------------------------ layout

    private static Button button(String id, String icon, String tip) {
        Button b = new Button();
        b.setId(id);
        b.setGraphic(new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.getStyleClass().add(Styles.CNN_BUTTON);
        return b;
    }

    private static VBox card(String title, Node... content) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.CNN_CARD_TITLE);
        VBox box = new VBox(6, t);
        box.getChildren().addAll(content);
        box.getStyleClass().add(Styles.CNN_CARD);
        return box;
    }

    private Node topBar() {
        Button reset = button("cnn-reset", "mdi2r-restore", "Start again from fresh random filters (Home)");
        Button play = button("cnn-play", "mdi2p-play", "Train / pause (space)");
        Button step = button("cnn-step", "mdi2s-step-forward", "One update on the next 32 training digits (→)");
        reset.setOnAction(e -> vm.reset());
        play.setOnAction(e -> vm.togglePlay());
        step.setOnAction(e -> vm.stepOnce());
        vm.playingProperty().addListener((o, a, b) -> ((FontIcon) play.getGraphic()).setIconLiteral(b ? "mdi2p-pause" : "mdi2p-play"));
        Label counter = new Label();
        counter.setId("cnn-counter");
        counter.getStyleClass().add(Styles.CNN_COUNTER);
        counter.textProperty().bind(vm.stepTextProperty());
        counter.setMinWidth(Region.USE_PREF_SIZE);
        speedLabel.setId("cnn-speed");
        speedLabel.getStyleClass().add(Styles.CNN_HINT);
        Label about = new Label("cnn-small: conv 4@3×3 → max-pool → conv 8@3×3 → max-pool → softmax, learning 8,000 MNIST digits from scratch");
        about.getStyleClass().add(Styles.CNN_HINT);
        about.setMinWidth(0);
        Label message = new Label();
        message.setId("cnn-message");
        message.getStyleClass().add(Styles.CNN_MESSAGE);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        HBox bar = new HBox(8, reset, play, step, counter, about, message);
        HBox.setHgrow(about, Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.CNN_BAR);
        BorderPane.setMargin(bar, new Insets(0, 0, 10, 0));
        return bar;
    }

    private Node inputColumn() {
        ToggleGroup mode = new ToggleGroup();
        ToggleButton heldOut = new ToggleButton("Held-out");
        ToggleButton draw = new ToggleButton("Draw");
        heldOut.setId("cnn-held-out");
        draw.setId("cnn-draw");
        heldOut.setToggleGroup(mode);
        draw.setToggleGroup(mode);
        heldOut.setSelected(true);
        mode.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) a.setSelected(true); // one of the two is always on
            else vm.drawModeProperty().set(b == draw);
        });
        vm.drawModeProperty().addListener((o, a, b) -> (b ? draw : heldOut).setSelected(true));
        HBox modes = new HBox(4, heldOut, draw);

        pad.setId("cnn-pad");
        pad.setPen(new DrawPad.Pen() {
            @Override public void drawTo(double x, double y) { vm.drawTo(x, y); }
            @Override public void lift() { vm.lift(); }
        });
        Button prev = button("cnn-prev", "mdi2c-chevron-left", "Previous held-out digit (←)");
        Button next = button("cnn-next", "mdi2c-chevron-right", "Next held-out digit (End)");
        Button clear = button("cnn-clear", "mdi2e-eraser", "Clear the drawing");
        prev.setOnAction(e -> { vm.drawModeProperty().set(false); vm.previousDigit(); });
        next.setOnAction(e -> { vm.drawModeProperty().set(false); vm.nextDigit(); });
        clear.setOnAction(e -> { vm.drawModeProperty().set(true); vm.clearInk(); });
        digitText.setId("cnn-digit");
        digitText.getStyleClass().add(Styles.CNN_HINT);
        digitText.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(digitText, Priority.ALWAYS);
        HBox nav = new HBox(4, prev, digitText, next, clear);
        nav.setAlignment(Pos.CENTER_LEFT);

        prediction.setId("cnn-prediction");
        prediction.getStyleClass().add(Styles.CNN_PREDICTION);
        prediction.setWrapText(true);
        prediction.setMinHeight(Region.USE_PREF_SIZE);
        bars.setId("cnn-bars");
        VBox.setVgrow(bars, Priority.ALWAYS);
        Label hint = new Label("Drawn digits are scaled into 20×20 and centred by mass, as MNIST's were.");
        hint.getStyleClass().add(Styles.CNN_HINT);
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.visibleProperty().bind(presenter.not());
        hint.managedProperty().bind(hint.visibleProperty());
        VBox input = card("Input", modes, pad, nav, hint);
        ToggleGroup which = new ToggleGroup();
        ToggleButton one = new ToggleButton("One");
        ToggleButton all = new ToggleButton("All");
        one.setId("cnn-show-one");
        one.setTooltip(new Tooltip("The prediction for the input on the left"));
        all.setTooltip(new Tooltip("Label against answer for all 2,000 held-out digits"));
        all.setId("cnn-show-all");
        one.setToggleGroup(which);
        all.setToggleGroup(which);
        one.setSelected(true);
        which.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) a.setSelected(true);
            else vm.confusionShownProperty().set(b == all);
        });
        confusion.setId("cnn-confusion");
        confusion.onCell(vm::showExample);
        VBox.setVgrow(confusion, Priority.ALWAYS);
        for (Node n : List.of(prediction, bars)) {
            n.visibleProperty().bind(vm.confusionShownProperty().not());
            n.managedProperty().bind(n.visibleProperty());
        }
        confusion.visibleProperty().bind(vm.confusionShownProperty());
        confusion.managedProperty().bind(confusion.visibleProperty());
        VBox output = card("Prediction", new HBox(4, one, all), prediction, bars, confusion);
        VBox.setVgrow(output, Priority.ALWAYS);
        VBox col = new VBox(10, input, output);
        leftColumn = col;
        BorderPane.setMargin(col, new Insets(0, 10, 0, 0));
        return col;
    }

    private Node mapsColumn() {
        maps.setId("cnn-maps");
        filters.setId("cnn-filters");
        VBox mapCard = card("Feature maps: z of each layer", maps);
        VBox filterCard = card("Filters, and ∂R/∂W of the last step", filters);
        VBox.setVgrow(maps, Priority.ALWAYS);
        VBox.setVgrow(filters, Priority.ALWAYS);
        VBox.setVgrow(mapCard, Priority.ALWAYS);
        VBox.setVgrow(filterCard, Priority.ALWAYS);
        mapCard.setPrefHeight(380);
        filterCard.setPrefHeight(240);
        top.setId("cnn-top-inputs");
        topTitle.setId("cnn-top-title");
        topTitle.getStyleClass().add(Styles.CNN_HINT);
        topTitle.setWrapText(true);
        topTitle.setMinHeight(Region.USE_PREF_SIZE);
        VBox topCard = card("Strongest digits", topTitle, top);
        VBox.setVgrow(top, Priority.ALWAYS);
        topCard.setPrefHeight(260);
        // In presenter mode the explanation is said aloud: its room goes to the digits, which
        // are drawn larger (the title had been cut to "Filter's strong..." at 1920×1080).
        topTitle.visibleProperty().bind(presenter.not());
        topTitle.managedProperty().bind(presenter.not());
        topCard.prefWidthProperty().bind(javafx.beans.binding.Bindings.when(presenter).then(340).otherwise(210));
        topCard.setMinWidth(190);
        filterCard.setMinWidth(230); // its title stays readable
        HBox lower = new HBox(10, filterCard, topCard);
        HBox.setHgrow(filterCard, Priority.ALWAYS);
        VBox.setVgrow(lower, Priority.ALWAYS);
        return new VBox(10, mapCard, lower);
    }

    private Node rightColumn() {
        chart.setId("cnn-chart");
        chart.setPrefHeight(190);
        chart.minHeightProperty().bind(javafx.beans.binding.Bindings.when(presenter).then(175).otherwise(130));
        VBox training = card("Loss and accuracy (test: 500 held-out)", chart);

        Spinner<Integer> filter = spinner("cnn-filter", 1, 4, 1);
        Spinner<Integer> stride = spinner("cnn-stride", 1, 4, vm.strideProperty().get());
        Spinner<Integer> padding = spinner("cnn-padding", 0, 3, vm.paddingProperty().get());
        filter.valueProperty().addListener((o, a, b) -> vm.filterProperty().set(b - 1));
        stride.valueProperty().addListener((o, a, b) -> vm.strideProperty().set(b));
        padding.valueProperty().addListener((o, a, b) -> vm.paddingProperty().set(b));
        // A preset sets stride and padding itself: the spinners show what is in force.
        vm.strideProperty().addListener((o, a, b) -> stride.getValueFactory().setValue(b.intValue()));
        vm.paddingProperty().addListener((o, a, b) -> padding.getValueFactory().setValue(b.intValue()));
        Button left = button("cnn-window-prev", "mdi2c-chevron-left", "Move the window back one position");
        Button right = button("cnn-window-next", "mdi2c-chevron-right", "Move the window on one position");
        left.setOnAction(e -> move(-1));
        right.setOnAction(e -> move(1));
        FlowPane controls = new FlowPane(6, 4, fixed("filter"), filter, fixed("stride"), stride, fixed("padding"), padding);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPrefWrapLength(300);
        filter.disableProperty().bind(vm.presetProperty().isNotNull());
        // A preset has no picture to move a window over.
        left.disableProperty().bind(vm.presetProperty().isNotNull().and(vm.poolModeProperty().not()));
        right.disableProperty().bind(left.disableProperty());
        ToggleGroup sizes = new ToggleGroup();
        ToggleButton own = new ToggleButton("this digit");
        own.setId("cnn-preset-none");
        own.setTooltip(new javafx.scene.control.Tooltip("conv1 of the network on the digit shown"));
        FlowPane presets = new FlowPane(0, 4, fixed("example"), new Region(), own);
        ((Region) presets.getChildren().get(1)).setMinWidth(6);
        for (ConvPreset cp : List.of(ConvPreset.DECK_32, ConvPreset.DECK_56)) {
            ToggleButton b = new ToggleButton(cp.label());
            b.setId(cp == ConvPreset.DECK_32 ? "cnn-preset-32" : "cnn-preset-56");
            b.setUserData(cp);
            b.setToggleGroup(sizes);
            b.setTooltip(new javafx.scene.control.Tooltip("The decks' example: " + cp.side() + "×" + cp.side() + "×" + cp.channels() + " input, "
                    + cp.filters() + " filters of " + cp.kernel() + "×" + cp.kernel()));
            presets.getChildren().add(b);
        }
        own.setToggleGroup(sizes);
        own.setSelected(true);
        sizes.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) a.setSelected(true);
            else vm.presetProperty().set((ConvPreset) b.getUserData());
        });
        presets.setAlignment(Pos.CENTER_LEFT);
        presets.disableProperty().bind(vm.poolModeProperty());
        formula.setId("cnn-formula");
        formula.getStyleClass().add(Styles.CNN_FORMULA);
        formula.setWrapText(true);
        formula.setMinHeight(Region.USE_PREF_SIZE);
        conv.setId("cnn-conv");
        conv.onPosition(p -> vm.positionProperty().set(p));
        pool.setId("cnn-pool");
        pool.onPosition(p -> vm.poolPositionProperty().set(p));
        var sized = vm.presetProperty().isNotNull();
        conv.visibleProperty().bind(vm.poolModeProperty().not().and(sized.not()));
        pool.visibleProperty().bind(vm.poolModeProperty());
        presetShapes.setId("cnn-preset-shapes");
        presetCounts.setId("cnn-preset-counts");
        for (Label l : List.of(presetShapes, presetCounts)) {
            l.getStyleClass().add(Styles.CNN_FORMULA);
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        Label presetNote = new Label("Only the sizes of the decks' example: it has no picture or weights to show. "
                + "Change stride and padding to see the formula follow, or to see why a window stops fitting.");
        presetNote.getStyleClass().add(Styles.CNN_HINT);
        presetNote.setWrapText(true);
        presetNote.setMinHeight(Region.USE_PREF_SIZE);
        VBox presetBox = new VBox(8, presetShapes, presetCounts, presetNote);
        presetBox.setAlignment(Pos.TOP_LEFT);
        presetBox.visibleProperty().bind(vm.poolModeProperty().not().and(sized));
        StackPane panels = new StackPane(conv, pool, presetBox);
        VBox.setVgrow(panels, Priority.ALWAYS);
        stride.disableProperty().bind(vm.poolModeProperty());
        padding.disableProperty().bind(vm.poolModeProperty());
        formula.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(formula, Priority.ALWAYS);
        HBox formulaRow = new HBox(6, formula, left, right);
        formulaRow.setAlignment(Pos.CENTER_LEFT);
        ToggleGroup what = new ToggleGroup();
        ToggleButton convMode = new ToggleButton("conv1");
        ToggleButton poolMode = new ToggleButton("pool1");
        convMode.setId("cnn-mode-conv");
        poolMode.setId("cnn-mode-pool");
        convMode.setToggleGroup(what);
        poolMode.setToggleGroup(what);
        convMode.setSelected(true);
        what.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) a.setSelected(true);
            else vm.poolModeProperty().set(b == poolMode);
        });
        HBox modeSwitch = new HBox(0, convMode, poolMode);
        modeSwitch.setMinWidth(Region.USE_PREF_SIZE); // the title gives way first
        Label how = new Label("Convolution: each output is the sum of the window's products plus the filter's bias, then the activation. "
                + "Pooling: each output is the largest value under its window. Click either image to move the window.");
        how.getStyleClass().add(Styles.CNN_HINT);
        how.setWrapText(true);
        how.setMinHeight(Region.USE_PREF_SIZE);
        how.visibleProperty().bind(presenter.not()); // presenters say it; the room goes to the numbers
        how.managedProperty().bind(how.visibleProperty());
        VBox explained = card("One window at a time", controls, presets, formulaRow, panels, how);
        // The conv1 / pool1 switch sits in the title line, right-aligned, so the spinners keep one line.
        Node title = explained.getChildren().remove(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(6, title, gap, modeSwitch);
        head.setAlignment(Pos.CENTER_LEFT);
        explained.getChildren().add(0, head);
        VBox.setVgrow(explained, Priority.ALWAYS);
        VBox col = new VBox(10, training, explained);
        rightColumn = col;
        BorderPane.setMargin(col, new Insets(0, 0, 0, 10));
        return col;
    }

    /**
     * The input column keeps its size; the convolution column takes about 30 % of a wide window
     * (its numbers need the room), and both grow with presenter sizes. The maps get the rest.
     */
    private void sizeColumns() {
        // Presenter text is 1.6× larger, but the side columns grow less so the maps keep some room.
        double k = presenter.get() ? 1.15 : 1, kr = presenter.get() ? 1.3 : 1, w = root.getWidth();
        leftColumn.setPrefWidth(250 * k);
        leftColumn.setMinWidth(230 * k);
        leftColumn.setMaxWidth(250 * k);
        double right = Math.max(430 * kr, w * 0.3);
        rightColumn.setPrefWidth(right);
        rightColumn.setMinWidth(380 * kr);
        rightColumn.setMaxWidth(right);
    }

    private static Label fixed(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Spinner<Integer> spinner(String id, int min, int max, int value) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setId(id);
        s.setMinWidth(Region.USE_PREF_SIZE);
        return s;
    }

    // ------------------------------------------------------------------ wiring

    private void wire() {
        vm.frameProperty().addListener((o, a, f) -> showFrame(f));
        vm.explanationProperty().addListener((o, a, e) -> {
            conv.show(e);
            showFormula();
        });
        vm.poolExplanationProperty().addListener((o, a, e) -> { pool.show(e); showFormula(); });
        vm.poolModeProperty().addListener((o, a, b) -> showFormula());
        vm.presetReadoutProperty().addListener((o, a, r) -> showFormula());
        vm.speedProperty().addListener((o, a, b) -> showSpeed());
        showSpeed();
        vm.drawModeProperty().addListener((o, a, b) -> showInput());
        vm.digitProperty().addListener((o, a, b) -> showInput());
        maps.onSelect(h -> vm.selectedProperty().set(new CnnViewModel.Unit(h.maps().layerIndex(), h.image(), h.row(), h.col())));
        vm.selectedProperty().addListener((o, a, u) -> showSelection());
        showInput();
    }

    /** The output-size formula of what the panel shows: the convolution's (or why it does not fit), or the pooling's. */
    private void showFormula() {
        ConvExplanation e = vm.explanationProperty().get();
        PoolExplanation p = vm.poolExplanationProperty().get();
        ConvPreset.Readout r = vm.presetReadoutProperty().get();
        boolean pooling = vm.poolModeProperty().get();
        formula.getStyleClass().remove(Styles.CNN_FORMULA_ERROR);
        if (!pooling && r != null) {
            formula.setText(r.formula());
            presetShapes.setText(r.shapes());
            presetCounts.setText(r.counts());
            if (!r.fits()) formula.getStyleClass().add(Styles.CNN_FORMULA_ERROR);
            return;
        }
        formula.setText(pooling ? (p == null ? "" : p.formula()) : e == null ? "" : e.formula());
        if (!pooling && e != null && !e.fits()) formula.getStyleClass().add(Styles.CNN_FORMULA_ERROR);
    }

    private void move(int by) {
        IntegerProperty p = vm.poolModeProperty().get() ? vm.poolPositionProperty() : vm.positionProperty();
        p.set(p.get() + by);
    }

    private void showSpeed() {
        int n = CnnViewModel.SPEEDS[vm.speedProperty().get()];
        speedText.set(n + (n == 1 ? " update" : " updates") + " a frame");
        speedLabel.setText(speedText.get());
    }

    private void showInput() {
        if (vm.drawModeProperty().get()) {
            pad.show(vm.rawInk());
            digitText.setText("your drawing");
        } else {
            int i = vm.digitProperty().get();
            pad.show(vm.heldOut(i));
            digitText.setText(String.format(java.util.Locale.ROOT, "%,d / %,d", i + 1, vm.testSize()));
        }
    }

    private void showFrame(CnnFrame f) {
        if (vm.drawModeProperty().get()) pad.show(vm.rawInk());
        float[] p = f.probabilities();
        int best = f.predicted();
        bars.show(p, f.label());
        String verdict = f.label() < 0 ? "" : best == f.label() ? " · right" : " · wrong, it is a " + f.label();
        prediction.setText("It says " + best + " (" + Num.percent(p[best]) + ")" + verdict);
        maps.show(f.maps(), "");
        List<FeatureMaps> k = new java.util.ArrayList<>(f.filters());
        k.addAll(f.gradients());
        filters.show(k, "");
        chart.show(f.history());
        if (f.confusion() != null) confusion.show(f.confusion());
        showTop(f.top());
        showSelection();
    }

    private void showTop(TopInputs t) {
        if (t == null) return;
        top.show(t, t.hits().stream().map(h -> vm.heldOut(h.sample())).toList(), DigitInk.SIDE, DigitInk.SIDE);
        topTitle.setText(String.format(java.util.Locale.ROOT, "conv1 filter %d peaks highest on these %d of %,d held-out digits; box: the peak's window, number: its value",
                t.filter() + 1, t.hits().size(), t.scanned()));
    }

    private void showSelection() {
        CnnViewModel.Unit u = vm.selectedProperty().get();
        if (u == null) {
            maps.select(null, null);
            pad.showField(null);
            return;
        }
        FeatureMaps row = maps.rows().stream().filter(m -> m.layerIndex() == u.layerIndex()).findFirst().orElse(null);
        var field = vm.receptiveField(u).orElse(null);
        maps.select(row == null ? null : new MapGrid.Hit(row, u.channel(), u.row(), u.col()), field);
        // The pad shows a drawing as drawn, not as scaled and centred for the network: no field there.
        pad.showField(vm.drawModeProperty().get() ? null : field);
    }

    // ------------------------------------------------------------------ StudioView

    @Override public ViewInfo info() { return INFO; }

    @Override public Node root() { return root; }

    @Override public Transport transport() { return transport; }

    @Override public ReadOnlyStringProperty stepText() { return vm.stepTextProperty(); }

    @Override public long seed() { return vm.seed(); }

    @Override
    public Optional<String> cannotShow(NetworkSpec spec) {
        return Optional.of("The CNN view trains its own small network on the MNIST digits and opens no network files.");
    }

    // ------------------------------------------------------------------ lessons (ids and controls: CnnProbe)

    /** Whether a lesson has started this view's network: its first control or training starts a fresh one, as its probe does. */
    private boolean lessonStarted;

    private final backprop.app.view.LessonTarget lesson = new backprop.app.view.LessonTarget() {
        @Override
        public void set(java.util.Map<String, String> c) {
            start();
            if (c.containsKey("preset")) vm.presetProperty().set(CnnProbe.preset(c.get("preset")));
            if (c.containsKey("stride")) vm.strideProperty().set(Integer.parseInt(c.get("stride")));
            if (c.containsKey("padding")) vm.paddingProperty().set(Integer.parseInt(c.get("padding")));
            if (c.containsKey("filter")) vm.filterProperty().set(Integer.parseInt(c.get("filter")) - 1);
            if (c.containsKey("digit")) {
                vm.drawModeProperty().set(false);
                vm.digitProperty().set(Integer.parseInt(c.get("digit")));
            }
            vm.advanceNow(0); // the digit's trace, synchronously
        }

        private void start() {
            if (lessonStarted) return;
            lessonStarted = true;
            vm.prepareNow(null, 0);
        }

        @Override
        public void train(int steps) {
            start();
            vm.advanceNow(steps);
        }

        /** {@code filter:N} chooses conv1's filter N; {@code map:L/N} lights the receptive field of the middle unit of that map. */
        @Override
        public void highlight(String id, boolean conceal) {
            if (id == null) return;
            if (id.matches("filter:[1-4]")) vm.filterProperty().set(Integer.parseInt(id.substring(7)) - 1);
            CnnFrame f = vm.frameProperty().get();
            if (f == null || !id.startsWith("map:")) return;
            for (FeatureMaps m : f.maps()) {
                if (!id.startsWith("map:" + m.title() + "/")) continue;
                try {
                    int n = Integer.parseInt(id.substring(id.indexOf('/') + 1));
                    if (n >= 1 && n <= m.channels()) vm.selectedProperty().set(new CnnViewModel.Unit(m.layerIndex(), n - 1, m.height() / 2, m.width() / 2));
                } catch (NumberFormatException e) {
                    return; // not a map id; lesson check refuses it
                }
            }
        }
    };

    @Override
    public backprop.app.view.LessonTarget lessonTarget() { return lesson; }

    @Override
    public void prepareForExport(NetworkSpec spec, int step) {
        vm.prepareNow(null, Math.max(0, step));
        root.applyCss();
        root.layout();
    }

    /** One step of an animation is one training update. */
    @Override
    public void advanceForExport(int steps) {
        vm.advanceNow(steps);
        root.applyCss();
        root.layout();
    }

    /**
     * Seed, updates trained, the dataset digit shown and the explorer's settings; training is
     * replayed from the seed. A digit drawn by hand is not kept yet: saving then says so.
     */
    @Override
    public java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> saveState() {
        CnnFrame f = vm.frameProperty().get();
        if (f == null || vm.drawModeProperty().get()) return java.util.Optional.empty();
        var o = backprop.app.session.SessionFiles.object();
        o.put("seed", vm.seed()).put("updates", f.step()).put("digit", vm.digitProperty().get()).put("filter", vm.filterProperty().get())
                .put("stride", vm.strideProperty().get()).put("padding", vm.paddingProperty().get()).put("position", vm.positionProperty().get())
                .put("poolMode", vm.poolModeProperty().get()).put("poolPosition", vm.poolPositionProperty().get())
                .put("confusion", vm.confusionShownProperty().get());
        // The ranking of strongest digits is redone at most every 40 updates while training: keep
        // when it was made, so the reopened view shows the same one.
        o.put("rankedAt", f.top() == null ? f.step() : f.top().step());
        return java.util.Optional.of(o);
    }

    @Override
    public void restoreState(com.fasterxml.jackson.databind.JsonNode state, String file) throws backprop.app.session.SessionException {
        var r = new backprop.app.session.StateReader(file);
        long seed = r.whole(state, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
        int updates = (int) r.whole(state, "updates", 0, backprop.engine.spec.Limits.EPOCHS);
        int digit = (int) r.whole(state, "digit", 0, 1_000_000);
        int filter = (int) r.whole(state, "filter", 0, 1024);
        int stride = (int) r.whole(state, "stride", 1, 64), padding = (int) r.whole(state, "padding", 0, 64);
        int position = (int) r.whole(state, "position", 0, Integer.MAX_VALUE), poolPosition = (int) r.whole(state, "poolPosition", 0, Integer.MAX_VALUE);
        boolean poolMode = r.flag(state, "poolMode"), confusion = r.flag(state, "confusion");
        vm.drawModeProperty().set(false);
        vm.digitProperty().set(digit);
        vm.filterProperty().set(filter);
        vm.strideProperty().set(stride);
        vm.paddingProperty().set(padding);
        vm.positionProperty().set(position);
        vm.poolModeProperty().set(poolMode);
        vm.poolPositionProperty().set(poolPosition);
        vm.confusionShownProperty().set(confusion);
        long rankedAt = state.has("rankedAt") ? r.whole(state, "rankedAt", 0, updates) : updates;
        vm.prepareNow(seed, (int) rankedAt);
        if (updates > rankedAt) vm.advanceNow((int) (updates - rankedAt));
        root.applyCss();
        root.layout();
    }

    @Override
    public void onPresenterMode(boolean on) {
        double s = on ? Styles.PRESENTER_SCALE : 1;
        for (var c : List.of(pad, bars, maps, filters, chart, conv, pool, confusion, top)) c.setScale(s);
        presenter.set(on);
    }

    @Override public void onHidden() { vm.playingProperty().set(false); }

    @Override public void dispose() { vm.shutdown(); }

    /** For tests: the state behind the view. */
    CnnViewModel viewModel() { return vm; }

    MapGrid mapGrid() { return maps; }

    MapGrid filterGrid() { return filters; }

    TopInputsGrid topInputsGrid() { return top; }

    DrawPad drawPad() { return pad; }

    ConfusionMatrix confusionMatrix() { return confusion; }
}
