package backprop.app.vanishing;

import backprop.app.math.Num;
import backprop.app.work.EngineWorker;
import backprop.app.work.ProblemText;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State of the vanishing-gradient view in javafx.beans only: the user's {@link VanishingSetup},
 * the newest {@link VanishingFrame} the engine computed for it, and the T sweep that "play"
 * runs. Changing the setup asks the engine again; while one computation is out, further changes
 * only remember the newest setup, so dragging a slider never queues a backlog.
 */
public final class VanishingViewModel {
    /** Sweep speeds in steps of T per second. */
    static final double[] SPEEDS = {2, 4, 8, 15, 30};

    private final EngineWorker engine;
    private final ObjectProperty<VanishingSetup> setup = new SimpleObjectProperty<>(this, "setup", VanishingSetup.DEFAULT);
    private final ReadOnlyObjectWrapper<VanishingFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(this, "stepText", "");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 8);
    private boolean inFlight;
    private boolean dirty;

    public VanishingViewModel(Executor ui) {
        this(new EngineWorker("vanishing", ui));
    }

    /** For tests: a worker of their own. */
    VanishingViewModel(EngineWorker engine) {
        this.engine = engine;
        setup.addListener((o, a, b) -> {
            if (b == null) setup.set(a);
            else request();
        });
        frame.addListener((o, a, f) -> stepText.set(f == null ? "" : "T = " + f.setup().steps() + " · W × " + Num.shortFmt(round(f.setup().scale()))
                + " · clip at " + Num.shortFmt(f.setup().clip())));
    }

    public ObjectProperty<VanishingSetup> setupProperty() { return setup; }

    public ReadOnlyObjectProperty<VanishingFrame> frameProperty() { return frame.getReadOnlyProperty(); }

    public VanishingFrame frame() { return frame.get(); }

    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    public ReadOnlyStringProperty stepTextProperty() { return stepText.getReadOnlyProperty(); }

    public BooleanProperty playingProperty() { return playing; }

    public DoubleProperty speedProperty() { return speed; }

    public void setSteps(int t) { setup.set(setup.get().withSteps(t)); }

    public void setScale(double s) { setup.set(setup.get().withScale(s)); }

    public void setClip(double c) { setup.set(setup.get().withClip(c)); }

    public void setSeed(long s) { setup.set(setup.get().withSeed(s)); }

    /** Asks for the current setup now unless a computation is out; then it is asked for when that returns. */
    public void request() {
        if (inFlight) {
            dirty = true;
            return;
        }
        inFlight = true;
        dirty = false;
        VanishingSetup s = setup.get();
        engine.send(() -> VanishingSession.compute(s), this::apply);
    }

    /** Computes the current setup and waits (export, tests). */
    public void computeNow() {
        VanishingSetup s = setup.get();
        engine.runNow(() -> VanishingSession.compute(s), this::apply);
    }

    private void apply(VanishingFrame f, Throwable failure) {
        inFlight = false;
        if (failure != null) {
            playing.set(false);
            error.set(ProblemText.line(null, failure));
        } else {
            error.set("");
            frame.set(f);
        }
        if (dirty) request();
    }

    // ------------------------------------------------------------------ the T sweep

    /** One tick of play: T grows by one; at the end the sweep stops. Ignored while the engine is busy. */
    public void tick() {
        if (inFlight) return;
        int t = setup.get().steps();
        if (t >= VanishingSetup.MAX_STEPS) {
            playing.set(false);
            return;
        }
        setSteps(t + 1);
    }

    public void togglePlay() {
        if (!playing.get() && setup.get().steps() >= VanishingSetup.MAX_STEPS) setSteps(VanishingSetup.MIN_STEPS);
        playing.set(!playing.get());
    }

    public void stepForward() { playing.set(false); setSteps(setup.get().steps() + 1); }

    public void stepBack() { playing.set(false); setSteps(setup.get().steps() - 1); }

    public void home() { playing.set(false); setSteps(VanishingSetup.MIN_STEPS); }

    public void end() { playing.set(false); setSteps(VanishingSetup.MAX_STEPS); }

    public void faster() { speed.set(next(1)); }

    public void slower() { speed.set(next(-1)); }

    private double next(int dir) {
        int i = 0;
        while (i < SPEEDS.length - 1 && SPEEDS[i] < speed.get()) i++;
        return SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, i + dir))];
    }

    public boolean idle() { return engine.idle() && !inFlight; }

    public void dispose() {
        playing.set(false);
        engine.shutdown();
    }

    private static double round(double v) { return Math.round(v * 100) / 100.0; }
}
