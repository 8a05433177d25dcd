package backprop.app.backprop;

import backprop.app.graph.GraphView;
import backprop.app.graph.GraphViewModel;
import backprop.app.draw.FormulaView;
import backprop.app.math.Num;
import backprop.app.view.OpenNetworkRequest;
import backprop.app.view.StudioView;
import backprop.app.view.Transport;
import backprop.app.theme.Styles;
import backprop.app.view.ViewInfo;
import backprop.engine.models.BuiltinModels;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.geometry.Orientation;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Step-through backprop: a small network with every a, z and δ in its boxes and w, ∂R/∂w on
 * its edges, a timeline over one training step (play, pause, step both ways, scrub, speed)
 * with the current formula typeset with its numbers, a recorded history of training steps,
 * predict-then-reveal, and the computational-graph mode. Drawing only; state lives in
 * {@link BackpropViewModel} and {@link GraphViewModel}.
 */
public final class BackpropView implements StudioView {
    public static final ViewInfo INFO = new ViewInfo("backprop", "Backprop", "mdi2s-step-forward");

    private static final List<String> BUILTINS = List.of("xor", "encoder-838", "xor-handbuilt");

    private final BackpropViewModel vm = new BackpropViewModel(Platform::runLater);
    private final GraphViewModel graphVm = new GraphViewModel();
    private final BorderPane root = new BorderPane();
    private final NetworkDiagram diagram = new NetworkDiagram();
    private final FormulaView formula = new FormulaView("bp");
    private final GraphView graphView = new GraphView(graphVm);
    private final BooleanProperty graphMode = new SimpleBooleanProperty(false);
    private final BooleanProperty presenter = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final Slider scrub = new Slider(0, 1, 0);
    private final Label position = new Label();
    private final PhaseBar phases = new PhaseBar();
    /** "1.5 steps/s": the view's own speed label and the shell toolbar's show the same text. */
    private final javafx.beans.binding.StringBinding speedText = Bindings.createStringBinding(
            () -> Num.shortFmt(vm.speedProperty().get()) + " steps/s", vm.speedProperty());
    private final ReadOnlyStringWrapper speedTextForShell = new ReadOnlyStringWrapper();
    private boolean syncing; // guards slider <-> view-model echo
    private final AnimationTimer player = new AnimationTimer() {
        private long last;

        @Override public void start() { last = 0; super.start(); }

        @Override
        public void handle(long now) {
            double period = 1e9 / vm.speedProperty().get();
            if (last == 0) last = now;
            if (now - last < period) return;
            last = now;
            if (graphMode.get()) graphVm.tick();
            else vm.tick();
        }
    };
    private final Transport transport = new Transport() {
        @Override public void togglePlay() { if (graphMode.get()) graphVm.togglePlay(); else vm.togglePlay(); }
        @Override public void stepForward() { if (graphMode.get()) graphVm.stepForward(); else vm.stepForward(); }
        @Override public void stepBack() { if (graphMode.get()) graphVm.stepBack(); else vm.stepBack(); }
        @Override public void home() { if (graphMode.get()) graphVm.home(); else vm.home(); }
        @Override public void end() { if (graphMode.get()) graphVm.end(); else vm.end(); }
        @Override public void faster() { vm.faster(); }
        @Override public void slower() { vm.slower(); }
        @Override public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }
        @Override public ReadOnlyStringProperty speedText() { return speedTextForShell.getReadOnlyProperty(); }
    };

    public BackpropView() {
        root.getStyleClass().add(Styles.BACKPROP_VIEW);
        root.getStylesheets().add(BackpropView.class.getResource("/backprop/app/backprop/backprop-view.css").toExternalForm());
        root.setPadding(new Insets(12, 16, 12, 16));
        root.setTop(topBar());
        StackPane centre = new StackPane(networkPane(), graphView.root());
        graphView.root().visibleProperty().bind(graphMode);
        centre.getChildren().get(0).visibleProperty().bind(graphMode.not());
        root.setCenter(centre);
        speedTextForShell.bind(speedText);
        root.setBottom(new VBox(8, transportBar(), historyBar()));
        BorderPane.setMargin(root.getBottom(), new Insets(10, 0, 0, 0));
        wire();
        vm.loadDefault();
    }

    // ------------------------------------------------------------------ layout

    private Node topBar() {
        ToggleGroup modes = new ToggleGroup();
        ToggleButton network = new ToggleButton("Network");
        network.setId("bp-mode-network");
        ToggleButton graph = new ToggleButton("Graph  e = (a+b)(b+1)");
        graph.setId("bp-mode-graph");
        network.setToggleGroup(modes);
        graph.setToggleGroup(modes);
        network.setSelected(true);
        modes.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) a.setSelected(true); // one mode is always on
            else graphMode.set(b == graph);
        });
        graphMode.addListener((o, a, b) -> (b ? graph : network).setSelected(true));
        network.setMinWidth(Region.USE_PREF_SIZE);
        graph.setMinWidth(Region.USE_PREF_SIZE);
        HBox switcher = new HBox(network, graph);
        switcher.setMinWidth(Region.USE_PREF_SIZE);
        switcher.getStyleClass().add(Styles.MODE_SWITCH);

        ComboBox<String> model = new ComboBox<>();
        model.setId("bp-model");
        model.getItems().addAll(BUILTINS);
        model.setValue("xor");
        model.setTooltip(new Tooltip("Built-in network to step through"));
        // Shows the prompt (a file's network name) when no built-in is selected; the default cell forgets it.
        model.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? model.getPromptText() : item);
            }
        });
        model.setOnAction(e -> {
            try {
                if (model.getValue() != null && !model.getValue().equals(vm.modelNameProperty().get())) vm.load(BuiltinModels.spec(model.getValue()));
            } catch (SpecException ex) {
                vm.load(null);
            }
        });
        vm.modelNameProperty().addListener((o, a, b) -> {
            if (BUILTINS.contains(b)) {
                if (!b.equals(model.getValue())) model.setValue(b);
            } else {
                model.setPromptText(b); // a network from a file: its name, no built-in selected
                model.setValue(null);
                model.getButtonCell().setText(b);
            }
        });
        Button open = iconButton("bp-open", "mdi2f-folder-open-outline", "Open a network file (dense, up to " + BackpropSession.MAX_NEURONS + " neurons)");
        open.setText("Open…");
        open.setOnAction(e -> open.fireEvent(new OpenNetworkRequest())); // the shell's route, as Ctrl+O

        ComboBox<String> sample = new ComboBox<>();
        sample.setId("bp-sample");
        sample.setPrefWidth(260);
        sample.setMaxWidth(260);
        sample.setTooltip(new Tooltip("Which sample's a, z and δ the boxes show (gradients are batch means)"));
        vm.sampleLabelsProperty().addListener((o, a, b) -> {
            sample.getItems().setAll(b);
            if (!b.isEmpty()) sample.getSelectionModel().select(Math.min(vm.sampleProperty().get(), b.size() - 1));
        });
        sample.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) vm.sampleProperty().set(b.intValue());
        });
        vm.sampleProperty().addListener((o, a, b) -> sample.getSelectionModel().select(b.intValue()));

        CheckBox predict = new CheckBox("Predict, then reveal");
        predict.setId("bp-predict");
        predict.selectedProperty().bindBidirectional(vm.predictModeProperty());
        predict.setTooltip(new Tooltip("Hide each new value until you have typed your guess"));
        predict.setMinWidth(Region.USE_PREF_SIZE);
        open.setMinWidth(Region.USE_PREF_SIZE);

        HBox networkControls = new HBox(10, label("Model"), model, open, new Separator(Orientation.VERTICAL),
                label("Show"), sample, new Separator(Orientation.VERTICAL), predict);
        networkControls.setAlignment(Pos.CENTER_LEFT);
        networkControls.visibleProperty().bind(graphMode.not());
        networkControls.managedProperty().bind(networkControls.visibleProperty());
        HBox bar = new HBox(16, switcher, networkControls);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.BP_TOP_BAR);
        // Presenter mode: the set-up row goes, like the shell's chrome; the diagram gets the room.
        bar.visibleProperty().bind(presenter.not());
        bar.managedProperty().bind(bar.visibleProperty());
        BorderPane.setMargin(bar, new Insets(0, 0, 10, 0));
        return bar;
    }

    private Node networkPane() {
        StackPane card = new StackPane(diagram);
        card.getStyleClass().add(Styles.DIAGRAM_CARD);
        VBox.setVgrow(card, Priority.ALWAYS);

        Label error = new Label();
        error.setId("bp-error");
        error.getStyleClass().add(Styles.BP_ERROR);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setWrapText(true);

        TextField guess = new TextField();
        guess.setId("bp-guess");
        guess.setPromptText("your value");
        guess.setPrefColumnCount(8);
        Button check = new Button("Check");
        check.setId("bp-check");
        check.setDefaultButton(false);
        Button reveal = new Button("Just show me");
        reveal.setId("bp-reveal");
        Label feedback = new Label();
        feedback.setId("bp-feedback");
        feedback.getStyleClass().add(Styles.BP_FEEDBACK);
        feedback.textProperty().bind(vm.feedbackProperty());
        vm.verdictProperty().addListener((o, a, v) -> {
            feedback.getStyleClass().removeAll(Styles.CORRECT, Styles.WRONG);
            if (v != null) feedback.getStyleClass().add(v == backprop.app.timeline.Guess.Verdict.CORRECT ? Styles.CORRECT : Styles.WRONG);
        });
        Runnable submit = () -> {
            vm.submitGuess(guess.getText());
            guess.clear();
        };
        check.setOnAction(e -> submit.run());
        guess.setOnAction(e -> submit.run());
        reveal.setOnAction(e -> vm.reveal());
        guess.disableProperty().bind(vm.currentHiddenProperty().not());
        check.disableProperty().bind(vm.currentHiddenProperty().not());
        reveal.disableProperty().bind(vm.currentHiddenProperty().not());
        Label prompt = label("What will the engine compute?");
        HBox predictRow = new HBox(10, prompt, guess, check, reveal, feedback);
        predictRow.setAlignment(Pos.CENTER_LEFT);
        predictRow.getStyleClass().add(Styles.PREDICT_ROW);
        predictRow.visibleProperty().bind(vm.predictModeProperty());
        predictRow.managedProperty().bind(predictRow.visibleProperty());

        formula.setReserveHeight(true); // the diagram above keeps its place as the formulas of a step grow and shrink
        VBox formulaCard = new VBox(8, formula, predictRow);
        formulaCard.getStyleClass().add(Styles.FORMULA_CARD);
        VBox pane = new VBox(10, error, card, formulaCard);
        return pane;
    }

    private Node transportBar() {
        Button home = iconButton("bp-home", "mdi2s-skip-previous", "First step (Home)");
        Button back = iconButton("bp-step-back", "mdi2s-step-backward", "Step back (←)");
        Button play = iconButton("bp-play", "mdi2p-play", "Play / pause (space)");
        Button forward = iconButton("bp-step-forward", "mdi2s-step-forward", "Step forward (→)");
        Button end = iconButton("bp-end", "mdi2s-skip-next", "Last step (End)");
        play.getStyleClass().add(Styles.PLAY);
        home.setOnAction(e -> transport.home());
        back.setOnAction(e -> transport.stepBack());
        play.setOnAction(e -> transport.togglePlay());
        forward.setOnAction(e -> transport.stepForward());
        end.setOnAction(e -> transport.end());
        playing.addListener((o, a, b) -> ((FontIcon) play.getGraphic()).setIconLiteral(b ? "mdi2p-pause" : "mdi2p-play"));

        scrub.setId("bp-scrub");
        scrub.setMaxWidth(Double.MAX_VALUE);
        scrub.setMajorTickUnit(1);
        scrub.setMinorTickCount(0);
        scrub.setSnapToTicks(true);
        scrub.setBlockIncrement(1);
        HBox.setHgrow(scrub, Priority.ALWAYS);
        scrub.valueProperty().addListener((o, a, b) -> {
            if (syncing) return;
            int i = (int) Math.round(b.doubleValue());
            if (graphMode.get()) graphVm.indexProperty().set(Math.max(0, Math.min(i, graphVm.size() - 1)));
            else vm.seek(i);
        });
        position.setId("bp-position");
        position.getStyleClass().add(Styles.BP_POSITION);

        Button slower = iconButton("bp-slower", "mdi2m-minus", "Slower (−)");
        Button faster = iconButton("bp-faster", "mdi2p-plus", "Faster (+)");
        slower.setOnAction(e -> transport.slower());
        faster.setOnAction(e -> transport.faster());
        Label speed = new Label();
        speed.setId("bp-speed");
        speed.getStyleClass().add(Styles.BP_SPEED);
        speed.textProperty().bind(speedText);
        speed.setMinWidth(Region.USE_PREF_SIZE);

        VBox scrubber = new VBox(2, scrub, phases);
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.setAlignment(Pos.CENTER);
        HBox bar = new HBox(6, home, back, play, forward, end, scrubber, position, new Separator(Orientation.VERTICAL), slower, speed, faster);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.TRANSPORT_BAR);
        return bar;
    }

    private Node historyBar() {
        Slider history = new Slider(0, 0, 0);
        history.setId("bp-history");
        history.setMajorTickUnit(1);
        history.setMinorTickCount(0);
        history.setSnapToTicks(true);
        history.setBlockIncrement(1);
        HBox.setHgrow(history, Priority.ALWAYS);
        LossSparkline loss = new LossSparkline();
        Tooltip.install(loss, new Tooltip("Loss R of each recorded training step; the dot is the one shown.\n" + LossMeaning.TEXT));
        Runnable syncHistory = () -> {
            loss.show(vm.history(), vm.historyIndexProperty().get());
            history.setMax(Math.max(0, vm.history().size() - 1));
            history.setDisable(vm.history().size() < 2);
            history.setValue(Math.max(0, vm.historyIndexProperty().get()));
        };
        vm.history().addListener((javafx.collections.ListChangeListener<Object>) c -> syncHistory.run());
        vm.historyIndexProperty().addListener((o, a, b) -> syncHistory.run());
        history.valueProperty().addListener((o, a, b) -> {
            int i = (int) Math.round(b.doubleValue());
            if (i >= 0 && i < vm.history().size() && i != vm.historyIndexProperty().get()) vm.historyIndexProperty().set(i);
        });
        Label text = new Label();
        text.setId("bp-history-text");
        text.getStyleClass().add(Styles.BP_HISTORY_TEXT);
        text.textProperty().bind(vm.historyTextProperty());
        text.setTooltip(new Tooltip(LossMeaning.TEXT));
        Button one = new Button("Train 1 step");
        one.setId("bp-train-1");
        Button ten = new Button("+10");
        ten.setId("bp-train-10");
        Button hundred = new Button("+100");
        hundred.setId("bp-train-100");
        one.setOnAction(e -> vm.train(1));
        ten.setOnAction(e -> vm.train(10));
        hundred.setOnAction(e -> vm.train(100));
        for (Button b : List.of(one, ten, hundred)) {
            b.disableProperty().bind(vm.busyProperty().or(vm.divergedProperty()));
            b.setMinWidth(Region.USE_PREF_SIZE); // the history text gives way, never the buttons
        }
        text.setMinWidth(0);
        one.setTooltip(new Tooltip("Run one more training step and record its trace"));
        HBox bar = new HBox(10, label("History"), history, loss, text, one, ten, hundred);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.HISTORY_BAR);
        bar.visibleProperty().bind(graphMode.not().and(presenter.not()));
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private static Label label(String s) {
        Label l = new Label(s);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add(Styles.BP_CAPTION);
        return l;
    }

    private static Button iconButton(String id, String icon, String tip) {
        Button b = new Button();
        b.setId(id);
        b.setGraphic(new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.getStyleClass().add(Styles.ICON_BUTTON);
        return b;
    }

    // ------------------------------------------------------------------ wiring

    private void wire() {
        vm.snapshotProperty().addListener((o, a, s) ->
                diagram.show(vm.timeline(), s, vm.currentStepProperty().get(), vm.currentHiddenProperty().get()));
        vm.formulaProperty().addListener((o, a, f) -> formula.show(f));
        vm.atStopProperty().addListener((o, a, b) -> {
            if (b) diagram.getStyleClass().add(Styles.BP_STOPPED);
            else diagram.getStyleClass().remove(Styles.BP_STOPPED);
        });
        root.sceneProperty().addListener((o, a, s) -> {
            formula.show(vm.formulaProperty().get());
            graphView.formula().show(graphVm.formulaProperty().get());
        });
        vm.indexProperty().addListener((o, a, b) -> syncScrub());
        vm.timelineProperty().addListener((o, a, b) -> syncScrub());
        graphVm.indexProperty().addListener((o, a, b) -> syncScrub());
        graphMode.addListener((o, a, b) -> {
            vm.playingProperty().set(false);
            graphVm.playingProperty().set(false);
            syncScrub();
        });
        stepText.bind(Bindings.when(graphMode).then(graphVm.stepTextProperty()).otherwise(vm.stepTextProperty()));
        // Screen readers get the current step in words; the canvas itself has no text nodes.
        diagram.accessibleTextProperty().bind(Bindings.concat(vm.explanationProperty(), " ", vm.formulaTextProperty()));
        // A filter, so toggle buttons do not turn the arrows into focus moves first.
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        diagram.setOnMousePressed(e -> diagram.requestFocus());
        playing.bind(vm.playingProperty().or(graphVm.playingProperty()));
        playing.addListener((o, a, b) -> {
            if (b) player.start();
            else player.stop();
        });
    }

    /**
     * The transport keys work whatever control of the view last had focus (a drop-down just used
     * to pick a sample, a slider, a toggle), so the first → after a choice is never lost; only
     * typing into a text field (the guess, an editable box) keeps its keys. Handled keys are
     * consumed so a shell-level handler does not step twice.
     */
    private void key(KeyEvent e) {
        if (typing(e.getTarget())) return;
        Object t = e.getTarget();
        if (e.getCode() == javafx.scene.input.KeyCode.SPACE && t instanceof javafx.scene.control.ButtonBase) return; // space presses a focused button
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

    private static boolean typing(Object target) {
        return target instanceof TextInputControl
                || (target instanceof javafx.scene.control.ComboBoxBase<?> c && c.isEditable())
                || (target instanceof javafx.scene.control.Spinner<?> sp && sp.isEditable());
    }

    private void syncScrub() {
        syncing = true;
        try {
            int size = graphMode.get() ? graphVm.size() : vm.timeline() == null ? 1 : vm.timeline().size();
            int i = graphMode.get() ? graphVm.indexProperty().get() : vm.indexProperty().get();
            scrub.setMax(Math.max(1, size - 1));
            scrub.setValue(i);
            position.setText((i + 1) + " / " + size);
            phases.show(graphMode.get() ? graphPhases() : networkPhases(), i);
        } finally {
            syncing = false;
        }
    }

    /** Runs of consecutive timeline steps with the same phase name. */
    private List<PhaseBar.Phase> networkPhases() {
        List<PhaseBar.Phase> out = new java.util.ArrayList<>();
        if (vm.timeline() == null) return out;
        for (var s : vm.timeline().steps()) {
            String name = switch (s.kind()) {
                case FORWARD_A, FORWARD_Z -> "forward";
                case LOSS -> "R";
                case DELTA -> "backward δ";
                case GRAD_W, GRAD_B -> "gradients";
                case UPDATE_W, UPDATE_B -> "updates";
            };
            addStep(out, name);
        }
        return out;
    }

    private List<PhaseBar.Phase> graphPhases() {
        List<PhaseBar.Phase> out = new java.util.ArrayList<>();
        for (var s : graphVm.steps()) addStep(out, s.backward() ? "backward" : "forward");
        return out;
    }

    private static void addStep(List<PhaseBar.Phase> runs, String name) {
        int last = runs.size() - 1;
        if (last >= 0 && runs.get(last).name().equals(name)) runs.set(last, new PhaseBar.Phase(name, runs.get(last).steps() + 1));
        else runs.add(new PhaseBar.Phase(name, 1));
    }

    // ------------------------------------------------------------------ StudioView

    @Override public ViewInfo info() { return INFO; }

    /** What {@link BackpropSession#check} refuses at a glance: not dense, too big to step through, no dataset. */
    @Override
    public Optional<String> cannotShow(NetworkSpec spec) {
        try {
            BackpropSession.check(spec, null); // the shell names the file
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The data, the build and the first step are checked on the view-model's worker; the old network stays until they pass. */
    @Override
    public void open(NetworkSpec spec, String source, Consumer<Optional<String>> done) {
        vm.open(spec, source, outcome -> {
            if (outcome.isEmpty()) graphMode.set(false);
            done.accept(outcome);
        });
    }

    @Override public Node root() { return root; }

    @Override public Transport transport() { return transport; }

    @Override public ReadOnlyStringProperty stepText() { return stepText.getReadOnlyProperty(); }

    @Override public long seed() { return vm.seed(); }

    /** {@code step} training steps recorded after the first (the history shows training step {@code step}), at its first sub-step. */
    @Override
    public void prepareForExport(NetworkSpec spec, int step) {
        prepareForExport(spec, step, 0);
    }

    /** Then {@code substep} steps along that training step's timeline (0: the first a); past its end is refused. */
    @Override
    public void prepareForExport(NetworkSpec spec, int step, int substep) {
        graphMode.set(false);
        vm.loadNow(spec);
        if (step > 0) vm.trainNow(step);
        int size = vm.timeline() == null ? 0 : vm.timeline().size();
        if (substep >= size) {
            throw new IllegalArgumentException("--substep " + substep + " is past the end of the step (0 to " + (size - 1) + " for this network)");
        }
        vm.seek(substep);
        root.applyCss();
        root.layout();
    }

    /** One step of an animation is one sub-step of the timeline; past its end the next training step begins. */
    @Override
    public void advanceForExport(int steps) {
        vm.advanceNow(steps);
        root.applyCss();
        root.layout();
    }

    /**
     * Presenter mode: canvas text, boxes and strokes and the typeset formula grow by
     * {@link Styles#PRESENTER_SCALE} (CSS text already grows with the shell's root font); the
     * model/sample row and the history row are hidden so the diagram keeps its room at 1280×800.
     */
    /** The network file the run started from, the steps trained and where the timeline stands. */
    @Override
    public java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> saveState() {
        NetworkSpec spec = vm.loadedSpec();
        if (spec == null) return java.util.Optional.empty();
        var o = backprop.app.session.SessionFiles.object();
        try {
            o.set("network", new com.fasterxml.jackson.databind.ObjectMapper().readTree(backprop.engine.spec.SpecWriter.toJson(spec)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the writer's own JSON did not read back: " + e.getMessage(), e);
        }
        o.put("steps", vm.trainedSteps());
        o.put("shownStep", vm.shownStep());
        o.put("sample", vm.sampleProperty().get());
        o.put("index", vm.indexProperty().get());
        o.put("graph", graphMode.get());
        return java.util.Optional.of(o);
    }

    @Override
    public void restoreState(com.fasterxml.jackson.databind.JsonNode state, String file) throws backprop.app.session.SessionException {
        var r = new backprop.app.session.StateReader(file);
        com.fasterxml.jackson.databind.JsonNode net = state.get("network");
        if (net == null || !net.isObject()) throw r.fail("network", "expected the network file, as an object");
        NetworkSpec spec;
        try {
            spec = backprop.engine.spec.SpecReader.parse(net.toString(), file);
        } catch (backprop.engine.spec.SpecException e) {
            throw r.fail("network", e.getMessage());
        }
        java.util.Optional<String> why = cannotShow(spec);
        if (why.isPresent()) throw r.fail("network", why.get());
        long steps = r.whole(state, "steps", 1, backprop.engine.spec.Limits.EPOCHS);
        int shown = (int) r.whole(state, "shownStep", 0, steps - 1);
        int sample = (int) r.whole(state, "sample", 0, Integer.MAX_VALUE);
        int index = (int) r.whole(state, "index", 0, Integer.MAX_VALUE);
        boolean graph = state.has("graph") && r.flag(state, "graph");
        graphMode.set(graph);
        vm.restoreNow(spec, steps, shown, sample, index);
        root.applyCss();
        root.layout();
    }

    @Override
    public void onPresenterMode(boolean on) {
        double s = on ? Styles.PRESENTER_SCALE : 1;
        presenter.set(on);
        diagram.setScale(s);
        phases.setScale(s);
        formula.setScale(s);
        graphView.setScale(s);
    }

    @Override
    public void onHidden() {
        vm.playingProperty().set(false);
        graphVm.playingProperty().set(false);
    }

    @Override
    public void dispose() {
        player.stop();
        vm.dispose();
    }

    public BackpropViewModel viewModel() { return vm; }

    /** Switches between the network diagram and the computational graph (a lesson on the graph opens the view this way). */
    public void setGraphMode(boolean on) { graphMode.set(on); }

    /** In graph mode a lesson drives the graph by its ids; the network mode is driven through the view-model. */
    @Override
    public backprop.app.view.LessonTarget lessonTarget() { return graphMode.get() ? graphView : null; }

    public GraphViewModel graphViewModel() { return graphVm; }

    /** Font size of the node boxes as last drawn (presenter-mode tests). */
    double boxFontSize() { return diagram.boxFontSize(); }

    /** The network drawing (tests ask it for tooltips and where it drew things). */
    NetworkDiagram diagram() { return diagram; }

    /** The typeset formula of the network mode. */
    FormulaView formulaView() { return formula; }
}
