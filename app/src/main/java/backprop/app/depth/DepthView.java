package backprop.app.depth;

import backprop.app.draw.LogPlot;
import backprop.app.draw.Sci;
import backprop.app.theme.Palette;
import backprop.app.theme.CardFrame;
import backprop.app.theme.Styles;
import backprop.app.view.StudioView;
import backprop.app.view.Transport;
import backprop.app.view.ViewInfo;
import backprop.engine.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import backprop.app.session.SessionException;
import backprop.app.session.SessionFiles;
import backprop.app.session.StateReader;
import backprop.engine.models.DeepNetworks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * Depth: two to four deep networks trained side by side from the same seed on the same data, one
 * column each: the gradient norm of every layer on one shared log scale, each layer's activation
 * histogram at the start, middle and end of training, and the loss. Sigmoid with U(−1, 1) beside
 * ReLU with He beside batch norm shows on one screen why one learns and another does not.
 * Drawing only: every number is the engine's per-layer statistics ({@code flow} prints the same).
 */
public final class DepthView implements StudioView {
    public static final ViewInfo INFO = new ViewInfo("depth", "Depth", "mdi2l-layers-triple-outline");

    /** Height of the ratio and loss plots at normal text size. */
    private static final double PLOT_HEIGHT = 135;

    private final DepthViewModel vm = new DepthViewModel(Platform::runLater);
    private final BorderPane root = new BorderPane();
    private final HBox columnsBox = new HBox(10);
    private final List<ColumnView> columns = new ArrayList<>();
    private final List<CheckBox> choices = new ArrayList<>();
    private final Label error = new Label();
    private final Label hover = new Label(" ");
    private final ActivationGallery gallery = new ActivationGallery();
    private final javafx.scene.control.Slider sigma = new javafx.scene.control.Slider(0.25, 6, 1);
    private final javafx.scene.control.ToggleButton galleryToggle = new javafx.scene.control.ToggleButton("Activation gallery");
    private VBox compareBox;
    private VBox galleryBox;
    private boolean presenter;
    private boolean syncing;
    private Node controlsBox;
    private final javafx.scene.control.ChoiceBox<String> data = new javafx.scene.control.ChoiceBox<>();
    /** The one plot under each column's histograms: the loss, or the update-to-weight ratios (both do not fit at 1280×800). */
    private final javafx.scene.control.ChoiceBox<String> lowerPlot = new javafx.scene.control.ChoiceBox<>();
    private static final String LOSS = "loss R", RATIO = "‖Δw‖/‖w‖";
    private static final double[] NO_DASHES = {};
    private final AnimationTimer player = new AnimationTimer() {
        private long last;

        @Override public void start() { last = 0; super.start(); }

        @Override
        public void handle(long now) {
            if (last != 0 && now - last < 50_000_000L) return; // about 20 ticks a second
            last = now;
            vm.tick();
        }
    };
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanProperty playing = ReadOnlyBooleanProperty.readOnlyBooleanProperty(vm.playingProperty());
    private final Transport transport = new Transport() {
        @Override public void togglePlay() { vm.togglePlay(); }
        @Override public void stepForward() { vm.stepForward(); }
        @Override public void stepBack() { }
        @Override public void home() { vm.playingProperty().set(false); vm.restart(); }
        @Override public void end() { }
        @Override public void faster() { vm.faster(); }
        @Override public void slower() { vm.slower(); }
        @Override public ReadOnlyBooleanProperty playingProperty() { return playing; }
        @Override public ReadOnlyStringProperty speedText() { return speedText.getReadOnlyProperty(); }
    };

