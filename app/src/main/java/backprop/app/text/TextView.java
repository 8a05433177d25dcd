package backprop.app.text;

import backprop.app.draw.LossChart;
import backprop.app.math.Num;
import backprop.app.theme.Styles;
import backprop.app.view.StudioView;
import backprop.app.view.Transport;
import backprop.app.view.ViewInfo;
import backprop.engine.spec.NetworkSpec;
import java.util.List;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A character-level LSTM learning Pride and Prejudice, shown from the inside: its gates and
 * states as heat maps over a passage (a row per unit, a column per character), text sampled
 * from it at a chosen temperature, and its loss in nats per character as it trains. Training
 * plays, pauses and steps on the view-model's worker; this class only lays out and draws.
 */
public final class TextView implements StudioView {
    public static final ViewInfo INFO = new ViewInfo("text", "Text", "mdi2t-text");

    /** Passages of the corpus to look at the gates over (any text of its characters can be typed instead). */
    static final List<String> PASSAGES = List.of(
            "It is a truth universally acknowledged, that a single man",
            "\"But you forget, mamma,\" said Elizabeth, \"that we shall meet",
            "Mr. Bingley followed his advice. Mr. Darcy walked off; and");

    private final TextViewModel vm;
    private final BorderPane root = new BorderPane();
    private final GateHeatMap heatMap = new GateHeatMap();
    private final LossChart loss = new LossChart();
    private final Text prompt = new Text();
    private final Text sample = new Text();
    private final Label title = new Label();
    private final Label uniform = new Label();
    private final BooleanProperty presenter = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanProperty playing;
    private final AnimationTimer player = new AnimationTimer() {
        @Override public void handle(long now) { vm.tick(); }
    };
    private final Transport transport = new Transport() {
        @Override public void togglePlay() { vm.togglePlay(); }
        @Override public void stepForward() { vm.stepForward(); }
        @Override public void stepBack() { } // training cannot be undone; Home starts again
        @Override public void home() { vm.restart(); }
        @Override public void end() { vm.playingProperty().set(false); vm.train(100); }
        @Override public void faster() { vm.faster(); }
        @Override public void slower() { vm.slower(); }
        @Override public ReadOnlyBooleanProperty playingProperty() { return playing; }
        @Override public ReadOnlyStringProperty speedText() { return speedText.getReadOnlyProperty(); }
    };

    public TextView() {
        this(new TextViewModel(Platform::runLater));
    }

    TextView(TextViewModel vm) {
        this.vm = vm;
        playing = ReadOnlyBooleanProperty.readOnlyBooleanProperty(vm.playingProperty());
        speedText.bind(Bindings.createStringBinding(() -> vm.chunkProperty().get() + " updates/frame", vm.chunkProperty()));
        root.getStyleClass().add(Styles.TEXT_VIEW);
        root.getStylesheets().add(TextView.class.getResource("/backprop/app/text/text.css").toExternalForm());
        root.setPadding(new Insets(12, 16, 12, 16));
        root.setTop(controls());
        root.setCenter(body());
        vm.frameProperty().addListener((o, a, f) -> show(f));
        vm.gateProperty().addListener((o, a, g) -> show(vm.frame()));
        vm.playingProperty().addListener((o, a, b) -> {
            if (b) player.start();
            else player.stop();
        });
        vm.restart();
    }

    // ------------------------------------------------------------------ layout

