package backprop.app.vanishing;

import backprop.app.draw.LogPlot;
import backprop.app.draw.Sci;
import backprop.app.math.Num;
import backprop.app.theme.Palette;
import backprop.app.theme.Styles;
import backprop.app.vanishing.VanishingFrame.CellCurves;
import backprop.app.vanishing.VanishingFrame.ClipRun;
import backprop.app.view.StudioView;
import backprop.app.view.Transport;
import backprop.app.view.ViewInfo;
import backprop.engine.layers.recurrent.CellType;
import backprop.engine.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * Vanishing and exploding gradients through time, from the engine's exact Jacobians: the RNN,
 * the LSTM and the GRU unrolled side by side with each step shaded by ‖∂h_t/∂x_1‖, the decay of
 * ‖∂h_t/∂h_1‖ on a log scale, and a short training run of the RNN with and without clipping by
 * global norm. Controls: T, the recurrent weight scale, the clipping threshold, the seed.
 * Drawing only; the numbers come from {@link VanishingSession} through {@link VanishingViewModel}.
 */
public final class VanishingView implements StudioView {
    public static final ViewInfo INFO = new ViewInfo("gradients", "Vanishing", "mdi2c-chart-bell-curve");

    static final double[] CLIPS = {0.1, 0.25, 0.5, 1, 2, 5};

