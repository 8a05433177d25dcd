package backprop.app.depth;

import backprop.app.work.EngineWorker;
import backprop.app.work.ProblemText;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State of the Depth view in javafx.beans only: which configurations are compared, the seed,
 * play/pause and speed, and the newest {@link DepthFrame} from the engine. One command is out at
 * a time; ticks that come while it runs are dropped, so a slow machine never queues a backlog.
 */
public final class DepthViewModel {
    /** Steps per tick while playing (the view ticks about 20 times a second). */
    static final int[] SPEEDS = {1, 2, 5, 10, 25};
    static final List<DepthConfig> DEFAULT = List.of(DepthConfig.of(DepthPreset.SIGMOID_UNIFORM), DepthConfig.of(DepthPreset.TANH_XAVIER),
            DepthConfig.of(DepthPreset.RELU_HE), DepthConfig.of(DepthPreset.RELU_HE_BATCHNORM));

    private final EngineWorker engine;
    private final ObjectProperty<List<DepthConfig>> configs = new SimpleObjectProperty<>(this, "configs", DEFAULT);
    private final ReadOnlyObjectWrapper<DepthFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(this, "stepText", "");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final IntegerProperty speed = new SimpleIntegerProperty(this, "speed", 2);
    private long seed = 1;
    private String dataset = "circle";
    private DepthSession session;
    private boolean inFlight;

    public DepthViewModel(Executor ui) {
        this(new EngineWorker("depth", ui));
    }

    DepthViewModel(EngineWorker engine) {
        this.engine = engine;
        frame.addListener((o, a, f) -> {
            long steps = f == null || f.columns().isEmpty() ? 0 : f.columns().get(0).steps();
            stepText.set("step " + steps + " · " + (f == null ? 0 : f.columns().size()) + " configurations · seed " + seed);
        });
    }

    public ObjectProperty<List<DepthConfig>> configsProperty() { return configs; }

    /** Whether preset {@code p} is one of the columns. */
    public boolean shows(DepthPreset p) {
        return configs.get().stream().anyMatch(c -> c.preset() == p);
    }

    public ReadOnlyObjectProperty<DepthFrame> frameProperty() { return frame.getReadOnlyProperty(); }

    public DepthFrame frame() { return frame.get(); }

    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    public ReadOnlyStringProperty stepTextProperty() { return stepText.getReadOnlyProperty(); }

    public BooleanProperty playingProperty() { return playing; }

    public IntegerProperty speedProperty() { return speed; }

    public long seed() { return seed; }

    /** Fresh networks for the chosen configurations and seed, untrained (the first frame is empty). */
    public void restart() {
        List<DepthConfig> p = List.copyOf(configs.get());
        long s = seed;
        String d = dataset;
        engine.dropPending();
        inFlight = true;
        engine.send(() -> {
            session = new DepthSession(p, s, d);
            return session.frame();
        }, this::apply);
    }

    /** As {@link #restart}, then {@code steps} steps, and waits (export, tests). */
    public void restartNow(int steps) {
        List<DepthConfig> p = List.copyOf(configs.get());
        long s = seed;
        String d = dataset;
        playing.set(false);
        engine.dropPending();
        engine.runNow(() -> {
            session = new DepthSession(p, s, d);
            return session.step(steps);
        }, this::apply);
    }

    /**
     * {@code steps} more steps on the engine thread, waiting, without showing the frame (the frame
     * benchmark shows it on the FX thread itself, to time that part alone). Not on the FX thread.
     */
    DepthFrame stepDetached(int steps) {
        java.util.concurrent.atomic.AtomicReference<DepthFrame> out = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        engine.runNow(() -> session.step(steps), (f, e) -> { out.set(f); failed.set(e); });
        if (failed.get() != null) throw new IllegalStateException("the engine failed: " + failed.get().getMessage(), failed.get());
        return out.get();
    }

    /** Shows a frame made by {@link #stepDetached} (FX thread). */
    void show(DepthFrame f) { apply(f, null); }

    /** {@code steps} more steps, and waits (animated export). */
    public void stepNow(int steps) {
        engine.runNow(() -> session.step(steps), this::apply);
    }

    /** A lesson's columns, seed and data set (DepthProbe's controls), then fresh networks, waiting. */
    void lessonStart(List<DepthConfig> c, long s, String data) {
        configs.set(List.copyOf(c));
        seed = s;
        dataset = data;
        restartNow(0);
    }

    /** Shows why a column could not be added. */
    public void refuse(String why) { error.set(why); }

    /** The steps every column has trained (the first column's: they move in lock step). */
    public long steps() {
        DepthFrame f = frame.get();
        return f == null || f.columns().isEmpty() ? 0 : f.columns().get(0).steps();
    }

    /** Restores a session: these columns and this seed, trained {@code steps} steps, waiting for it. */
    void restoreNow(List<DepthConfig> c, long s, String data, int steps) {
        configs.set(List.copyOf(c));
        seed = s;
        dataset = data;
        restartNow(steps);
    }

    /** The data set every column trains on (one of {@link DepthSession#DATASETS}); starts again. */
    public void setDataset(String name) {
        dataset = name;
        restart();
    }

    public String dataset() { return dataset; }

    public void setSeed(long s) {
        seed = s;
        restart();
    }

    /** The configurations to compare (one to four, in this order); starts again. Returns whether they were taken. */
    public boolean setConfigs(List<DepthConfig> c) {
        if (c.size() < DepthSession.MIN_COLUMNS || c.size() > DepthSession.MAX_COLUMNS) {
            error.set("Compare one to four configurations (" + c.size() + " chosen): remove one before adding another.");
            return false;
        }
        configs.set(List.copyOf(c));
        restart();
        return true;
    }

    /** Adds preset {@code p} as a column, or takes it away. */
    public boolean togglePreset(DepthPreset p, boolean on) {
        List<DepthConfig> next = new java.util.ArrayList<>(configs.get());
        if (on && !shows(p)) next.add(DepthConfig.of(p));
        if (!on) next.removeIf(c -> c.preset() == p);
        return setConfigs(next);
    }

    /** Adds a column of {@code c}. */
    public boolean add(DepthConfig c) {
        List<DepthConfig> next = new java.util.ArrayList<>(configs.get());
        next.add(c);
        return setConfigs(next);
    }

    /** Removes column {@code i}. */
    public boolean remove(int i) {
        List<DepthConfig> next = new java.util.ArrayList<>(configs.get());
        if (i < 0 || i >= next.size()) return false;
        next.remove(i);
        return setConfigs(next);
    }

    /** One tick of play: the chosen number of steps, unless the engine is still busy. */
    public void tick() {
        if (!playing.get() || inFlight || session == null) return;
        send(SPEEDS[speed.get()]);
    }

    public void stepForward() {
        playing.set(false);
        if (!inFlight && session != null) send(1);
    }

    public void togglePlay() { playing.set(!playing.get()); }

    public void faster() { speed.set(Math.min(SPEEDS.length - 1, speed.get() + 1)); }

    public void slower() { speed.set(Math.max(0, speed.get() - 1)); }

    private void send(int n) {
        inFlight = true;
        engine.send(() -> session.step(n), this::apply);
    }

    private void apply(DepthFrame f, Throwable failure) {
        inFlight = false;
        if (failure != null) {
            playing.set(false);
            error.set(ProblemText.line(null, failure));
            return;
        }
        error.set("");
        frame.set(f);
        if (f.columns().stream().allMatch(c -> c.stopped() != null)) playing.set(false);
    }

    public boolean idle() { return engine.idle() && !inFlight; }

    public void dispose() {
        playing.set(false);
        engine.shutdown();
    }
}
