package backprop.app.playground;

import backprop.app.playground.PlaygroundSetup.Hidden;
import backprop.app.playground.PlaygroundSetup.Kind;
import backprop.app.work.EngineWorker;
import backprop.engine.data.table.Table;
import backprop.engine.data.table.TableSource;
import backprop.engine.spec.NetworkSpec;
import backprop.app.work.ProblemText;
import backprop.app.work.Workers;
import backprop.engine.train.TrainingDivergedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * State of the MLP playground in javafx.beans only (testable without a scene): the setup the
 * controls edit, the latest frame the canvases draw, playback and speed, and a message line.
 * All engine work runs in order on the view-model's own engine thread (from {@link Workers});
 * frames come back through {@code ui} (the FX thread in the app).
 *
 * <p>Playing is driven by the view's pulse calling {@link #tick(long)}: it sends one chunk of
 * training when the previous chunk's frame has arrived and the speed's interval has passed, so
 * the engine never runs ahead of what the screen can show and edits interleave with training.
 */
public final class PlaygroundViewModel {
    /** Network speeds: epochs per frame. */
    static final int[] EPOCHS_PER_FRAME = {1, 2, 5, 10, 25, 50};
    /** Perceptron speeds: milliseconds per visited sample, so each rule update can be followed. */
    static final int[] PERCEPTRON_MILLIS = {1000, 600, 300, 150, 60, 20};
    static final int DEFAULT_SPEED = 2;
    /** Purpose name of the engine thread (thread names start with {@code Workers.THREAD_PREFIX}). */
    static final String ENGINE_THREAD = "playground";

    private final EngineWorker engine;
    private volatile PlaygroundSession session = new PlaygroundSession(); // engine thread only (swapped there by a restore)

    private final ReadOnlyObjectWrapper<PlaygroundSetup> setup = new ReadOnlyObjectWrapper<>(this, "setup");
    private final ReadOnlyObjectWrapper<PlaygroundFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyObjectWrapper<Preset> preset = new ReadOnlyObjectWrapper<>(this, "preset", Preset.PLAYGROUND);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(this, "stepText", "");
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper(this, "speedText", "");
    private int speed = DEFAULT_SPEED;
    private long lastTick;

    public PlaygroundViewModel(Executor ui) {
        this(ui, Workers.newExecutor(ENGINE_THREAD));
    }

    PlaygroundViewModel(Executor ui, ExecutorService engine) {
        this.engine = new EngineWorker(engine, ui);
        playing.addListener((o, a, b) -> {
            if (b && !canPlay()) playing.set(false);
            lastTick = 0;
        });
        updateSpeedText();
        choose(Preset.PLAYGROUND);
    }

    // ------------------------------------------------------------------ state

    public ReadOnlyObjectProperty<PlaygroundSetup> setupProperty() { return setup.getReadOnlyProperty(); }

    public PlaygroundSetup setup() { return setup.get(); }

    public ReadOnlyObjectProperty<PlaygroundFrame> frameProperty() { return frame.getReadOnlyProperty(); }

    public PlaygroundFrame frame() { return frame.get(); }

    public ReadOnlyObjectProperty<Preset> presetProperty() { return preset.getReadOnlyProperty(); }

    public BooleanProperty playingProperty() { return playing; }

    /** Errors and hints for the user, one line ("" when there is nothing to say). */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public ReadOnlyStringProperty stepTextProperty() { return stepText.getReadOnlyProperty(); }

    public ReadOnlyStringProperty speedTextProperty() { return speedText.getReadOnlyProperty(); }

    /** True when every command sent so far has come back as a frame. */
    public boolean idle() { return engine.idle(); }

    // ------------------------------------------------------------------ setup

    /** Loads a preset: its settings replace the current ones and training starts over. */
    public void choose(Preset p) {
        playing.set(false);
        preset.set(p);
        PlaygroundSetup s = p.setup();
        setup.set(s);
        message.set(p.description());
        send(x -> { x.apply(s); x.reset(); });
    }

    /** Shows a whole setup (from a network file): training starts over. */
    public void load(PlaygroundSetup s) {
        PlaygroundSession.check(s);
        playing.set(false);
        preset.set(null);
        setup.set(s);
        message.set(s.handBuilt() != null && s.handBuilt().description() != null ? s.handBuilt().description() : "");
        send(x -> { x.apply(s); x.reset(); });
    }