    private final VanishingViewModel vm = new VanishingViewModel(Platform::runLater);
    private final BorderPane root = new BorderPane();
    private final UnrolledCanvas unrolled = new UnrolledCanvas();
    private final LogPlot statePlot = new LogPlot();
    private final LogPlot clipPlot = new LogPlot();
    private final Slider steps = new Slider(VanishingSetup.MIN_STEPS, VanishingSetup.MAX_STEPS, VanishingSetup.DEFAULT.steps());
    private final Slider scale = new Slider(VanishingSetup.MIN_SCALE, VanishingSetup.MAX_SCALE, VanishingSetup.DEFAULT.scale());
    private final Label lambda = new Label();
    private final Label clipNote = new Label();
    /** Presenter mode: the explanatory sentences go (the presenter says them), the drawings keep the room. */
    private final javafx.beans.property.BooleanProperty presenter = new javafx.beans.property.SimpleBooleanProperty(false);
    private boolean syncing;
    private final AnimationTimer player = new AnimationTimer() {
        private long last;

        @Override public void start() { last = 0; super.start(); }

        @Override
        public void handle(long now) {
            if (last != 0 && now - last < 1e9 / vm.speedProperty().get()) return;
            last = now;
            vm.tick();
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
        @Override public ReadOnlyBooleanProperty playingProperty() { return playing; }
        @Override public ReadOnlyStringProperty speedText() { return speedText.getReadOnlyProperty(); }
    };
    private final ReadOnlyBooleanProperty playing = ReadOnlyBooleanProperty.readOnlyBooleanProperty(vm.playingProperty());
    private final javafx.beans.property.ReadOnlyStringWrapper speedText = new javafx.beans.property.ReadOnlyStringWrapper();

    public VanishingView() {
        speedText.bind(Bindings.createStringBinding(() -> Num.shortFmt(vm.speedProperty().get()) + " T/s", vm.speedProperty()));
        root.getStyleClass().add(Styles.VANISHING_VIEW);
        root.getStyleClass().add(Styles.CHART_VIEW);
        root.getStylesheets().add(VanishingView.class.getResource("/backprop/app/theme/chart-views.css").toExternalForm());
        root.setPadding(new Insets(12, 16, 12, 16));
        root.setTop(controls());
        root.setCenter(body());
        vm.frameProperty().addListener((o, a, f) -> show(f));
        vm.setupProperty().addListener((o, a, s) -> syncControls(s));
        vm.playingProperty().addListener((o, a, b) -> {
            if (b) player.start();
            else player.stop();
        });
        vm.request();
    }

    // ------------------------------------------------------------------ layout

    private Node controls() {
        steps.setId("vn-steps");
        steps.setMajorTickUnit(1);
        steps.setMinorTickCount(0);
        steps.setSnapToTicks(true);
        steps.setBlockIncrement(1);
        steps.setPrefWidth(150);
        steps.setTooltip(new Tooltip("Sequence length T: how many steps the first input has to travel"));
        Label stepsValue = value();
        stepsValue.textProperty().bind(Bindings.createStringBinding(() -> "T = " + vm.setupProperty().get().steps(), vm.setupProperty()));
        steps.valueProperty().addListener((o, a, b) -> {
            if (!syncing) vm.setSteps((int) Math.round(b.doubleValue()));
        });

        scale.setId("vn-scale");
        scale.setBlockIncrement(0.25);
        scale.setPrefWidth(150);
        scale.setTooltip(new Tooltip("Every recurrent weight W of all three cells times this factor (1: the engine's initialisation)"));
        Label scaleValue = value();
        scaleValue.textProperty().bind(Bindings.createStringBinding(() -> "W × " + Num.fixed(vm.setupProperty().get().scale(), 2), vm.setupProperty()));
        scale.valueProperty().addListener((o, a, b) -> {
            if (!syncing) vm.setScale(Math.round(b.doubleValue() * 20) / 20.0);
        });
        lambda.setId("vn-lambda");
        lambda.getStyleClass().add(Styles.CV_NOTE);
        lambda.setMinWidth(Region.USE_PREF_SIZE);

        Button explode = new Button("Exploding: W × " + Num.shortFmt(VanishingSetup.EXPLODING_SCALE));
        explode.setId("vn-explode");
        explode.setTooltip(new Tooltip("Large recurrent weights: the RNN's largest singular value far above 1"));
        explode.setOnAction(e -> vm.setScale(VanishingSetup.EXPLODING_SCALE));
        Button reset = new Button("W × 1");
        reset.setId("vn-reset");
        reset.setTooltip(new Tooltip("Back to the engine's own initialisation"));
        reset.setOnAction(e -> vm.setScale(1));
        explode.setMinWidth(Region.USE_PREF_SIZE);
        reset.setMinWidth(Region.USE_PREF_SIZE);

        ComboBox<Double> clip = new ComboBox<>();
        clip.setId("vn-clip");
        for (double c : CLIPS) clip.getItems().add(c);
        clip.setValue(VanishingSetup.DEFAULT.clip());
        clip.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Double d) { return d == null ? "" : Num.shortFmt(d); }
            @Override public Double fromString(String s) { return Double.valueOf(s); }
        });
        clip.setTooltip(new Tooltip("Clipping threshold: the clipped run scales its whole gradient down to at most this length"));
        clip.valueProperty().addListener((o, a, b) -> {
            if (b != null && !syncing) vm.setClip(b);
        });

        Spinner<Integer> seed = new Spinner<>(0, 9999, (int) VanishingSetup.DEFAULT.seed());
        seed.setId("vn-seed");
        seed.setEditable(true);
        seed.setPrefWidth(90);
        seed.setTooltip(new Tooltip("Seed of the weights, the input bits and the training batch"));
        seed.valueProperty().addListener((o, a, b) -> {
            if (b != null && !syncing) vm.setSeed(b);
        });

        // Groups that wrap as a whole when the text grows (presenter mode), never a control cut in half.
        FlowPane bar = new FlowPane(18, 8, group(caption("Length"), steps, stepsValue),
                group(caption("Weights"), scale, scaleValue, explode, reset),
                group(caption("Clip at"), clip, caption("Seed"), seed));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.CV_BAR);
        BorderPane.setMargin(bar, new Insets(0, 0, 10, 0));
        return bar;
    }

    private Node body() {
        unrolled.setId("vn-unrolled");
        statePlot.setId("vn-state-plot");
        clipPlot.setId("vn-clip-plot");
        Label title = title("How much does hₜ still feel x₁?");
        Label text = caption("Each square is one step of the unrolled cell, shaded by the size of ∂hₜ/∂x₁, computed exactly by the engine "
                + "(forward mode through the same local derivatives backprop uses). Same seed, same input bits, "
                + VanishingSession.UNITS + " units each.");
        text.setWrapText(true);
        explanatory(text);
        HBox head = new HBox(14, title, lambda);
        head.setAlignment(Pos.BASELINE_LEFT);
        VBox top = card(new VBox(4, head, text, unrolled));
        VBox.setVgrow(unrolled, Priority.ALWAYS);
        VBox.setVgrow(top, Priority.ALWAYS);

        Label stateText = caption("The decks' bound: ‖∂hₜ/∂hₖ‖ ≤ (γλ₁)ᵗ⁻ᵏ, γ bounding tanh′. Below 1 the product of Jacobians "
                + "must shrink geometrically; above 1 it may grow instead.");
        stateText.setWrapText(true);
        explanatory(stateText);
        VBox left = card(new VBox(4, statePlot, stateText));
        VBox.setVgrow(statePlot, Priority.ALWAYS);
        clipNote.setId("vn-clip-note");
        clipNote.setWrapText(true);
        clipNote.getStyleClass().add(Styles.CV_CAPTION);
        clipNote.setMinHeight(Region.USE_PREF_SIZE);
        explanatory(clipNote);
        VBox right = card(new VBox(4, clipPlot, clipNote));
        VBox.setVgrow(clipPlot, Priority.ALWAYS);
        HBox plots = new HBox(12, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(100);
        right.setPrefWidth(100);
        VBox.setVgrow(plots, Priority.ALWAYS);

        Label error = new Label();
        error.setId("vn-error");
        error.getStyleClass().add(Styles.CV_ERROR);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox body = new VBox(12, error, top, plots);
        top.setPrefHeight(100);
        plots.setPrefHeight(100);
        return body;
    }

    private void explanatory(Label l) {
        l.visibleProperty().bind(presenter.not());
        l.managedProperty().bind(l.visibleProperty());
    }

    private static HBox group(Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private static VBox card(VBox content) {
        content.getStyleClass().add(Styles.CV_CARD);
        return content;
    }

    private static Label caption(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.CV_CAPTION);
        l.setMinWidth(s.length() < 20 ? Region.USE_PREF_SIZE : 0);
        l.setMinHeight(Region.USE_PREF_SIZE); // a wrapped sentence keeps all its lines; the drawings above give way
        return l;
    }

    private static Label title(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.CV_TITLE);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label value() {
        Label l = new Label();
        l.getStyleClass().add(Styles.CV_VALUE);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    // ------------------------------------------------------------------ drawing the frame

    private void syncControls(VanishingSetup s) {
        syncing = true;
        try {
            steps.setValue(s.steps());
            scale.setValue(s.scale());
        } finally {
            syncing = false;
        }
    }

    /** Series colours: blue and orange from the palette, the theme's accent for the GRU; dashes tell them apart without colour. */
    static Color colour(CellType c) {
        return switch (c) {
            case RNN -> Palette.CLASS_0;
            case LSTM -> Palette.CLASS_1;
            case GRU -> null;
        };
    }

    static double[] dashes(CellType c) {
        return switch (c) {
            case RNN -> new double[0];
            case LSTM -> new double[] {9, 4};
            case GRU -> new double[] {2, 3};
        };
    }

    static String name(CellType c) {
        return switch (c) {
            case RNN -> "RNN";
            case LSTM -> "LSTM";
            case GRU -> "GRU";
        };
    }

    private void show(VanishingFrame f) {
        if (f == null) return;
        List<UnrolledCanvas.Row> rows = new ArrayList<>();
        List<LogPlot.Series> state = new ArrayList<>();
        for (CellCurves c : f.cells()) {
            rows.add(new UnrolledCanvas.Row(name(c.cell()), c.toInput()));
            state.add(new LogPlot.Series(name(c.cell()), c.toState(), colour(c.cell()), dashes(c.cell()), false));
        }
        unrolled.show(rows);
        statePlot.show("‖∂hₜ/∂h₁‖ against t", "t", state, null);
        lambda.setText("RNN: largest singular value of W, λ₁ = " + Num.fixed(f.rnnLargestSingular(), 2)
                + (f.rnnLargestSingular() > 1.2 ? "  (large: gradients can explode)" : ""));
        ClipRun r = f.clip();
        String free = r.divergedAt() >= 0 ? "no clipping (diverged at step " + (r.divergedAt() + 1) + ")" : "no clipping";
        clipPlot.show("RNN training: global gradient norm ‖g‖ per step", "training step", List.of(
                new LogPlot.Series(free, r.unclipped(), Palette.CLASS_0, new double[0], true),
                new LogPlot.Series("clipped run, before clipping", r.clippedBefore(), Palette.CLASS_1, new double[] {6, 4}, false),
                new LogPlot.Series("after clipping (used)", r.clippedApplied(), Palette.CLASS_1, new double[0], true)),
                new LogPlot.Reference("threshold " + Num.shortFmt(r.threshold()), r.threshold()));
        int clipped = 0;
        float largest = 0;
        for (int i = 0; i < r.clippedBefore().length; i++) {
            if (r.clippedBefore()[i] > r.threshold()) clipped++;
            if (Float.isFinite(r.unclipped()[i])) largest = Math.max(largest, r.unclipped()[i]);
        }
        String effect = clipped == 0 ? "the threshold was never reached, so clipping changed nothing."
                : "clipping shortened " + clipped + " of " + r.clippedBefore().length + " steps without turning them.";
        clipNote.setText("Plain gradient descent, η = " + Num.shortFmt(r.learningRate()) + ", " + r.unclipped().length
                + " steps on remember-the-first-bit. Largest unclipped ‖g‖: " + Sci.format(largest) + "; " + effect);
    }

    // ------------------------------------------------------------------ StudioView

    @Override public ViewInfo info() { return INFO; }

    @Override public Node root() { return root; }

    @Override public Transport transport() { return transport; }

    @Override public ReadOnlyStringProperty stepText() { return vm.stepTextProperty(); }

    @Override public long seed() { return vm.setupProperty().get().seed(); }

    @Override
    public Optional<String> cannotShow(NetworkSpec spec) {
        return Optional.of("The Vanishing view builds its own three cells; open network files in the Playground or Backprop view.");
    }

    /** A lesson sets the set-up (VanishingProbe's controls); the view computes at once, as its probe does. */
    @Override
    public backprop.app.view.LessonTarget lessonTarget() {
        return new backprop.app.view.LessonTarget() {
            @Override
            public void set(java.util.Map<String, String> controls) {
                VanishingSetup s = VanishingProbe.setup(vm.setupProperty().get(), controls);
                syncing = true;
                vm.setupProperty().set(s);
                syncing = false;
                vm.computeNow();
                syncControls(s);
            }

            @Override
            public void train(int steps) { }

            @Override
            public void highlight(String id, boolean conceal) { } // its elements are marked by the player, by node id
        };
    }

    /** {@code step} > 0 sets T (2 … 100), so {@code render --view gradients --step 60} shows 60 steps. */
    @Override
    public void prepareForExport(NetworkSpec spec, int step) {
        if (step > 0) {
            syncing = true;
            vm.setupProperty().set(vm.setupProperty().get().withSteps(step));
            syncing = false;
        }
        vm.computeNow();
        syncControls(vm.setupProperty().get());
        root.applyCss();
        root.layout();
    }

    /** One step of an animation makes the sequence one step longer, as the sweep does. */
    @Override
    public void advanceForExport(int steps) {
        syncing = true;
        var s = vm.setupProperty().get();
        vm.setupProperty().set(s.withSteps(Math.min(VanishingSetup.MAX_STEPS, s.steps() + steps)));
        syncing = false;
        vm.computeNow();
        syncControls(vm.setupProperty().get());
        root.applyCss();
        root.layout();
    }

    /** The whole set-up: every number the view shows follows from it. */
    @Override
    public java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> saveState() {
        VanishingSetup s = vm.setupProperty().get();
        var o = backprop.app.session.SessionFiles.object();
        o.put("steps", s.steps()).put("scale", s.scale()).put("clip", s.clip()).put("seed", s.seed());
        return java.util.Optional.of(o);
    }

    @Override
    public void restoreState(com.fasterxml.jackson.databind.JsonNode state, String file) throws backprop.app.session.SessionException {
        var r = new backprop.app.session.StateReader(file);
        VanishingSetup s = new VanishingSetup((int) r.whole(state, "steps", VanishingSetup.MIN_STEPS, VanishingSetup.MAX_STEPS),
                r.number(state, "scale", VanishingSetup.MIN_SCALE, VanishingSetup.MAX_SCALE), r.number(state, "clip", 1e-6, 1e6),
                r.whole(state, "seed", 0, Long.MAX_VALUE));
        syncing = true;
        vm.setupProperty().set(s);
        syncing = false;
        vm.computeNow();
        syncControls(s);
        root.applyCss();
        root.layout();
    }

    @Override
    public void onPresenterMode(boolean on) {
        double s = on ? Styles.PRESENTER_SCALE : 1;
        presenter.set(on);
        unrolled.setScale(s);
        statePlot.setScale(s);
        clipPlot.setScale(s);
    }

    @Override public void onHidden() { vm.playingProperty().set(false); }

    @Override
    public void dispose() {
        player.stop();
        vm.dispose();
    }

    public VanishingViewModel viewModel() { return vm; }

    UnrolledCanvas unrolled() { return unrolled; }

    LogPlot statePlot() { return statePlot; }

    LogPlot clipPlot() { return clipPlot; }
}