    public DepthView() {
        speedText.bind(Bindings.createStringBinding(() -> DepthViewModel.SPEEDS[vm.speedProperty().get()] + " steps/tick", vm.speedProperty()));
        root.getStyleClass().add(Styles.DEPTH_VIEW);
        root.getStyleClass().add(Styles.CHART_VIEW);
        root.getStylesheets().addAll(DepthView.class.getResource("/backprop/app/theme/chart-views.css").toExternalForm(),
                DepthView.class.getResource("/backprop/app/depth/depth.css").toExternalForm());
        root.setPadding(new Insets(12, 16, 12, 16));
        controlsBox = controls();
        root.setTop(controlsBox);
        columnsBox.setFillHeight(true);
        compareBox = new VBox(6, columnsBox, hover);
        VBox.setVgrow(columnsBox, Priority.ALWAYS);
        hover.setId("dp-hover");
        hover.getStyleClass().add(Styles.CV_CAPTION);
        root.setCenter(compareBox);
        galleryBox = galleryBox();
        galleryToggle.setId("dp-gallery");
        galleryToggle.setTooltip(new Tooltip("Each activation with its derivative, where it saturates, and how its outputs spread"));
        galleryToggle.selectedProperty().addListener((o, a, on) -> {
            root.setCenter(on ? galleryBox : compareBox);
            if (on) gallery.show(sigma.getValue());
        });
        vm.frameProperty().addListener((o, a, f) -> show(f));
        vm.playingProperty().addListener((o, a, b) -> {
            if (b) player.start();
            else player.stop();
        });
        error.textProperty().bind(vm.errorProperty());
        vm.restart();
    }

    private Node controls() {
        FlowPane bar = new FlowPane(14, 6);
        bar.getStyleClass().add(Styles.CV_BAR);
        Label compare = new Label("Compare");
        compare.getStyleClass().add(Styles.CV_CAPTION);
        bar.getChildren().add(compare);
        for (DepthPreset p : DepthPreset.values()) {
            CheckBox box = new CheckBox(p.label);
            box.setId("dp-preset-" + p.name().toLowerCase());
            box.setSelected(vm.shows(p));
            box.setTooltip(new Tooltip("Built-in network " + p.model + ": 10 hidden layers of 24 units, on the data chosen at Data"));
            box.selectedProperty().addListener((o, a, on) -> {
                if (syncing) return;
                if (!vm.togglePreset(p, on)) syncChoices(); // refused (more than four, or none): the box goes back
            });
            choices.add(box);
            bar.getChildren().add(box);
        }
        vm.configsProperty().addListener((o, a, b) -> syncChoices());
        Spinner<Integer> seed = new Spinner<>(0, 9999, (int) vm.seed());
        seed.setId("dp-seed");
        seed.setEditable(true);
        seed.setPrefWidth(90);
        seed.setTooltip(new Tooltip("Seed of the weights, the data and the batches: the same for every column"));
        seed.valueProperty().addListener((o, a, b) -> { if (b != null) vm.setSeed(b); });
        Button restart = new Button("Restart");
        restart.setId("dp-restart");
        restart.setOnAction(e -> transport.home());
        Label seedLabel = new Label("Seed");
        seedLabel.getStyleClass().add(Styles.CV_CAPTION);
        lowerPlot.getItems().addAll(LOSS, RATIO);
        lowerPlot.setValue(LOSS);
        lowerPlot.setId("dp-lower-plot");
        lowerPlot.setTooltip(new Tooltip("The plot under each column: the loss per step, or the update-to-weight ratio of the first, middle and last layer"));
        lowerPlot.valueProperty().addListener((o, a, b) -> { for (ColumnView c : columns) c.plots(); });
        data.getItems().addAll(DepthSession.DATASETS);
        data.setValue(vm.dataset());
        data.setId("dp-data");
        data.setTooltip(new Tooltip("What every column learns to classify, the same for all: 2-D points, or MNIST digits (28×28 images as 784 inputs, ten classes)"));
        data.valueProperty().addListener((o, a, b) -> { if (b != null && !b.equals(vm.dataset())) vm.setDataset(b); });
        HBox right = new HBox(8, caption("Data"), data, seedLabel, seed, restart, caption("Plot"), lowerPlot, galleryToggle);
        right.setAlignment(Pos.CENTER_LEFT);
        bar.getChildren().add(right);
        error.setId("dp-error");
        error.getStyleClass().add(Styles.CV_ERROR);
        VBox top = new VBox(4, bar, customRow(), error);
        BorderPane.setMargin(top, new Insets(0, 0, 8, 0));
        return top;
    }

