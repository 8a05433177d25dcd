package backprop.app.editor;

import backprop.app.draw.LossChart;
import backprop.app.editor.document.EditorDocument;
import backprop.app.editor.model.EditorNode;
import backprop.app.editor.model.FileOrder;
import backprop.app.editor.run.EditorRun;
import backprop.app.editor.run.RunChoice;
import backprop.app.editor.run.RunDatasets;
import backprop.app.editor.run.RunFrame;
import backprop.app.math.Num;
import backprop.app.theme.Styles;
import backprop.app.work.EngineWorker;
import backprop.app.work.ProblemText;
import backprop.engine.spec.Limits;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecWriter;
import backprop.engine.train.RunSettings;
import backprop.engine.train.TrainConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Train here": a data set from the engine's built-in ones that fit the network, an optimiser,
 * a rate and epochs, play/pause and a loss curve. Training runs on the panel's engine thread
 * ({@link EditorRun}, the engine's {@code FlowRun}), a chunk of steps per frame and one chunk out
 * at a time; each chunk's newest statistics go onto the canvas (a histogram in each node, each
 * edge coloured by its gradient norm).
 *
 * <p>Editing the network while it trains ends the run: its weights belong to a network that no
 * longer exists, and a user who changes a layer expects the next run to train the change. Moving
 * nodes, selecting and zooming change no layer, so the run goes on. The status line says which.
 */
final class RunPanel extends VBox {
    /** Steps per chunk at most, and the time a chunk may take on the engine thread. */
    static final int CHUNK_STEPS = 400;
    static final long CHUNK_NANOS = 12_000_000L;

    private final EditorDocument doc;
    private final EditorCanvas canvas;
    private final EngineWorker engine;
    private final ComboBox<String> dataset = new ComboBox<>();
    private final ComboBox<String> optimizer = new ComboBox<>(FXCollections.observableArrayList(TrainConfig.OPTIMIZERS));
    private final TextField rate = new TextField();
    private final TextField epochs = new TextField();
    private final Button play = new Button();
    private final Button reset = new Button("Reset");
    private final Label status = new Label();
    private final LossChart chart = new LossChart();
    private final AnimationTimer pulse;
    /** Engine thread only: the run. */
    private EditorRun run;
    /** FX thread: the network text the run trains (null: no run), its choice and newest frame. */
    private String runText;
    private RunChoice runChoice;
    private RunFrame frame;
    private boolean playing;
    private boolean inFlight;
    /** The network text the data sets were chosen for. */
    private String datasetsFor;

    RunPanel(EditorDocument doc, EditorCanvas canvas) {
        this(doc, canvas, Platform::runLater);
    }

    RunPanel(EditorDocument doc, EditorCanvas canvas, Executor ui) {
        this.doc = doc;
        this.canvas = canvas;
        this.engine = new EngineWorker("editor-run", ui);
        getStyleClass().add(Styles.ED_RUN);
        setId("editor-run");
        dataset.setId("run-dataset");
        dataset.setTooltip(new Tooltip("The engine's built-in data sets with as many inputs and targets as the network"));
        optimizer.setId("run-optimizer");
        rate.setId("run-rate");
        rate.setPrefColumnCount(6);
        epochs.setId("run-epochs");
        epochs.setPrefColumnCount(6);
        play.setId("run-play");
        play.setOnAction(e -> togglePlay());
        reset.setId("run-reset");
        reset.setTooltip(new Tooltip("Forget the run: fresh weights from the network's seed"));
        reset.setOnAction(e -> stop("Reset: the next run starts from the network's seed."));
        status.setId("run-status");
        status.getStyleClass().add(Styles.ED_RUN_STATUS);
        status.setWrapText(true);
        chart.setId("run-chart");
        GridPane form = new GridPane();
        form.getStyleClass().add(Styles.ED_RUN_FORM);
        // Two columns of two fields: the panel stays short enough to leave the canvas most of the
        // height, in presenter mode too.
        form.addRow(0, label("Data"), dataset, label("Optimiser"), optimizer);
        form.addRow(1, label("Rate η"), rate, label("Epochs"), epochs);
        HBox buttons = new HBox(play, reset);
        buttons.getStyleClass().add(Styles.ED_RUN_BUTTONS);
        VBox left = new VBox(form, buttons);
        left.getStyleClass().add(Styles.ED_RUN_LEFT);
        HBox.setHgrow(chart, Priority.ALWAYS);
        HBox row = new HBox(left, chart);
        row.getStyleClass().add(Styles.ED_RUN_ROW);
        VBox.setVgrow(row, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(row, status);
        showPlaying();
        pulse = new AnimationTimer() {
            @Override public void handle(long now) { tick(); }
        };
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.ED_FIELD_LABEL);
        return l;
    }