    private Node controls() {
        Button restart = iconButton("tx-restart", "mdi2s-skip-previous", "Start again from the seed (Home)");
        Button play = iconButton("tx-play", "mdi2p-play", "Train continuously / pause (space)");
        play.getStyleClass().add(Styles.TX_PLAY);
        Button step = iconButton("tx-step", "mdi2s-step-forward", "One more update (→)");
        Button hundred = new Button("+100");
        hundred.setId("tx-train-100");
        hundred.setTooltip(new Tooltip("One hundred more updates (End)"));
        hundred.setMinWidth(Region.USE_PREF_SIZE);
        restart.setOnAction(e -> transport.home());
        play.setOnAction(e -> transport.togglePlay());
        step.setOnAction(e -> transport.stepForward());
        hundred.setOnAction(e -> transport.end());
        vm.playingProperty().addListener((o, a, b) -> ((FontIcon) play.getGraphic()).setIconLiteral(b ? "mdi2p-pause" : "mdi2p-play"));
        Label status = new Label();
        status.setId("tx-status");
        status.getStyleClass().add(Styles.TX_VALUE);
        status.textProperty().bind(vm.stepTextProperty());
        status.setMinWidth(Region.USE_PREF_SIZE);

        ComboBox<String> passage = new ComboBox<>();
        passage.setId("tx-passage");
        passage.setEditable(true);
        passage.getItems().addAll(PASSAGES);
        passage.setValue(vm.passageProperty().get());
        passage.setPrefWidth(400); // the whole passage is written above the heat map anyway
        passage.setTooltip(new Tooltip("The text the gates are shown over: pick one or type your own (up to "
                + TextSession.MAX_PASSAGE + " characters of the book's alphabet)"));
        passage.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.isEmpty()) vm.passageProperty().set(b);
        });
        vm.passageProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(passage.getValue())) passage.setValue(b);
        });

        ToggleGroup gates = new ToggleGroup();
        HBox gateButtons = new HBox();
        gateButtons.getStyleClass().add(Styles.TX_GATES);
        for (String key : TextSession.KEYS) {
            ToggleButton b = new ToggleButton(GateHeatMap.symbol(key));
            b.setId("tx-gate-" + key);
            b.setToggleGroup(gates);
            b.setUserData(key);
            b.setTooltip(new Tooltip(GateHeatMap.label(key)));
            b.setMinWidth(Region.USE_PREF_SIZE);
            if (key.equals(vm.gateProperty().get())) b.setSelected(true);
            gateButtons.getChildren().add(b);
        }
        gates.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) a.setSelected(true); // one gate is always shown
            else vm.gateProperty().set((String) b.getUserData());
        });
        vm.gateProperty().addListener((o, a, key) -> gates.getToggles().stream()
                .filter(t -> key.equals(t.getUserData())).findFirst().ifPresent(t -> t.setSelected(true)));

        FlowPane bar = new FlowPane(18, 8, group(restart, play, step, hundred, status),
                group(caption("Passage"), passage), group(caption("Show"), gateButtons));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.TX_BAR);
        BorderPane.setMargin(bar, new Insets(0, 0, 10, 0));
        return bar;
    }

    private Node body() {
        title.getStyleClass().add(Styles.TX_TITLE);
        title.setMinWidth(0); // a long passage shortens the title, never widens the view
        Label how = explanatory("Rows are the LSTM's " + TextSession.DEFAULT_UNITS + " units, columns the characters it reads, left to right, "
                + "from a zero state. Each colour is the value the engine computed at that character; hover a cell for the number.");
        VBox heat = card(new VBox(4, title, how, heatMap));
        VBox.setVgrow(heatMap, Priority.ALWAYS);
        VBox.setVgrow(heat, Priority.ALWAYS);

        Label lossTitle = cardTitle("Loss per character (nats)");
        Label lossHow = explanatory("Train: each batch of " + TextSession.BATCH + " windows of " + TextSession.STEPS
                + " characters. Test: " + TextSession.HELD_OUT + " fixed held-out windows, with the share of next characters "
                + "ranked first below.");
        uniform.getStyleClass().add(Styles.TX_CAPTION);
        uniform.setWrapText(true);
        uniform.setMinHeight(Region.USE_PREF_SIZE);
        uniform.visibleProperty().bind(presenter.not());
        uniform.managedProperty().bind(uniform.visibleProperty());
        VBox lossCard = card(new VBox(4, lossTitle, loss, lossHow, uniform));
        VBox.setVgrow(loss, Priority.ALWAYS);

        Slider temperature = new Slider(TextViewModel.MIN_TEMPERATURE, TextViewModel.MAX_TEMPERATURE, vm.temperatureProperty().get());
        temperature.setId("tx-temperature");
        temperature.setBlockIncrement(0.1);
        temperature.setPrefWidth(150);
        temperature.setTooltip(new Tooltip("Temperature τ: below 1 the likeliest characters win more often, above 1 the draw is flatter"));
        temperature.valueProperty().addListener((o, a, b) -> vm.temperatureProperty().set(Math.round(b.doubleValue() * 20) / 20.0));
        vm.temperatureProperty().addListener((o, a, b) -> temperature.setValue(b.doubleValue()));
        Label tau = new Label();
        tau.getStyleClass().add(Styles.TX_VALUE);
        tau.setMinWidth(Region.USE_PREF_SIZE);
        tau.textProperty().bind(Bindings.createStringBinding(() -> "τ = " + Num.fixed(vm.temperatureProperty().get(), 2), vm.temperatureProperty()));
        Spinner<Integer> seed = new Spinner<>(0, 9999, (int) vm.sampleSeedProperty().get());
        seed.setId("tx-seed");
        seed.setEditable(true);
        seed.setPrefWidth(90);
        seed.setTooltip(new Tooltip("Seed of the sample's random draws"));
        seed.valueProperty().addListener((o, a, b) -> {
            if (b != null) vm.sampleSeedProperty().set(b);
        });
        vm.sampleSeedProperty().addListener((o, a, b) -> seed.getValueFactory().setValue(b.intValue()));
        Button resample = new Button("Resample");
        resample.setId("tx-resample");
        resample.setMinWidth(Region.USE_PREF_SIZE);
        resample.setTooltip(new Tooltip("Draw again with the next seed"));
        resample.setOnAction(e -> vm.resample());
        FlowPane sampleControls = new FlowPane(10, 6, group(caption("Temperature"), temperature, tau), group(caption("Seed"), seed, resample));
        prompt.getStyleClass().add(Styles.TX_PROMPT);
        sample.getStyleClass().add(Styles.TX_SAMPLE);
        sample.setId("tx-sample");
        TextFlow text = new TextFlow(prompt, sample);
        text.getStyleClass().add(Styles.TX_SAMPLE_BOX);
        // Larger type (presenter mode) or a small window scrolls the sample instead of spilling out of its card.
        ScrollPane scroll = new ScrollPane(text);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(Styles.TX_SAMPLE_SCROLL);
        scroll.setMinHeight(0);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox sampleCard = card(new VBox(6, cardTitle("Sampled from the model"), sampleControls, scroll));

        HBox bottom = new HBox(12, lossCard, sampleCard);
        HBox.setHgrow(lossCard, Priority.ALWAYS);
        HBox.setHgrow(sampleCard, Priority.ALWAYS);
        lossCard.setPrefWidth(100);
        sampleCard.setPrefWidth(100);
        VBox.setVgrow(bottom, Priority.ALWAYS);

        Label error = new Label();
        error.setId("tx-error");
        error.getStyleClass().add(Styles.TX_ERROR);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        heat.setPrefHeight(140);
        heatMap.setId("tx-gates");
        loss.setId("tx-chart");
        bottom.setPrefHeight(100);
        return new VBox(12, error, heat, bottom);
    }

    private Label explanatory(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.TX_CAPTION);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.visibleProperty().bind(presenter.not());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static Label caption(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.TX_CAPTION);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label cardTitle(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.TX_TITLE);
        l.setMinWidth(0);
        return l;
    }

    private static HBox group(Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private static VBox card(VBox content) {
        content.getStyleClass().add(Styles.TX_CARD);
        return content;
    }

    private static Button iconButton(String id, String icon, String tip) {
        Button b = new Button();
        b.setId(id);
        b.setGraphic(new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.getStyleClass().add(Styles.TX_ICON_BUTTON);
        return b;
    }

    // ------------------------------------------------------------------ drawing a frame

    private void show(TextFrame f) {
        if (f == null) return;
        String key = vm.gateProperty().get();
        heatMap.show(f.gates(), key);
        // The passage itself is written above the columns; the title names what is coloured and when.
        title.setText(GateHeatMap.label(key) + " at each character of the passage, after " + f.step() + (f.step() == 1 ? " update" : " updates"));
        loss.show(f.history());
        uniform.setText("A uniform guess over the book's " + f.vocabulary() + " characters costs ln " + f.vocabulary() + " = "
                + Num.fixed(Math.log(f.vocabulary()), 2) + " nats.");
        prompt.setText(f.prompt());
        sample.setText(f.sample());
    }

    // ------------------------------------------------------------------ StudioView

    @Override public ViewInfo info() { return INFO; }

    @Override public Node root() { return root; }

    @Override public Transport transport() { return transport; }

    @Override public ReadOnlyStringProperty stepText() { return vm.stepTextProperty(); }

    @Override public long seed() { return vm.seed(); }

    @Override
    public Optional<String> cannotShow(NetworkSpec spec) {
        return Optional.of("The Text view trains its own character-level LSTM on the book; it does not open network files.");
    }

    /** Whether a lesson has started this view's model: its first control or training starts a fresh one, as its probe does. */
    private boolean lessonStarted;

    /** A lesson's controls and training (TextProbe's ids), synchronously. */
    @Override
    public backprop.app.view.LessonTarget lessonTarget() {
        return new backprop.app.view.LessonTarget() {
            @Override
            public void set(java.util.Map<String, String> c) {
                if (c.containsKey("temperature")) vm.temperatureProperty().set(Double.parseDouble(c.get("temperature")));
                if (c.containsKey("seed")) vm.sampleSeedProperty().set(Long.parseLong(c.get("seed")));
                if (c.containsKey("gate")) vm.gateProperty().set(c.get("gate"));
                if (!lessonStarted) {
                    lessonStarted = true;
                    vm.restartNow(0);
                } else {
                    vm.trainNow(0); // a frame with the new choices, before the step is shown
                }
            }

            @Override
            public void train(int steps) {
                if (!lessonStarted) {
                    lessonStarted = true;
                    vm.restartNow(steps);
                } else {
                    vm.trainNow(steps);
                }
            }

            @Override
            public void highlight(String id, boolean conceal) { }
        };
    }

    /** Starts again from the seed and trains {@code step} updates before drawing. */
    @Override
    public void prepareForExport(NetworkSpec spec, int step) {
        vm.restartNow(step);
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

    /** Updates trained (replayed from the seed), the passage, the gate shown, the temperature and the sample's seed. */
    @Override
    public java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> saveState() {
        TextFrame f = vm.frame();
        if (f == null) return java.util.Optional.empty();
        var o = backprop.app.session.SessionFiles.object();
        o.put("updates", f.step()).put("passage", vm.passageProperty().get()).put("gate", vm.gateProperty().get())
                .put("temperature", vm.temperatureProperty().get()).put("sampleSeed", vm.sampleSeedProperty().get());
        return java.util.Optional.of(o);
    }

    @Override
    public void restoreState(com.fasterxml.jackson.databind.JsonNode state, String file) throws backprop.app.session.SessionException {
        var r = new backprop.app.session.StateReader(file);
        int updates = (int) r.whole(state, "updates", 0, backprop.engine.spec.Limits.EPOCHS);
        String passage = r.text(state, "passage"), gate = r.text(state, "gate");
        if (passage.length() > 10_000) throw r.fail("passage", "longer than 10000 characters");
        if (!java.util.List.of("i", "f", "o", "c_tilde", "c", "h").contains(gate) && !gate.matches("[a-z_]{1,10}")) throw r.fail("gate", "unknown gate '" + gate + "'");
        double temperature = r.number(state, "temperature", 0.01, 100);
        long sampleSeed = r.whole(state, "sampleSeed", Long.MIN_VALUE, Long.MAX_VALUE);
        vm.passageProperty().set(passage);
        vm.gateProperty().set(gate);
        vm.temperatureProperty().set(temperature);
        vm.sampleSeedProperty().set(sampleSeed);
        vm.restartNow(updates);
        root.applyCss();
        root.layout();
    }

    @Override
    public void onPresenterMode(boolean on) {
        double s = on ? Styles.PRESENTER_SCALE : 1;
        presenter.set(on);
        heatMap.setScale(s);
        loss.setScale(s);
    }

    @Override public void onHidden() { vm.playingProperty().set(false); }

    @Override
    public void dispose() {
        player.stop();
        vm.dispose();
    }

    public TextViewModel viewModel() { return vm; }

    GateHeatMap heatMap() { return heatMap; }

    LossChart lossChart() { return loss; }

    String sampleText() { return sample.getText(); }
}