    private VBox galleryBox() {
        sigma.setId("dp-sigma");
        sigma.setPrefWidth(220);
        sigma.setTooltip(new Tooltip("Spread σ of the inputs x ~ N(0, σ²) fed to every activation below"));
        Label value = new Label();
        value.getStyleClass().add(Styles.CV_NOTE);
        value.textProperty().bind(Bindings.createStringBinding(() -> String.format(java.util.Locale.ROOT, "σ = %.2f", sigma.getValue()), sigma.valueProperty()));
        sigma.valueProperty().addListener((o, a, b) -> gallery.show(b.doubleValue()));
        Label text = caption("Solid: g. Dashed: its derivative g′, the factor every δ passing through the unit is multiplied by. "
                + "Shaded: where g′ is under a tenth of its peak, so almost nothing flows back. Below: the outputs g(x) for 4,000 inputs "
                + "drawn from N(0, σ²); widen σ and sigmoid and tanh pile up against their bounds.");
        text.setWrapText(true);
        HBox head = new HBox(10, caption("Input spread"), sigma, value);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, head, text, gallery);
        box.getStyleClass().add(Styles.CV_CARD);
        VBox.setVgrow(gallery, Priority.ALWAYS);
        return box;
    }

    /** The preset boxes follow the columns (after a refusal, a removal or a custom column). */
    private void syncChoices() {
        syncing = true;
        for (int i = 0; i < choices.size(); i++) choices.get(i).setSelected(vm.shows(DepthPreset.values()[i]));
        syncing = false;
    }

    /**
     * A network of one's own: depth, width, activation, initialiser and its scale, batch norm and
     * residual paths, built by the engine ({@link DepthConfig#custom}) and added as a column.
     * Values outside the engine's limits cannot be chosen (the spinners stop there) or are
     * refused with the limit's reason.
     */
    private Node customRow() {
        Spinner<Integer> depth = new Spinner<>(1, backprop.engine.spec.Limits.DEPTH_HIDDEN_LAYERS, 10);
        depth.setId("dp-depth");
        depth.setEditable(true);
        depth.setPrefWidth(80);
        depth.setTooltip(new Tooltip("Hidden layers, 1 to " + backprop.engine.spec.Limits.DEPTH_HIDDEN_LAYERS));
        Spinner<Integer> width = new Spinner<>(2, backprop.engine.spec.Limits.DEPTH_WIDTH, 24);
        width.setId("dp-width");
        width.setEditable(true);
        width.setPrefWidth(80);
        width.setTooltip(new Tooltip("Units per hidden layer, 2 to " + backprop.engine.spec.Limits.DEPTH_WIDTH));
        javafx.scene.control.ComboBox<String> activation = new javafx.scene.control.ComboBox<>();
        activation.getItems().addAll(ActivationSamples.SHOWN);
        activation.setValue("tanh");
        activation.setId("dp-activation");
        javafx.scene.control.ComboBox<String> init = new javafx.scene.control.ComboBox<>();
        init.getItems().addAll(backprop.engine.nn.Initializer.NAMES);
        init.setValue("xavier");
        init.setId("dp-init");
        init.setTooltip(new Tooltip("How the weights are drawn; uniform and normal take the scale beside"));
        Spinner<Double> scale = new Spinner<>(0.01, 10, 1, 0.1);
        scale.setId("dp-init-scale");
        scale.setEditable(true);
        scale.setPrefWidth(80);
        scale.setTooltip(new Tooltip("uniform: weights from U(−a, a); normal: from N(0, σ²)"));
        scale.disableProperty().bind(Bindings.createBooleanBinding(() -> !List.of("uniform", "normal").contains(init.getValue()), init.valueProperty()));
        javafx.scene.control.ComboBox<String> optimizer = new javafx.scene.control.ComboBox<>();
        optimizer.getItems().addAll(backprop.engine.spec.SpecReader.OPTIMIZERS);
        optimizer.setValue(DepthConfig.Training.PRESETS.optimizer());
        optimizer.setId("dp-optimizer");
        optimizer.setTooltip(new Tooltip("How the weights are updated (the presets use plain SGD)"));
        Spinner<Double> rate = new Spinner<>(1e-5, 10, DepthConfig.Training.PRESETS.learningRate(), 0.01);
        rate.setId("dp-rate");
        rate.setEditable(true);
        rate.setPrefWidth(90);
        rate.setTooltip(new Tooltip("Learning rate η, 0.00001 to 10 (the presets use 0.1)"));
        Spinner<Double> clip = new Spinner<>(0, 100, 0, 0.5);
        clip.setId("dp-clip");
        clip.setEditable(true);
        clip.setPrefWidth(80);
        clip.setTooltip(new Tooltip("Clip the gradient to at most this global norm; 0: no clipping"));
        CheckBox bn = new CheckBox("batch norm");
        bn.setId("dp-bn");
        CheckBox residual = new CheckBox("residual");
        residual.setId("dp-residual");
        Button add = new Button("Add column");
        add.setId("dp-add");
        add.setTooltip(new Tooltip("Train this network beside the others, from the same seed and data"));
        add.setOnAction(e -> {
            boolean scaled = List.of("uniform", "normal").contains(init.getValue());
            var config = new backprop.engine.models.DeepNetworks.Config(depth.getValue(), width.getValue(), activation.getValue(),
                    new NetworkSpec.InitSpec(init.getValue(), scaled ? scale.getValue() : 0), bn.isSelected(), residual.isSelected());
            try {
                vm.add(DepthConfig.custom(config, new DepthConfig.Training(optimizer.getValue(), rate.getValue(), clip.getValue())));
            } catch (IllegalArgumentException refused) {
                vm.refuse(refused.getMessage());
            }
        });
        Label own = new Label("Your own");
        own.getStyleClass().add(Styles.CV_CAPTION);
        for (javafx.scene.control.ComboBox<String> c : List.of(activation, init, optimizer)) c.setPrefWidth(105);
        // Groups wrap as a whole: a label never ends a line apart from its field.
        FlowPane row = new FlowPane(10, 6, group(own, depth, caption("layers ×"), width, caption("units")), group(activation, init, scale),
                group(bn, residual), group(optimizer, caption("η"), rate, caption("clip"), clip), add);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add(Styles.CV_BAR);
        return row;
    }

    private void show(DepthFrame f) {
        if (f == null) return;
        while (columns.size() < f.columns().size()) columns.add(new ColumnView());
        while (columns.size() > f.columns().size()) columns.remove(columns.size() - 1);
        List<Node> nodes = new ArrayList<>();
        double[] range = f.gradientRange();
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).index = i;
            columns.get(i).show(f.columns().get(i), range);
            nodes.add(columns.get(i).frame);
        }
        if (!columnsBox.getChildren().equals(nodes)) columnsBox.getChildren().setAll(nodes);
    }

    /** One configuration's card. */
    private final class ColumnView {
        final VBox root = new VBox(4);
        /** The card's outline, a fill rather than a border (see CardFrame). */
        final StackPane frame = CardFrame.around(root);
        final Label title = new Label();
        final Button close = new Button("✕");
        int index;
        /** first ÷ last: a new figure every step, shown without a layout pass. */
        final SteadyLabel ratioLine = new SteadyLabel();
        final Label ratio = ratioLine.label();
        final Label flags = new Label();
        final GradientBars bars = new GradientBars();
        final HistogramTriptych histograms = new HistogramTriptych();
        final LogPlot loss = new LogPlot();
        final LogPlot ratios = new LogPlot();
        final Tooltip ratiosTip = new Tooltip();
        final Tooltip ratioTip = new Tooltip();
        /** The column last shown (the ratio's tooltip names its step when it opens). */
        DepthFrame.Column shown;

        ColumnView() {
            root.getStyleClass().add(Styles.CV_CARD);
            title.getStyleClass().add(Styles.CV_TITLE);
            ratio.getStyleClass().add(Styles.CV_NOTE);
            flags.getStyleClass().add(Styles.CV_ERROR);
            flags.setWrapText(true);
            flags.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            flags.setManaged(false);
            flags.setVisible(false);
            // Captions and the title wrap rather than end in "…" when the text is large (presenter mode).
            Label gradCaption = caption("‖∂R/∂w‖ per layer, output on top");
            Label histCaption = caption("activations z: start · middle · now");
            for (Label l : List.of(gradCaption, histCaption, title)) {
                l.setWrapText(true);
                l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
            histCaption.setTooltip(new Tooltip("Each layer's outputs in the engine's fixed bins from −2 to 2, at the first step, half-way and now"));
            // Histories that grow while shown: only the new segments are drawn each step.
            loss.setGrowing(true);
            ratios.setGrowing(true);
            loss.setPrefHeight(PLOT_HEIGHT);
            loss.setMinHeight(PLOT_HEIGHT);
            bars.setOnMouseMoved(e -> hover.setText(bars.hoverText()));
            bars.setOnMouseExited(e -> hover.setText(" "));
            Tooltip.install(ratios, ratiosTip);
            ratio.setTooltip(ratioTip);
            ratioTip.setOnShowing(e -> ratioTip.setText("‖∂R/∂w‖ of the first layer divided by the last layer's, in step "
                    + (shown == null ? 0 : shown.steps()) + ": how much of the gradient reaches the input end"));
            ratios.setPrefHeight(PLOT_HEIGHT);
            ratios.setMinHeight(PLOT_HEIGHT);
            bars.setMinHeight(120);
            histograms.setMinHeight(110);
            close.getStyleClass().add(Styles.DP_CLOSE);
            close.setTooltip(new Tooltip("Stop comparing this one"));
            close.setOnAction(e -> vm.remove(index));
            javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            title.setMinWidth(0);
            // Narrow columns (four beside a lesson) wrap the name rather than cut "· batch norm" and "· residual" alike.
            title.setWrapText(true);
            title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            HBox.setHgrow(title, Priority.ALWAYS);
            HBox head = new HBox(6, title, gap, close);
            head.setAlignment(Pos.CENTER_LEFT);
            root.getChildren().addAll(head, ratioLine, gradCaption, bars, histCaption, histograms, ratios, loss, flags);
            VBox.setVgrow(ratios, Priority.SOMETIMES);
            VBox.setVgrow(bars, Priority.ALWAYS);
            VBox.setVgrow(histograms, Priority.ALWAYS);
            VBox.setVgrow(loss, Priority.SOMETIMES);
            HBox.setHgrow(frame, Priority.ALWAYS);
            root.setMinWidth(0);
            root.setPrefWidth(300);
            if (presenter) scale(true);
            plots();
        }

        /** One of the two plots, as the choice above says. */
        void plots() {
            boolean ratio = RATIO.equals(lowerPlot.getValue());
            ratios.setVisible(ratio);
            ratios.setManaged(ratio);
            loss.setVisible(!ratio);
            loss.setManaged(!ratio);
        }

        void show(DepthFrame.Column c, double[] range) {
            title.setText(c.config().label());
            double r = c.firstOverLast();
            shown = c;
            ratioLine.setText(Double.isNaN(r) ? "not trained yet" : "first ÷ last: " + Sci.format(r));
            List<String> trouble = c.troubled();
            String flagText = c.stopped() != null ? c.stopped() : trouble.isEmpty() ? "" : String.join(" · ", trouble);
            flags.setText(flagText);
            // An empty label still takes a line: it gives the room back to the drawings when there is nothing to flag.
            boolean any = !flagText.isEmpty();
            if (flags.isManaged() != any) {
                flags.setManaged(any);
                flags.setVisible(any);
            }
            bars.show(c, range);
            histograms.show(c);
            // On a log scale a loss stuck at 0.69 and one falling to 0.0007 share one picture.
            loss.show("loss R, per step", "step",
                    List.of(new LogPlot.Series("R", c.losses().data(), c.losses().length(), Palette.CLASS_1, NO_DASHES, false)), null);
            List<LogPlot.Series> lines = new ArrayList<>();
            Color[] colours = {Palette.NEGATIVE, Palette.POSITIVE_LIGHT, Palette.POSITIVE};
            String[] where = {"first", "middle", "last"};
            for (int j = 0; j < c.ratioIds().size(); j++) {
                // Short legend names keep the legend on one row in a quarter of the window (which layers: the tooltip).
                FloatTrail.View v = c.ratios()[j];
                lines.add(new LogPlot.Series(where[j % 3], v.data(), v.length(), colours[j % colours.length], NO_DASHES, false));
            }
            // The same tooltip throughout; only its text follows the layers (a new Tooltip each frame costs a CSS pass).
            String tip = "‖Δw‖/‖w‖ of " + String.join(", ", c.ratioIds()) + " each step; the dashed line is 1e−3, about where a healthy update sits";
            if (!tip.equals(ratiosTip.getText())) ratiosTip.setText(tip);
            ratios.show("‖Δw‖/‖w‖ per step", "step", lines, new LogPlot.Reference("1e−3", 1e-3));
        }

        void scale(boolean on) {
            double s = on ? Styles.PRESENTER_SCALE : 1;

            bars.setScale(s);
            histograms.setScale(s);
            loss.setScale(s);
            ratios.setScale(s);
            // A plot needs room for its title, legend and axis labels, which grow with the text; not
            // all the way, so that the bars and histograms above keep rows tall enough to name.
            for (LogPlot p : List.of(loss, ratios)) {
                p.setMinHeight(PLOT_HEIGHT * Math.min(s, 1.35));
                p.setPrefHeight(PLOT_HEIGHT * Math.min(s, 1.35));
            }
        }
    }

    private static HBox group(Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.CV_CAPTION);
        return l;
    }

    // ------------------------------------------------------------------ StudioView

    @Override public ViewInfo info() { return INFO; }

    @Override public Node root() { return root; }

    @Override public Transport transport() { return transport; }

    @Override public ReadOnlyStringProperty stepText() { return vm.stepTextProperty(); }

    @Override public long seed() { return vm.seed(); }

    /** The columns, seed and data a lesson chose (null: no lesson has driven this view yet, so the first starts from the defaults, as its probe does). */
    private DepthProbe.Choice lessonChoice;

    private final backprop.app.view.LessonTarget lesson = new backprop.app.view.LessonTarget() {
        @Override
        public void set(java.util.Map<String, String> c) {
            lessonChoice = (lessonChoice == null ? DepthProbe.Choice.DEFAULT : lessonChoice).with(c);
            vm.lessonStart(lessonChoice.configs(), lessonChoice.seed(), lessonChoice.data());
        }

        @Override
        public void train(int steps) {
            if (lessonChoice == null) set(java.util.Map.of());
            vm.stepNow(steps);
        }

        @Override
        public void highlight(String id, boolean conceal) { } // its elements are marked by the player, by node id
    };

    @Override
    public backprop.app.view.LessonTarget lessonTarget() { return lesson; }

    @Override
    public void prepareForExport(NetworkSpec spec, int step) {
        if (spec != null) throw new IllegalArgumentException("The Depth view compares its built-in deep networks; it does not open network files yet.");
        vm.restartNow(step);
        root.applyCss();
        root.layout();
    }

    /** One step of an animation is one training step in every column. */
    @Override
    public void advanceForExport(int steps) {
        vm.stepNow(steps);
        root.applyCss();
        root.layout();
    }

    /** Seed, steps, the plot shown and each column's configuration; reopening trains the same steps again from the seed. */
    @Override
    public Optional<ObjectNode> saveState() {
        ObjectNode o = SessionFiles.object();
        o.put("seed", vm.seed());
        o.put("dataset", vm.dataset());
        o.put("steps", vm.steps());
        o.put("plot", RATIO.equals(lowerPlot.getValue()) ? "updateRatio" : "loss");
        o.put("gallery", galleryToggle.isSelected());
        o.put("sigma", sigma.getValue());
        ArrayNode cols = o.putArray("columns");
        for (DepthConfig c : vm.configsProperty().get()) {
            ObjectNode col = cols.addObject();
            if (c.preset() != null) {
                col.put("preset", c.preset().model);
                continue;
            }
            DeepNetworks.Config k = c.custom();
            col.put("hidden", k.hidden()).put("width", k.width()).put("activation", k.activation())
                    .put("init", k.initializer().type()).put("scale", k.initializer().scale())
                    .put("batchNorm", k.batchNorm()).put("residual", k.residual());
            DepthConfig.Training t = c.training();
            col.put("optimizer", t.optimizer()).put("learningRate", t.learningRate()).put("clipNorm", t.clipNorm());
        }
        return Optional.of(o);
    }

    @Override
    public void restoreState(JsonNode state, String file) throws SessionException {
        StateReader r = new StateReader(file);
        long seed = r.whole(state, "seed", 0, Long.MAX_VALUE);
        int steps = (int) r.whole(state, "steps", 0, backprop.engine.spec.Limits.EPOCHS);
        JsonNode cols = state.get("columns");
        if (cols == null || !cols.isArray() || cols.size() < DepthSession.MIN_COLUMNS || cols.size() > DepthSession.MAX_COLUMNS) {
            throw r.fail("columns", "expected a list of " + DepthSession.MIN_COLUMNS + " to " + DepthSession.MAX_COLUMNS + " configurations");
        }
        List<DepthConfig> configs = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) configs.add(column(cols.get(i), r, "columns[" + i + "]"));
        String plot = state.has("plot") ? r.text(state, "plot") : "loss";
        boolean showGallery = state.has("gallery") && r.flag(state, "gallery");
        double s = state.has("sigma") ? r.number(state, "sigma", sigma.getMin(), sigma.getMax()) : 1;
        String dataset = state.has("dataset") ? r.text(state, "dataset") : "circle";
        if (!DepthSession.DATASETS.contains(dataset)) throw r.fail("dataset", "expected one of " + String.join(", ", DepthSession.DATASETS));
        vm.restoreNow(configs, seed, dataset, steps);
        data.setValue(dataset);
        lowerPlot.setValue("updateRatio".equals(plot) ? RATIO : LOSS);
        sigma.setValue(s);
        galleryToggle.setSelected(showGallery);
        syncChoices();
        root.applyCss();
        root.layout();
    }

    private static DepthConfig column(JsonNode c, StateReader r, String at) throws SessionException {
        if (c == null || !c.isObject()) throw r.fail(at, "expected an object");
        if (c.has("preset")) {
            String name = c.get("preset").asText();
            for (DepthPreset p : DepthPreset.values()) if (p.model.equals(name)) return DepthConfig.of(p);
            throw r.fail(at + ".preset", "unknown preset '" + name + "'");
        }
        try {
            var k = new DeepNetworks.Config((int) r.whole(c, "hidden", 1, backprop.engine.spec.Limits.DEPTH_HIDDEN_LAYERS),
                    (int) r.whole(c, "width", 1, backprop.engine.spec.Limits.DEPTH_WIDTH), r.text(c, "activation"),
                    new NetworkSpec.InitSpec(r.text(c, "init"), r.number(c, "scale", 0, 1e6)), r.flag(c, "batchNorm"), r.flag(c, "residual"));
            DepthConfig.Training t = !c.has("optimizer") ? DepthConfig.Training.PRESETS
                    : new DepthConfig.Training(r.text(c, "optimizer"), r.number(c, "learningRate", 0, 1e6), r.number(c, "clipNorm", 0, 1e6));
            return DepthConfig.custom(k, t);
        } catch (SessionException e) {
            throw r.fail(at, e.problem());
        } catch (IllegalArgumentException e) {
            throw r.fail(at, e.getMessage());
        }
    }

    @Override
    public void onPresenterMode(boolean on) {
        presenter = on;
        // Presenter mode keeps the room for what is taught; the set-up controls go, as in the other views.
        controlsBox.setVisible(!on);
        controlsBox.setManaged(!on);
        for (ColumnView c : columns) c.scale(on);
        gallery.setScale(on ? Styles.PRESENTER_SCALE : 1);
    }

    @Override public void onHidden() { vm.playingProperty().set(false); }

    @Override
    public void dispose() {
        player.stop();
        vm.dispose();
    }

    /** For the frame benchmark: takes in a frame made off the FX thread, as a training frame arrives. */
    void showForBenchmark(DepthFrame f) { vm.show(f); }

    /** For tests: the state behind the view. */
    DepthViewModel viewModel() { return vm; }

    /** For tests: the bars of column {@code i}. */
    GradientBars bars(int i) { return columns.get(i).bars; }

    HistogramTriptych histograms(int i) { return columns.get(i).histograms; }

    ActivationGallery gallery() { return gallery; }

    javafx.scene.control.ToggleButton galleryToggle() { return galleryToggle; }

    javafx.scene.control.Slider sigma() { return sigma; }
}