    // ------------------------------------------------------------------ showing

    /** The panel appears: its fields from the network's training settings, its data sets from the engine. */
    void shown() {
        pulse.start();
        settingsFromNetwork();
    }

    void hidden() {
        pause();
        pulse.stop();
    }

    /** Optimiser, rate and epochs as the network file gives them (or the engine's defaults). */
    void settingsFromNetwork() {
        NetworkSpec spec = specOrNull();
        TrainConfig t = RunSettings.resolve(spec, null, null, null).training();
        optimizer.setValue(t.optimizer());
        rate.setText(Num.full(t.learningRate()));
        epochs.setText(Integer.toString(t.epochs()));
        chooseDatasets(spec);
    }

    /** The built-in sets that fit, found on the engine thread (the digits may have to load). */
    private void chooseDatasets(NetworkSpec spec) {
        if (spec == null) {
            dataset.getItems().clear();
            datasetsFor = null;
            return;
        }
        String text = SpecWriter.toJson(spec);
        if (text.equals(datasetsFor)) return;
        datasetsFor = text;
        String keep = dataset.getValue();
        engine.send(() -> RunDatasets.fitting(spec), (names, failure) -> {
            if (failure != null) {
                say(ProblemText.line(null, failure));
                return;
            }
            dataset.getItems().setAll(names);
            dataset.setValue(names.contains(keep) ? keep : names.isEmpty() ? null : names.get(0));
            if (names.isEmpty()) say("Nothing to train on: " + RunDatasets.whyNone(spec) + ".");
        });
    }

    // ------------------------------------------------------------------ play

    void togglePlay() {
        if (playing) pause();
        else play();
    }

    /** Trains: goes on with the run, or starts one when there is none, the network or the choice changed, or the last one ended. */
    void play() {
        NetworkSpec spec;
        try {
            spec = doc.spec();
        } catch (SpecException e) {
            say("Cannot train yet: " + e.getMessage());
            return;
        }
        RunChoice choice = choice();
        if (choice == null) return;
        String text = SpecWriter.toJson(spec);
        if (runText == null || !text.equals(runText) || !choice.equals(runChoice) || frame != null && frame.finished()) start(spec, text, choice);
        playing = true;
        showPlaying();
    }

    void pause() {
        playing = false;
        showPlaying();
        if (frame != null && !frame.finished()) say(progress(frame) + " · paused");
    }

    boolean isPlaying() { return playing; }

    private void start(NetworkSpec spec, String text, RunChoice choice) {
        List<Integer> keys = new ArrayList<>();
        for (EditorNode n : FileOrder.of(doc.graph())) keys.add(n.key());
        engine.dropPending();
        runText = text;
        runChoice = choice;
        frame = null;
        inFlight = true;
        engine.send(() -> {
            run = new EditorRun(spec, keys, choice);
            return run.frame();
        }, this::apply);
    }

    /** One frame of play: the next chunk, unless one is still out. */
    private void tick() {
        if (!playing || inFlight || runText == null) return;
        inFlight = true;
        engine.send(() -> run.step(CHUNK_STEPS, CHUNK_NANOS), this::apply);
    }

    private void apply(RunFrame f, Throwable failure) {
        inFlight = false;
        if (failure != null) {
            playing = false;
            showPlaying();
            runText = null;
            say(ProblemText.line(null, failure));
            return;
        }
        frame = f;
        chart.show(f.losses());
        canvas.showRun(f.layers());
        if (f.stopped() != null) say("Stopped: " + f.stopped());
        else if (f.finished()) say("Done: " + progress(f) + ". Train runs it again from the seed.");
        else say(progress(f));
        if (f.finished()) {
            playing = false;
            showPlaying();
        }
    }