    /**
     * Reads a CSV or TSV file on the engine thread and, if the playground can draw it, makes it the
     * data (training starts over). {@code label} null takes the last column. A file the engine
     * refuses, or one the playground cannot draw, leaves the data as it was; the message line
     * gives the one-line reason (file, line and column for a bad cell).
     */
    public void importData(java.nio.file.Path file, String label, boolean standardize) {
        NetworkSpec.DatasetSpec spec = new NetworkSpec.DatasetSpec(null, null, null, null, null, null, null, null,
                file.toAbsolutePath().toString(), null, label, null, standardize ? NetworkSpec.Standardize.ALL : null, null);
        importData(spec, String.valueOf(file.getFileName()));
    }

    /** Reads {@code spec}'s table (a file, a shipped table, an embedded one) on the engine thread; see {@link #importData(java.nio.file.Path, String, boolean)}. */
    private void importData(NetworkSpec.DatasetSpec spec, String name) {
        engine.<Table>send(() -> TableSource.load(spec, null, name, 0, 1), (table, failure) -> {
            if (failure != null) {
                message.set(failure.getMessage() == null ? name + ": " + failure : failure.getMessage());
                return;
            }
            PlaygroundSetup before = setup.get();
            update(s -> s.withImported(new PlaygroundSetup.Imported(spec, table)));
            if (setup.get() != before) {
                List<String> f = table.featureNames();
                message.set(name + ": " + table.rows() + " rows, label " + table.labelName() + " ("
                        + (table.isRegression() ? "a number" : table.classCount() + " classes") + "); "
                        + (f.size() == 2 ? "x1 = " + f.get(0) + ", x2 = " + f.get(1)
                        : f.size() == 1 ? "x = " + f.get(0) + ", drawn as a curve"
                        : f.size() + " feature columns, the map a slice through two of them"));
            }
        });
    }

    /** The imported file again with another label column or standardisation. */
    public void reimport(String label, boolean standardize) {
        PlaygroundSetup.Imported i = setup.get().imported();
        if (i == null) return;
        NetworkSpec.DatasetSpec d = i.spec();
        importData(new NetworkSpec.DatasetSpec(d.name(), null, null, null, null, null, null, null, d.file(), d.table(), label, null,
                standardize ? NetworkSpec.Standardize.ALL : null, null), i.name());
    }

