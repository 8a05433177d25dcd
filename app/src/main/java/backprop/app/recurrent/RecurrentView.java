package backprop.app.recurrent;

import backprop.app.draw.FormulaView;
import backprop.app.draw.LossChart;
import backprop.app.theme.Styles;
import backprop.app.view.StudioView;
import backprop.app.view.Transport;
import backprop.app.view.ViewInfo;
import backprop.engine.layers.recurrent.CellType;
import backprop.engine.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The recurrent view: an LSTM (or GRU, or vanilla RNN) learning to remember the first bit of a
 * sequence. The cell diagram shows every gate's value at the selected step and unit with the
 * equation of the part pointed at; the unrolled timeline shows every step of one sequence;
 * training plays, steps and scrubs through a recorded history; gates can be forced for every
 * unit. Drawing and wiring only: state lives in {@link RecurrentViewModel}.
 */
public final class RecurrentView implements StudioView {
    public static final ViewInfo INFO = new ViewInfo("recurrent", "Recurrent", "mdi2r-repeat");

    private final RecurrentViewModel vm = new RecurrentViewModel(Platform::runLater);
    private final BorderPane root = new BorderPane();
    private final CellDiagram diagram = new CellDiagram();
    private final UnrolledTimeline timeline = new UnrolledTimeline();
    private final FormulaView formula = new FormulaView("rec");
    private final LossChart chart = new LossChart();
    private final VBox forceRows = new VBox(6);
    private final Slider time = new Slider(1, 12, 1);
    private final Slider history = new Slider(0, 0, 0);
    private final Label cellTitle = new Label();
    private final BooleanProperty presenter = new SimpleBooleanProperty(false);
    private boolean syncing; // guards slider ↔ view-model echoes
    private final AnimationTimer player = new AnimationTimer() {
        private long last;

        @Override public void start() { last = 0; super.start(); }

        @Override
        public void handle(long now) {
            if (last != 0) vm.pulse((now - last) / 1e9);
            last = now;
        }
    };
    private final Transport transport = new Transport() {
        @Override public void togglePlay() { vm.togglePlay(); }
        @Override public void stepForward() { vm.stepForward(); }
        @Override public void stepBack() { vm.stepBack(); }
        @Override public void home() { vm.home(); }
        @Override public void end() { vm.end(); }
        @Override public void faster() { vm.faster(); }
        @Override public void slower() { vm.slower(); }
        @Override public ReadOnlyBooleanProperty playingProperty() { return vm.playingProperty(); }
        @Override public ReadOnlyStringProperty speedText() { return vm.speedTextProperty(); }
    };

    public RecurrentView() {
        root.getStyleClass().add(Styles.RECURRENT_VIEW);
        root.getStylesheets().add(RecurrentView.class.getResource("/backprop/app/recurrent/recurrent.css").toExternalForm());
        root.setPadding(new Insets(10, 14, 10, 14));
        root.setTop(topBar());
        root.setCenter(centre());
        root.setBottom(bottom());
        wire();
        vm.load(RecurrentSetup.defaults());
    }

    // ------------------------------------------------------------------ layout