    private static String progress(RunFrame f) {
        return "epoch " + f.epoch() + " · step " + f.steps() + " of " + f.total() + (Float.isNaN(f.loss()) ? "" : " · loss " + Num.fmt(f.loss()));
    }

    // ------------------------------------------------------------------ the network changes

    /**
     * After every edit: when it changed the network a run is training, the run ends (moving or
     * selecting nodes changes no layer and leaves it running). The data sets follow the network.
     */
    void networkChanged() {
        boolean shown = isVisible() && getScene() != null;
        if (runText == null && !shown) return; // nothing to stop or to choose for: the edit costs no second read
        NetworkSpec spec = specOrNull();
        if (runText != null && (spec == null || !SpecWriter.toJson(spec).equals(runText))) {
            stop("Training stopped: the network changed, so its weights no longer fit. Train starts again on the edited network.");
        }
        if (shown) chooseDatasets(spec);
    }

    /** Ends the run: nothing still due from it is shown, and the canvas loses its pictures. */
    void stop(String why) {
        boolean had = runText != null;
        playing = false;
        showPlaying();
        engine.dropPending();
        inFlight = false;
        runText = null;
        runChoice = null;
        frame = null;
        chart.show(List.of());
        canvas.showRun(Map.of());
        if (had) say(why);
    }

    // ------------------------------------------------------------------ for export and tests

    /** Trains {@code steps} steps of a fresh run and waits (render --step N, tests). FX thread. */
    void trainNow(int steps) {
        settingsFromNetwork();
        NetworkSpec spec = specOrNull();
        if (spec == null) return;
        engine.runNow(() -> RunDatasets.fitting(spec), (names, failure) -> {
            if (failure == null && !names.isEmpty()) {
                dataset.getItems().setAll(names);
                dataset.setValue(names.get(0));
            }
        });
        play();
        playing = false;
        showPlaying();
        if (runText == null) return;
        engine.runNow(() -> run.step(steps, Long.MAX_VALUE), this::apply);
    }

    RunFrame frame() { return frame; }

    String status() { return status.getText(); }

    LossChart chart() { return chart; }

    boolean idle() { return engine.idle() && !inFlight; }

    void dispose() {
        pulse.stop();
        playing = false;
        engine.shutdown();
    }

    // ------------------------------------------------------------------ fields

    /** The panel's choice, or null with the field's problem said. */
    private RunChoice choice() {
        if (dataset.getValue() == null) {
            say(dataset.getItems().isEmpty() ? "No built-in data set fits this network yet." : "Choose a data set.");
            return null;
        }
        double eta;
        int n;
        try {
            eta = Double.parseDouble(rate.getText().trim());
        } catch (NumberFormatException e) {
            say("Rate η: '" + rate.getText() + "' is not a number.");
            return null;
        }
        if (!(eta > 0) || !Double.isFinite(eta)) {
            say("Rate η: must be a positive number, not " + rate.getText().trim() + ".");
            return null;
        }
        try {
            n = Integer.parseInt(epochs.getText().trim());
        } catch (NumberFormatException e) {
            say("Epochs: '" + epochs.getText() + "' is not a whole number.");
            return null;
        }
        if (n < 1 || n > Limits.EPOCHS) {
            say("Epochs: must be 1 to " + String.format("%,d", Limits.EPOCHS) + ", not " + n + ".");
            return null;
        }
        return new RunChoice(dataset.getValue(), optimizer.getValue(), eta, n);
    }

    private NetworkSpec specOrNull() {
        try {
            return doc.graph().isEmpty() ? null : doc.spec();
        } catch (SpecException e) {
            return null;
        }
    }

    private void showPlaying() {
        play.setText(playing ? "Pause" : "Train");
        FontIcon i = new FontIcon(playing ? EditorIcons.PAUSE : EditorIcons.PLAY);
        i.getStyleClass().add(Styles.ED_ICON);
        play.setGraphic(i);
        dataset.setDisable(playing);
        optimizer.setDisable(playing);
        rate.setDisable(playing);
        epochs.setDisable(playing);
    }

    private void say(String line) { status.setText(line); }
}