    /**
     * Changes the settings (one control's value). Data, features or network shape start training
     * over; optimiser settings carry the trained weights on. Impossible settings are refused with a
     * message and the previous ones stay (the setup property does not change).
     */
    public void update(UnaryOperator<PlaygroundSetup> change) {
        PlaygroundSetup next = change.apply(setup.get());
        if (next.equals(setup.get())) return;
        try {
            PlaygroundSession.check(next);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        // Editing the network takes it off the hand-built preset's fixed weights.
        if (next.handBuilt() != null && !next.hidden().equals(setup.get().hidden())) next = next.withHandBuilt(null);
        setup.set(next);
        message.set("");
        PlaygroundSetup s = next;
        send(x -> x.apply(s));
    }

    /** Appends a hidden layer before the output; on a graph network the wiring stays as it was. */
    public void addLayer() {
        List<Hidden> h = setup.get().hidden();
        if (h.size() >= PlaygroundSetup.MAX_LAYERS) { message.set("at most " + PlaygroundSetup.MAX_LAYERS + " hidden layers"); return; }
        update(s -> s.withHidden(HiddenWiring.withLayerAdded(h)));
    }

    /** Removes the last hidden layer: only the output reads it, so no wiring breaks. */
    public void removeLayer() {
        List<Hidden> h = new ArrayList<>(setup.get().hidden());
        if (h.isEmpty()) return;
        h.remove(h.size() - 1);
        update(s -> s.withHidden(h));
    }

    /**
     * Adds ({@code delta} = +1) or removes (−1) a unit of hidden layer {@code layer}; refused with
     * a one-line reason when the wiring cannot keep it (an add needs equal sizes).
     */
    public void changeUnits(int layer, int delta) {
        PlaygroundSetup now = setup.get();
        Hidden l = now.hidden().get(layer);
        int units = Math.max(1, Math.min(PlaygroundSetup.MAX_UNITS, l.units() + delta));
        if (units == l.units() && !l.isMerge()) return;
        edit(() -> HiddenWiring.withUnits(now.hidden(), layer, units, now.inputCount()));
    }

    public void setActivation(int layer, String activation) {
        edit(() -> HiddenWiring.withActivation(setup.get().hidden(), layer, activation));
    }

    /** Applies an edit of the hidden layers, or shows why it cannot be made and leaves them as they were. */
    private void edit(Supplier<List<Hidden>> change) {
        List<Hidden> next;
        try {
            next = change.get();
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        update(s -> s.withHidden(next));
    }

    /** New points from the next data seed ("regenerate"). */
    public void regenerate() {
        update(s -> s.withDataSeed(s.dataSeed() + 1));
    }

    // ------------------------------------------------------------------ training

    private boolean canPlay() {
        PlaygroundFrame f = frame.get();
        if (f != null && !f.trainable()) {
            message.set("Step units have no gradient, so backprop cannot change them: click an edge to set its weight by hand.");
            return false;
        }
        return true;
    }

    public void togglePlay() { playing.set(!playing.get()); }

    /** One update: a minibatch (network) or one visited sample (perceptron). */
    public void step() {
        playing.set(false);
        if (canPlay()) send(PlaygroundSession::step);
    }

    /** The rest of the current epoch. */
    public void epoch() {
        playing.set(false);
        if (canPlay()) send(PlaygroundSession::epoch);
    }

    /** New initial weights from the seed; data and settings stay. */
    public void reset() {
        playing.set(false);
        send(PlaygroundSession::reset);
    }

    /** Speed by index into the speed table (0 = slowest), clamped. */
    public void setSpeedLevel(int level) { speed = Math.max(0, Math.min(level, EPOCHS_PER_FRAME.length - 1)); updateSpeedText(); }

    public void faster() { speed = Math.min(speed + 1, EPOCHS_PER_FRAME.length - 1); updateSpeedText(); }

    public void slower() { speed = Math.max(speed - 1, 0); updateSpeedText(); }

    private boolean perceptron() { return setup.get() != null && setup.get().kind() == Kind.PERCEPTRON; }

    private void updateSpeedText() {
        speedText.set(perceptron() ? Math.round(1000.0 / PERCEPTRON_MILLIS[speed]) + " samples/s" : EPOCHS_PER_FRAME[speed] + " epochs/frame");
    }

    /**
     * Called on every animation pulse ({@code now} in nanoseconds). While playing, sends the next
     * chunk of training once the last one has come back and the speed's interval has passed.
     */
    public void tick(long now) {
        long period = lastPulse == 0 ? FRAME_NANOS : Math.max(1_000_000L, Math.min(50_000_000L, now - lastPulse));
        lastPulse = now;
        // One chunk at a time, and edits first: the engine never runs ahead of the screen.
        if (!playing.get() || !engine.idle()) return;
        long interval = perceptron() ? PERCEPTRON_MILLIS[speed] * 1_000_000L : 0;
        if (lastTick != 0 && now - lastTick < interval) return;
        lastTick = now;
        int epochs = EPOCHS_PER_FRAME[speed];
        boolean p = perceptron();
        long t = System.nanoTime();
        long startAt = lastEngineNanos < period / 2 ? t + paceDelay(now, period, t) : 0;
        send(x -> {
            waitUntil(startAt);
            if (p) x.step();
            else for (int i = 0; i < epochs && !Thread.currentThread().isInterrupted(); i++) x.epoch();
        });
    }

    /**
     * Frame pacing. A chunk sent as a pulse starts would run while JavaFX is still painting that
     * pulse, and on a small machine (two hardware threads sharing a core) both then run slower, so
     * the picture arrives later. A short chunk therefore starts {@link #PACE} of the way into the
     * frame interval, when the painting is usually done, and still arrives well before the next
     * pulse; a long chunk starts at once, since waiting would only lower the frame rate.
     */
    static final double PACE = 0.4;
    private static final long FRAME_NANOS = 16_666_667L;
    private long lastPulse;

    /**
     * Nanoseconds from {@code nowNanos} until {@link #PACE} of the interval after the pulse at
     * {@code pulseNanos}; never more than that fraction of {@code period}, whatever the clocks say.
     */
    static long paceDelay(long pulseNanos, long period, long nowNanos) {
        long since = Math.max(0, Math.min(period, nowNanos - pulseNanos));
        return Math.max(0, (long) (PACE * period) - since);
    }

    private static void waitUntil(long nanoTime) {
        long left;
        while (nanoTime != 0 && (left = nanoTime - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
    }

    // ------------------------------------------------------------------ editing

    /** Sets w_ij of layer {@code layer}; every map updates with the next frame, paused or running. */
    public void setWeight(int layer, int i, int j, float value) {
        send(x -> x.setWeight(layer, i, j, value));
    }

    public void setBias(int layer, int j, float value) {
        send(x -> x.setBias(layer, j, value));
    }

    /** Adds a point of class {@code label} at (x1, x2) to the data. */
    public void addPoint(double x1, double x2, int label) {
        send(x -> x.addPoint((float) x1, (float) x2, label));
    }

    /** A painted point of a regression, its target as typed; text that is no number is refused on the message line. */
    public void paintValue(double x1, double x2, String value) {
        double v;
        try {
            v = Double.parseDouble(value.strip().replace('\u2212', '-'));
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v)) {
            message.set("the value a painted point gets must be a number, not '" + value.strip() + "'");
            return;
        }
        addValue(x1, x2, v);
    }

    /** Adds a regression point with target {@code value} at (x1, x2), or at x = {@code x1} on a curve. */
    public void addValue(double x1, double x2, double value) {
        send(x -> x.addValue((float) x1, (float) x2, (float) value));
    }

    /**
     * Sets a cell of the data grid (a feature, or with {@code column} = the feature count the
     * label: a class index or a target). The engine trains on the edited row from the next step.
     */
    public void setCell(int row, int column, double value) {
        send(x -> x.setCell(row, column, (float) value));
    }

    /**
     * A cell of the data grid as typed: a number for a feature or a target, a class's name for a
     * class. Text that is neither is refused on the message line and the data stays.
     */
    public void editCell(int row, int column, String text) {
        PlaygroundFrame f = frame.get();
        PlaygroundFrame.Data d = f == null ? null : f.data();
        if (d == null || text == null) return;
        String t = text.strip().replace('\u2212', '-');
        if (column == d.columns().size() && d.values() == null) {
            int k = d.classNames().indexOf(t);
            if (k < 0) {
                message.set("row " + (row + 1) + ": " + d.label() + " is one of " + String.join(", ", d.classNames()) + ", not '" + text.strip() + "'");
                return;
            }
            setCell(row, column, k);
            return;
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v)) {
            message.set("row " + (row + 1) + ", " + (column < d.columns().size() ? d.columns().get(column) : d.label()) + ": expected a number, not '" + text.strip() + "'");
            return;
        }
        message.set("");
        setCell(row, column, v);
    }

    /** Takes back the last edit of the data. */
    public void undoData() {
        send(x -> { if (!x.undoData()) throw new IllegalStateException("no edit of the data to undo"); });
    }

    /** The data as generated or read, every edit dropped. */
    public void restoreData() {
        send(PlaygroundSession::restoreData);
    }

    /** The two feature columns the map spans when the data has more than two. */
    public void setAxes(int x, int y) {
        send(s -> s.setAxes(x, y));
    }

    /** Removes the point nearest (x1, x2) within {@code radius}, if any. */
    public void removePoint(double x1, double x2, double radius) {
        send(x -> x.removeNear((float) x1, (float) x2, radius));
    }

    // ------------------------------------------------------------------ engine thread

    /**
     * Runs {@code work} on the engine thread, then hands the new frame to the UI. A problem becomes
     * the message line and stops playback; the user's settings and data stay as they were.
     */
    private void send(Consumer<PlaygroundSession> work) {
        engine.send(() -> perform(work), this::arrive);
    }

    /**
     * Runs {@code work} on the engine thread after everything sent before it, waits for it and
     * shows its frame before returning. For {@code render}, benchmarks and tests; not for event
     * handlers (it blocks the calling thread).
     */
    public void runNow(Consumer<PlaygroundSession> work) {
        playing.set(false);
        engine.runNow(() -> perform(work), this::arrive);
    }

    /** {@code epochs} epochs, synchronously ({@link #runNow}). */
    public void trainNow(int epochs) {
        runNow(x -> { for (int i = 0; i < epochs; i++) x.epoch(); });
    }

    /** What one engine command produced: the frame after it, or a problem. */
    private record Result(PlaygroundFrame frame, String problem) {}

    private volatile long lastEngineNanos;

    /** Time the engine thread spent on the last command, training and frame together (benchmarks). */
    public long lastEngineNanos() { return lastEngineNanos; }

    private Result perform(Consumer<PlaygroundSession> work) {
        long start = System.nanoTime();
        PlaygroundFrame f = null;
        String problem = null;
        try {
            work.accept(session);
        } catch (TrainingDivergedException e) {
            problem = "Training stopped: " + e.getMessage() + ". Lower the learning rate or press reset.";
        } catch (RuntimeException e) {
            problem = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        try {
            if (session.setup() != null) f = session.frame();
        } catch (RuntimeException e) {
            problem = problem != null ? problem : "cannot draw this network: " + e.getMessage();
        }
        lastEngineNanos = System.nanoTime() - start;
        return new Result(f, problem);
    }

    /** A result the worker did not drop as stale: newer than every frame shown so far. */
    private void arrive(Result r, Throwable failure) {
        // Out of memory or anything unexpected on the engine thread: one line, and the last frame stays.
        String problem = failure != null ? ProblemText.of(failure) : r.problem();
        if (problem != null) {
            playing.set(false);
            message.set(ProblemText.line(null, problem));
        }
        if (r != null && r.frame() != null) {
            frame.set(r.frame());
            stepText.set("epoch " + r.frame().epoch() + " · step " + r.frame().step());
        }
        updateSpeedText();
    }

    /** The network as it is now, weights included (network-format JSON), taken on the engine thread; null for the perceptron. */
    public String networkNow() {
        java.util.concurrent.atomic.AtomicReference<String> out = new java.util.concurrent.atomic.AtomicReference<>();
        engine.runNow(() -> session.networkJson(), (json, failure) -> out.set(json));
        return out.get();
    }

    /** The session's log of everything done, taken on the engine thread after what was sent before; waits. */
    public com.fasterxml.jackson.databind.node.ArrayNode logNow() {
        java.util.concurrent.atomic.AtomicReference<com.fasterxml.jackson.databind.node.ArrayNode> out = new java.util.concurrent.atomic.AtomicReference<>();
        engine.runNow(() -> session.log(), (log, failure) -> out.set(log));
        return out.get();
    }

    /**
     * A saved session: {@code log} replayed into a fresh session on the engine thread (the same
     * numbers, bit for bit), which then replaces the current one; {@code p} is the preset it came
     * from, or null. A log that does not fit is refused and the current session stays. Waits.
     */
    public void restoreNow(com.fasterxml.jackson.databind.JsonNode log, Preset p, String note, backprop.app.session.StateReader r) throws backprop.app.session.SessionException {
        playing.set(false);
        PlaygroundSession fresh = new PlaygroundSession();
        java.util.concurrent.atomic.AtomicReference<backprop.app.session.SessionException> refused = new java.util.concurrent.atomic.AtomicReference<>();
        engine.dropPending();
        engine.runNow(() -> {
            try {
                PlaygroundLog.replay(log, fresh, r);
            } catch (backprop.app.session.SessionException e) {
                refused.set(e);
                return new Result(null, null);
            }
            session = fresh;
            return perform(x -> { });
        }, this::arrive);
        if (refused.get() != null) throw refused.get();
        preset.set(p);
        setup.set(fresh.setup());
        message.set(note == null ? "" : note);
    }

    /** Says something in the hint line. */
    void note(String text) { message.set(text); }

    /** Stops training and the engine thread (window closing). */
    public void dispose() {
        playing.set(false);
        engine.shutdown();
    }
}