    private static HBox group(Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private Node topBar() {
        ToggleGroup cells = new ToggleGroup();
        HBox segments = new HBox();
        segments.getStyleClass().add(Styles.REC_SEGMENTS);
        segments.setMinWidth(Region.USE_PREF_SIZE);
        for (CellType c : List.of(CellType.LSTM, CellType.GRU, CellType.RNN)) {
            ToggleButton b = new ToggleButton(c == CellType.RNN ? "RNN" : c.displayName());
            b.setId("rec-cell-" + c.type());
            b.setUserData(c);
            b.setToggleGroup(cells);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setTooltip(new Tooltip(c.displayName() + ": " + String.join("   ", c.equations())));
            segments.getChildren().add(b);
        }
        cells.selectToggle(cells.getToggles().get(0));
        cells.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one cell is always chosen
                return;
            }
            CellType c = (CellType) b.getUserData();
            if (c != vm.setupProperty().get().cell()) vm.load(vm.setupProperty().get().withCell(c));
        });
        vm.setupProperty().addListener((o, a, s) -> {
            for (var t : cells.getToggles()) if (t.getUserData() == s.cell()) t.setSelected(true);
        });

        Spinner<Integer> units = new Spinner<>(RecurrentSetup.MIN_UNITS, RecurrentSetup.MAX_UNITS, RecurrentSetup.defaults().units());
        units.setId("rec-units");
        units.setTooltip(new Tooltip("Units H of the recurrent layer (a new network)"));
        units.valueProperty().addListener((o, a, b) -> {
            if (b != vm.setupProperty().get().units()) vm.load(vm.setupProperty().get().withUnits(b));
        });
        Spinner<Integer> steps = new Spinner<>(RecurrentSetup.MIN_STEPS, RecurrentSetup.MAX_STEPS, RecurrentSetup.defaults().steps());
        steps.setId("rec-steps");
        steps.setTooltip(new Tooltip("Sequence length T: how far back the first bit lies (a new network)"));
        steps.valueProperty().addListener((o, a, b) -> {
            if (b != vm.setupProperty().get().steps()) vm.load(vm.setupProperty().get().withSteps(b));
        });
        vm.setupProperty().addListener((o, a, s) -> {
            units.getValueFactory().setValue(s.units());
            steps.getValueFactory().setValue(s.steps());
        });

        ComboBox<String> sample = new ComboBox<>();
        sample.setId("rec-sample");
        sample.setTooltip(new Tooltip("Which of the shown test sequences the diagram and the timeline follow"));
        vm.sequencesProperty().addListener((o, a, b) -> {
            sample.getItems().setAll(b);
            if (!b.isEmpty()) sample.getSelectionModel().select(Math.min(vm.sampleProperty().get(), b.size() - 1));
        });
        sample.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) vm.sampleProperty().set(b.intValue());
        });
        vm.sampleProperty().addListener((o, a, b) -> sample.getSelectionModel().select(b.intValue()));

        ComboBox<String> unit = new ComboBox<>();
        unit.setId("rec-unit");
        unit.setTooltip(new Tooltip("Which unit's values the cell diagram shows"));
        Runnable units2 = () -> {
            List<String> names = new ArrayList<>();
            for (int j = 1; j <= vm.setupProperty().get().units(); j++) names.add("unit " + j);
            unit.getItems().setAll(names);
            unit.getSelectionModel().select(Math.min(vm.unitProperty().get(), names.size() - 1));
        };
        units2.run();
        vm.setupProperty().addListener((o, a, b) -> units2.run());
        unit.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) vm.unitProperty().set(b.intValue());
        });
        vm.unitProperty().addListener((o, a, b) -> unit.getSelectionModel().select(b.intValue()));

        Label task = new Label("Task: remember the first bit");
        task.getStyleClass().add(Styles.REC_NOTE);
        task.setMinWidth(Region.USE_PREF_SIZE);
        task.setTooltip(new Tooltip("Each sequence is T random bits; after the last one the network must say what the first one was."));
        // Groups that wrap as a whole when the view is narrow (beside the lesson panel), never a spinner squeezed to its arrows.
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(group(caption("Cell"), segments), group(caption("Units"), units),
                group(caption("Steps T"), steps), group(caption("Show"), sample, unit), task);
        bar.setId("rec-setup-bar");
        bar.getStyleClass().add(Styles.REC_TOP_BAR);
        bar.visibleProperty().bind(presenter.not());
        bar.managedProperty().bind(bar.visibleProperty());
        BorderPane.setMargin(bar, new Insets(0, 0, 8, 0));
        return bar;
    }

    private Node centre() {
        cellTitle.setId("rec-cell-title");
        cellTitle.getStyleClass().add(Styles.REC_CARD_TITLE);
        Label hint = new Label("Point at a part for its equation; click to keep it.");
        hint.getStyleClass().add(Styles.REC_NOTE);
        hideInPresenterMode(hint);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(10, cellTitle, spacer, hint);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(diagram, Priority.ALWAYS);
        diagram.setId("rec-cell");
        VBox cellCard = card(head, diagram);
        VBox.setVgrow(cellCard, Priority.ALWAYS);

        Label gruNote = new Label(CellEquations.GRU_CONVENTION);
        gruNote.setId("rec-gru-note");
        gruNote.getStyleClass().add(Styles.REC_NOTE);
        gruNote.setWrapText(true);
        gruNote.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.setupProperty().get().cell() == CellType.GRU, vm.setupProperty()));
        gruNote.managedProperty().bind(gruNote.visibleProperty());
        VBox formulaCard = card(formula, gruNote);
        formulaCard.setMinHeight(Region.USE_PREF_SIZE);

        Label error = new Label();
        error.setId("rec-error");
        error.getStyleClass().add(Styles.REC_ERROR);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setWrapText(true);

        VBox left = new VBox(8, error, cellCard, formulaCard);
        HBox.setHgrow(left, Priority.ALWAYS);

        Label forceTitle = title("Force a gate (all units)");
        Label forceNote = new Label("A forced gate holds its value in training too; the loss shows what it costs.");
        forceNote.getStyleClass().add(Styles.REC_NOTE);
        forceNote.setWrapText(true);
        forceNote.visibleProperty().bind(presenter.not().and(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !vm.setupProperty().get().cell().gates().isEmpty(), vm.setupProperty())));
        forceNote.managedProperty().bind(forceNote.visibleProperty());
        forceRows.setId("rec-force");
        VBox forceCard = card(forceTitle, forceRows, forceNote);

        Label score = new Label();
        score.setId("rec-score");
        score.getStyleClass().add(Styles.REC_SCORE);
        score.textProperty().bind(vm.scoreTextProperty());
        Label answer = new Label();
        answer.setId("rec-answer");
        answer.getStyleClass().add(Styles.REC_SCORE);
        answer.textProperty().bind(vm.answerTextProperty());
        chart.setId("rec-chart");
        chart.setPrefSize(300, 170);
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox chartCard = card(title("Loss and accuracy"), chart, score, answer);
        VBox.setVgrow(chartCard, Priority.ALWAYS);

        VBox right = new VBox(8, forceCard, chartCard);
        right.setPrefWidth(320);
        right.setMinWidth(280);
        right.setMaxWidth(380);
        presenter.addListener((o, a, on) -> {
            right.setPrefWidth(on ? 440 : 320);
            right.setMinWidth(on ? 400 : 280); // presenter type: the force rows' three buttons keep their room
            right.setMaxWidth(on ? 480 : 380);
        });
        HBox centre = new HBox(10, left, right);
        return centre;
    }

    private Node bottom() {
        Label head = title("Unrolled over the sequence");
        Label legend = new Label("one column per step: its input bit, then a strip per quantity with one cell per unit (blue −1 … white 0 … orange +1)");
        legend.getStyleClass().add(Styles.REC_NOTE);
        legend.setMinWidth(0);
        hideInPresenterMode(legend);
        HBox top = new HBox(12, head, legend);
        top.setAlignment(Pos.BASELINE_LEFT);
        head.setMinWidth(Region.USE_PREF_SIZE);

        time.setId("rec-time");
        time.setMajorTickUnit(1);
        time.setMinorTickCount(0);
        time.setSnapToTicks(true);
        time.setBlockIncrement(1);
        time.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(time, Priority.ALWAYS);
        time.valueProperty().addListener((o, a, b) -> {
            if (!syncing) vm.timeProperty().set((int) Math.round(b.doubleValue()) - 1);
        });
        Label timeText = new Label();
        timeText.setId("rec-time-text");
        timeText.getStyleClass().add(Styles.REC_CAPTION);
        timeText.setMinWidth(Region.USE_PREF_SIZE);
        timeText.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "t = " + (vm.timeProperty().get() + 1) + " of " + vm.setupProperty().get().steps(), vm.timeProperty(), vm.setupProperty()));
        HBox timeRow = new HBox(10, caption("Time step"), time, timeText);
        timeRow.setAlignment(Pos.CENTER_LEFT);
        timeline.setId("rec-unrolled");
        timeline.setPrefHeight(190);
        // Presenter mode: a shorter strip leaves the cell its room at 1280×800.
        presenter.addListener((o, a, on) -> timeline.setPrefHeight(on ? 165 : 190));
        VBox timelineCard = card(top, timeline, timeRow);

        Button home = iconButton("rec-home", "mdi2s-skip-previous", "First recorded update (Home)");
        Button back = iconButton("rec-step-back", "mdi2s-step-backward", "Previous update (←)");
        Button play = iconButton("rec-play", "mdi2p-play", "Train / pause (space)");
        Button forward = iconButton("rec-step-forward", "mdi2s-step-forward", "Next update; at the newest, train one more (→)");
        Button end = iconButton("rec-end", "mdi2s-skip-next", "Newest update (End)");
        play.getStyleClass().add(Styles.REC_PLAY);
        home.setOnAction(e -> transport.home());
        back.setOnAction(e -> transport.stepBack());
        play.setOnAction(e -> transport.togglePlay());
        forward.setOnAction(e -> transport.stepForward());
        end.setOnAction(e -> transport.end());
        vm.playingProperty().addListener((o, a, b) -> ((FontIcon) play.getGraphic()).setIconLiteral(b ? "mdi2p-pause" : "mdi2p-play"));

        history.setId("rec-history");
        history.setMajorTickUnit(1);
        history.setMinorTickCount(0);
        history.setSnapToTicks(true);
        history.setBlockIncrement(1);
        HBox.setHgrow(history, Priority.ALWAYS);
        history.setMaxWidth(Double.MAX_VALUE);
        history.valueProperty().addListener((o, a, b) -> {
            if (syncing) return;
            int i = (int) Math.round(b.doubleValue());
            if (i >= 0 && i < vm.history().size() && i != vm.historyIndexProperty().get()) {
                vm.playingProperty().set(false); // looking back pauses training, or the next update would jump to the newest
                vm.historyIndexProperty().set(i);
            }
        });
        Label historyText = new Label();
        historyText.setId("rec-history-text");
        historyText.getStyleClass().add(Styles.REC_CAPTION);
        historyText.setMinWidth(80); // shortened with an ellipsis before the buttons lose room
        historyText.textProperty().bind(vm.historyTextProperty());
        Button slower = iconButton("rec-slower", "mdi2m-minus", "Slower (−)");
        Button faster = iconButton("rec-faster", "mdi2p-plus", "Faster (+)");
        slower.setOnAction(e -> transport.slower());
        faster.setOnAction(e -> transport.faster());
        Label speed = new Label();
        speed.setId("rec-speed");
        speed.setMinWidth(Region.USE_PREF_SIZE);
        speed.textProperty().bind(vm.speedTextProperty());
        HBox bar = new HBox(caption("Training"), home, back, play, forward, end, history, historyText,
                new Separator(Orientation.VERTICAL), slower, speed, faster);
        bar.getStyleClass().add(Styles.REC_TRANSPORT);

        VBox box = new VBox(8, timelineCard, bar);
        BorderPane.setMargin(box, new Insets(8, 0, 0, 0));
        return box;
    }

    /** One row per gate of the current cell: computed, or forced to 0 or 1 for every unit. */
    /** The forced gates the rows show (what the user clicked, or the view-model's as last rebuilt). */
    private Map<String, Float> shownForced = Map.of();

    private void rebuildForceRows(CellType cell) {
        shownForced = Map.copyOf(vm.forcedProperty().get());
        forceRows.getChildren().clear();
        if (cell.gates().isEmpty()) {
            Label none = new Label("A vanilla RNN has no gates to force.");
            none.getStyleClass().add(Styles.REC_NOTE);
            forceRows.getChildren().add(none);
            return;
        }
        for (String gate : cell.gates()) {
            Label name = new Label(gate + "  " + gateName(gate));
            name.getStyleClass().add(Styles.REC_FORCE_NAME);
            ToggleGroup group = new ToggleGroup();
            HBox seg = new HBox();
            seg.getStyleClass().add(Styles.REC_SEGMENTS);
            Float current = vm.forcedProperty().get().get(gate);
            for (Float v : new Float[] {null, 0f, 1f}) {
                ToggleButton b = new ToggleButton(v == null ? "computed" : v == 0f ? "0" : "1");
                b.setId("rec-force-" + gate + "-" + (v == null ? "auto" : v == 0f ? "0" : "1"));
                b.setUserData(v);
                b.setToggleGroup(group);
                b.setSelected(v == null ? current == null : v.equals(current));
                b.setMinWidth(Region.USE_PREF_SIZE);
                seg.getChildren().add(b);
            }
            group.selectedToggleProperty().addListener((o, a, b) -> {
                if (b == null) {
                    a.setSelected(true);
                    return;
                }
                Float v = (Float) b.getUserData();
                Float now = vm.forcedProperty().get().get(gate);
                if (v == null ? now != null : !v.equals(now)) {
                    Map<String, Float> next = new java.util.HashMap<>(vm.forcedProperty().get());
                    if (v == null) next.remove(gate);
                    else next.put(gate, v);
                    shownForced = Map.copyOf(next);
                    vm.force(gate, v);
                }
            });
            HBox row = new HBox(name, seg);
            row.getStyleClass().add(Styles.REC_FORCE_ROW);
            forceRows.getChildren().add(row);
        }
    }

    static String gateName(String gate) {
        return switch (gate) {
            case "f" -> "forget";
            case "i" -> "input";
            case "o" -> "output";
            case "z" -> "update";
            case "r" -> "reset";
            default -> gate;
        };
    }

    private void hideInPresenterMode(Node n) {
        n.visibleProperty().bind(presenter.not());
        n.managedProperty().bind(n.visibleProperty());
    }

    private static VBox card(Node... children) {
        VBox v = new VBox(children);
        v.getStyleClass().add(Styles.REC_CARD);
        return v;
    }

    private static Label title(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.REC_CARD_TITLE);
        return l;
    }

    private static Label caption(String s) {
        Label l = new Label(s);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add(Styles.REC_CAPTION);
        return l;
    }

    private static Button iconButton(String id, String icon, String tip) {
        Button b = new Button();
        b.setId(id);
        b.setGraphic(new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.getStyleClass().add(Styles.REC_ICON_BUTTON);
        return b;
    }

    // ------------------------------------------------------------------ wiring

    private void wire() {
        Runnable showCell = () -> {
            CellReadout r = vm.readoutProperty().get();
            diagram.show(r, vm.partProperty().get(), vm.hoverProperty().get());
            if (r != null) {
                cellTitle.setText(r.cell().displayName() + " cell · step t = " + (r.t() + 1) + " · unit " + (r.unit() + 1)
                        + " · sequence " + (r.sample() + 1));
            }
        };
        vm.readoutProperty().addListener((o, a, b) -> showCell.run());
        vm.partProperty().addListener((o, a, b) -> showCell.run());
        vm.hoverProperty().addListener((o, a, b) -> showCell.run());
        diagram.setOnHover(p -> vm.hoverProperty().set(p));
        diagram.setOnSelect(p -> vm.partProperty().set(p));
        vm.unrolledProperty().addListener((o, a, u) -> timeline.show(u));
        timeline.setOnPick((t, j) -> {
            vm.timeProperty().set(t);
            vm.unitProperty().set(j);
        });
        vm.formulaProperty().addListener((o, a, f) -> formula.show(f));
        root.sceneProperty().addListener((o, a, s) -> formula.show(vm.formulaProperty().get()));
        vm.metricsProperty().addListener((o, a, m) -> chart.show(m));

        vm.setupProperty().addListener((o, a, s) -> {
            rebuildForceRows(s.cell());
            syncTime();
        });
        rebuildForceRows(vm.setupProperty().get().cell());
        vm.forcedProperty().addListener((o, a, b) -> {
            // A new network clears them; a lesson (or a restored session) sets them: the rows show what is in force.
            if (!b.equals(shownForced)) rebuildForceRows(vm.setupProperty().get().cell());
        });
        vm.timeProperty().addListener((o, a, b) -> syncTime());
        vm.history().addListener((ListChangeListener<RecurrentFrame>) c -> syncHistory());
        vm.historyIndexProperty().addListener((o, a, b) -> syncHistory());
        diagram.accessibleTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.formulaProperty().get() == null ? "" : vm.formulaProperty().get().explanation() + " " + vm.formulaProperty().get().text(),
                vm.formulaProperty()));
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        vm.playingProperty().addListener((o, a, b) -> {
            if (b) player.start();
            else player.stop();
        });
    }

    private void syncTime() {
        syncing = true;
        try {
            time.setMax(vm.setupProperty().get().steps());
            time.setValue(vm.timeProperty().get() + 1);
        } finally {
            syncing = false;
        }
    }

    private void syncHistory() {
        syncing = true;
        try {
            history.setMax(Math.max(0, vm.history().size() - 1));
            history.setDisable(vm.history().size() < 2);
            history.setValue(Math.max(0, vm.historyIndexProperty().get()));
        } finally {
            syncing = false;
        }
    }

    /** Presenter keys work with the view focused too; keys a focused control needs are left to it. */
    private void key(KeyEvent e) {
        Object t = e.getTarget();
        if (t instanceof TextInputControl || t instanceof Slider || t instanceof javafx.scene.control.ComboBoxBase<?>
                || t instanceof Spinner<?>) return;
        if (e.getCode() == javafx.scene.input.KeyCode.SPACE && t instanceof javafx.scene.control.ButtonBase) return;
        switch (e.getCode()) {
            case RIGHT -> transport.stepForward();
            case LEFT -> transport.stepBack();
            case SPACE -> transport.togglePlay();
            case HOME -> transport.home();
            case END -> transport.end();
            case PLUS, ADD, EQUALS -> transport.faster();
            case MINUS, SUBTRACT -> transport.slower();
            default -> { return; }
        }
        e.consume();
    }

    // ------------------------------------------------------------------ StudioView

    /** The sentence the view gives for every network file: it builds its own network. */
    static final String REFUSAL = "The Recurrent view trains its own network on remember-the-first-bit (choose the cell, H and T in the view); it does not open network files.";

    @Override public ViewInfo info() { return INFO; }

    @Override public Optional<String> cannotShow(NetworkSpec spec) { return Optional.of(REFUSAL); }

    @Override
    public void open(NetworkSpec spec, String source, Consumer<Optional<String>> done) {
        done.accept(Optional.of(REFUSAL));
    }

    @Override public Node root() { return root; }

    @Override public Transport transport() { return transport; }

    @Override public ReadOnlyStringProperty stepText() { return vm.stepTextProperty(); }

    @Override public long seed() { return vm.seed(); }

    /** The default network after {@code step} updates; a network file is refused with {@link #REFUSAL}. */
    @Override
    public void prepareForExport(NetworkSpec spec, int step) {
        if (spec != null) throw new IllegalArgumentException(REFUSAL);
        vm.loadNow(RecurrentSetup.defaults());
        if (step > 0) vm.trainNow(step);
        root.applyCss();
        root.layout();
    }

    /** One step of an animation is one training update. */
    @Override
    public void advanceForExport(int steps) {
        vm.trainNow(steps);
        root.applyCss();
        root.layout();
    }

    /** The log of what was done (set-up, updates, forced gates) and what is selected: a replay gives the same picture. */
    @Override
    public java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> saveState() {
        var o = backprop.app.session.SessionFiles.object();
        o.set("log", vm.log());
        o.put("historyIndex", vm.historyIndexProperty().get()).put("sample", vm.sampleProperty().get()).put("time", vm.timeProperty().get())
                .put("unit", vm.unitProperty().get()).put("part", vm.partProperty().get());
        return java.util.Optional.of(o);
    }

    @Override
    public void restoreState(com.fasterxml.jackson.databind.JsonNode state, String file) throws backprop.app.session.SessionException {
        var r = new backprop.app.session.StateReader(file);
        int history = (int) r.whole(state, "historyIndex", -1, Integer.MAX_VALUE);
        int sample = (int) r.whole(state, "sample", 0, Integer.MAX_VALUE), time = (int) r.whole(state, "time", 0, Integer.MAX_VALUE);
        int unit = (int) r.whole(state, "unit", 0, Integer.MAX_VALUE);
        String part = r.text(state, "part");
        vm.replayNow(state.get("log"), r);
        vm.historyIndexProperty().set(history);
        vm.sampleProperty().set(sample);
        vm.timeProperty().set(time);
        vm.unitProperty().set(unit);
        vm.partProperty().set(part);
        root.applyCss();
        root.layout();
    }

    /** Canvas text and strokes and the typeset equation grow with the shell's text; the set-up row makes room. */
    @Override
    public void onPresenterMode(boolean on) {
        double s = on ? Styles.PRESENTER_SCALE : 1;
        presenter.set(on);
        diagram.setScale(s);
        timeline.setScale(s);
        chart.setScale(s);
        formula.setScale(s);
    }

    @Override public void onHidden() { vm.playingProperty().set(false); }

    @Override
    public void dispose() {
        player.stop();
        vm.dispose();
    }

    public RecurrentViewModel viewModel() { return vm; }

    // ------------------------------------------------------------------ lessons (ids and controls: RecurrentIds)

    /** Whether a lesson has built this view's network yet: its first control or training starts from the defaults, as its probe does. */
    private boolean lessonLoaded;

    private final backprop.app.view.LessonTarget lesson = new backprop.app.view.LessonTarget() {
        @Override
        public void set(java.util.Map<String, String> c) {
            if (RecurrentIds.rebuilds(c) || !lessonLoaded) {
                vm.loadNow(RecurrentIds.setup(lessonLoaded ? vm.setupProperty().get() : RecurrentSetup.defaults(), c));
                lessonLoaded = true;
            }
            c.forEach((k, v) -> { if (k.startsWith("force:")) vm.forceNow(k.substring(6), RecurrentIds.forced(v)); });
            if (c.containsKey("sample")) vm.sampleProperty().set(Integer.parseInt(c.get("sample")) - 1);
            if (c.containsKey("unit")) vm.unitProperty().set(Math.min(vm.setupProperty().get().units(), Integer.parseInt(c.get("unit"))) - 1);
        }

        @Override
        public void train(int steps) {
            if (!lessonLoaded) set(java.util.Map.of());
            vm.trainNow(steps);
        }

        /** Moves to the step of a gate id and points at that part; a prediction's number reads "?" until revealed. */
        @Override
        public void highlight(String id, boolean conceal) {
            RecurrentIds.Step s = id == null ? null : RecurrentIds.step(id);
            if (id == null) vm.concealedProperty().set(null);
            if (s == null) return;
            vm.concealedProperty().set(conceal ? s.key() + "@" + s.t() : null);
            vm.timeProperty().set(s.t());
            if (CellReadout.parts(vm.setupProperty().get().cell()).contains(s.key())) vm.partProperty().set(s.key());
        }

        @Override
        public void reveal() { vm.concealedProperty().set(null); }
    };

    @Override
    public backprop.app.view.LessonTarget lessonTarget() { return lesson; }

    CellDiagram diagram() { return diagram; }

    UnrolledTimeline timeline() { return timeline; }

    FormulaView formulaView() { return formula; }
}
