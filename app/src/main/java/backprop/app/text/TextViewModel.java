package backprop.app.text;

import backprop.app.math.Num;
import backprop.app.work.EngineWorker;
import backprop.app.work.ProblemText;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the text view in javafx.beans only: the newest {@link TextFrame}, the passage the
 * gates are shown over, which gate, the sampling temperature and seed, and play. Training and
 * sampling run on the view-model's worker ({@link TextSession} lives there); one command is out
 * at a time, and choices made meanwhile are sent with the next one, so nothing piles up.
 */
public final class TextViewModel {
    /** Updates per play chunk, slowest to fastest. */
    static final int[] CHUNKS = {1, 2, 5, 10, 20};
    public static final double MIN_TEMPERATURE = 0.2, MAX_TEMPERATURE = 2.0;
    public static final long DEFAULT_SEED = 1;

    private final EngineWorker engine;
    private final int units;
    private TextSession session; // worker thread only

    private final ReadOnlyObjectWrapper<TextFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final StringProperty passage = new SimpleStringProperty(this, "passage", TextView.PASSAGES.get(0));
    private final StringProperty gate = new SimpleStringProperty(this, "gate", "f");
    private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature", 0.7);
    private final LongProperty sampleSeed = new SimpleLongProperty(this, "sampleSeed", 5);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final IntegerProperty chunk = new SimpleIntegerProperty(this, "chunk", 2);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(this, "stepText", "");
    private boolean inFlight, dirty;
    /** Updates asked for (step, +100) while a command was out: sent when it returns, none lost. */
    private int owed;

    public TextViewModel(Executor ui) {
        this(new EngineWorker("text", ui), TextSession.DEFAULT_UNITS);
    }

    /** For tests: a worker of their own and a smaller LSTM. */
    TextViewModel(EngineWorker engine, int units) {
        this.engine = engine;
        this.units = units;
        passage.addListener((o, a, b) -> refresh());
        temperature.addListener((o, a, b) -> refresh());
        sampleSeed.addListener((o, a, b) -> refresh());
        frame.addListener((o, a, f) -> stepText.set(f == null ? "" : "update " + f.step()
                + (Float.isNaN(f.lastLoss()) ? "" : " · " + Num.fixed(f.lastLoss(), 3) + " nats/char")));
    }

    public ReadOnlyObjectProperty<TextFrame> frameProperty() { return frame.getReadOnlyProperty(); }

    public TextFrame frame() { return frame.get(); }

    public StringProperty passageProperty() { return passage; }

    public StringProperty gateProperty() { return gate; }

    public DoubleProperty temperatureProperty() { return temperature; }

    public LongProperty sampleSeedProperty() { return sampleSeed; }

    public BooleanProperty playingProperty() { return playing; }

    public IntegerProperty chunkProperty() { return chunk; }

    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    public ReadOnlyStringProperty stepTextProperty() { return stepText.getReadOnlyProperty(); }

    public long seed() { return DEFAULT_SEED; }

    // ------------------------------------------------------------------ commands

    /** A fresh model from the seed (the first frame comes back asynchronously). */
    public void restart() {
        playing.set(false);
        engine.dropPending();
        inFlight = false;
        owed = 0;
        send(s -> null, true);
    }

    /** {@code count} updates, then a new frame. */
    public void train(int count) {
        if (inFlight) {
            owed += count;
            return;
        }
        send(s -> { s.train(count); return null; }, false);
    }

    /** A new frame without training: the passage, temperature or seed changed. */
    public void refresh() {
        send(s -> null, false);
    }

    /** A different draw at the same temperature. */
    public void resample() {
        sampleSeed.set(sampleSeed.get() + 1);
    }

    /** Restarts and trains {@code count} updates, waiting (export, tests). */
    public void restartNow(int count) {
        playing.set(false);
        engine.dropPending();
        inFlight = false;
        owed = 0;
        Callable<TextFrame> work = command(s -> { s.train(count); return null; }, true);
        engine.runNow(work, this::apply);
    }

    /** Trains {@code count} more updates and waits. */
    public void trainNow(int count) {
        engine.runNow(command(s -> { s.train(count); return null; }, false), this::apply);
    }

    /** For tests: runs {@code probe} on the worker with the live session (its model) and waits for the answer. */
    <R> R probe(Function<TextSession, R> probe) {
        AtomicReference<R> out = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        engine.runNow(() -> probe.apply(session), (r, f) -> { out.set(r); failed.set(f); });
        if (failed.get() != null) throw new IllegalStateException(failed.get());
        return out.get();
    }

    private void send(Function<TextSession, Void> work, boolean fresh) {
        if (inFlight) {
            dirty = true; // the newest choices go with the next command
            if (!fresh) return;
        }
        inFlight = true;
        dirty = false;
        engine.send(command(work, fresh), this::apply);
    }

    /** The command with the choices as they are now; a fresh one (or the first) builds the session first. */
    private Callable<TextFrame> command(Function<TextSession, Void> work, boolean fresh) {
        String p = passage.get();
        double tau = temperature.get();
        long seed = sampleSeed.get();
        return () -> {
            if (fresh || session == null) session = new TextSession(DEFAULT_SEED, units);
            work.apply(session);
            return session.frame(clipPassage(p), tau, seed);
        };
    }

    static String clipPassage(String p) {
        if (p == null || p.isEmpty()) return TextView.PASSAGES.get(0);
        return p.codePointCount(0, p.length()) <= TextSession.MAX_PASSAGE ? p : p.substring(0, p.offsetByCodePoints(0, TextSession.MAX_PASSAGE));
    }

    private void apply(TextFrame f, Throwable failure) {
        inFlight = false;
        if (failure != null) {
            playing.set(false);
            error.set(ProblemText.line(null, failure));
        } else {
            error.set("");
            frame.set(f);
        }
        if (owed > 0) {
            int n = owed;
            owed = 0;
            dirty = false; // the training command carries the newest choices too
            train(n);
        } else if (dirty) {
            dirty = false;
            refresh();
        }
    }

    // ------------------------------------------------------------------ play

    /** Called every frame while playing: one chunk of updates at a time. */
    public void tick() {
        if (playing.get() && !inFlight) train(chunk.get());
    }

    public void togglePlay() { playing.set(!playing.get()); }

    public void stepForward() {
        playing.set(false);
        train(1);
    }

    public void faster() { chunk.set(next(1)); }

    public void slower() { chunk.set(next(-1)); }

    private int next(int dir) {
        int i = 0;
        while (i < CHUNKS.length - 1 && CHUNKS[i] < chunk.get()) i++;
        return CHUNKS[Math.max(0, Math.min(CHUNKS.length - 1, i + dir))];
    }

    public boolean idle() { return engine.idle() && !inFlight; }

    public void dispose() {
        playing.set(false);
        engine.shutdown();
    }
}
