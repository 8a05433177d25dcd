package backprop.app.backprop;

import backprop.app.math.Num;
import backprop.app.timeline.FirstNonFinite;
import backprop.app.timeline.Formula;
import backprop.app.timeline.Guess;
import backprop.app.timeline.Snapshot;
import backprop.app.timeline.StepFormulas;
import backprop.app.timeline.Timeline;
import backprop.app.timeline.TimelineStep;
import backprop.app.work.EngineWorker;
import backprop.app.work.ProblemText;
import backprop.engine.models.BuiltinModels;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.trace.StepTrace;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the step-through backprop view, in javafx.beans only (testable without a scene):
 * the recorded history of training steps, which one is shown, the sample, the timeline
 * position, playback, and predict-then-reveal. Engine work (building, tracing) runs on the
 * view-model's own single daemon thread (an {@link EngineWorker}); results are applied on {@code ui} (the FX thread
 * in the app, the caller in tests).
 */
public final class BackpropViewModel {
    /** Playback speeds in timeline steps per second. */
    static final double[] SPEEDS = {0.5, 1, 1.5, 2, 3, 5, 8, 12};
    /** Oldest recorded steps are dropped beyond this many. */
    static final int MAX_HISTORY = 500;
    /** Purpose name of the engine thread: it is called {@code Workers.THREAD_PREFIX + "backprop-" + n}. */
    static final String ENGINE_THREAD = "backprop";

    // Its thread comes from Workers, so closing the window stops it even if dispose() is never reached.
    private final EngineWorker engine;
    private final BiFunction<NetworkSpec, String, BackpropSession> opener; // engine thread
    private BackpropSession session; // touched only on the engine thread

    private final ObservableList<StepTrace> history = FXCollections.observableArrayList();
    private final IntegerProperty historyIndex = new SimpleIntegerProperty(this, "historyIndex", -1);
    private final IntegerProperty sample = new SimpleIntegerProperty(this, "sample", 0);
    private final IntegerProperty index = new SimpleIntegerProperty(this, "index", 0);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.5);
    private final BooleanProperty predictMode = new SimpleBooleanProperty(this, "predictMode", false);
    private final ReadOnlyBooleanWrapper currentHidden = new ReadOnlyBooleanWrapper(this, "currentHidden", false);
    private final ReadOnlyObjectWrapper<Timeline> timeline = new ReadOnlyObjectWrapper<>(this, "timeline");
    private final ReadOnlyObjectWrapper<TimelineStep> currentStep = new ReadOnlyObjectWrapper<>(this, "currentStep");
    private final ReadOnlyObjectWrapper<Formula> formula = new ReadOnlyObjectWrapper<>(this, "formula");
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyStringWrapper formulaText = new ReadOnlyStringWrapper(this, "formulaText", "");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(this, "stepText", "");
    private final ReadOnlyStringWrapper positionText = new ReadOnlyStringWrapper(this, "positionText", "");
    private final ReadOnlyStringWrapper historyText = new ReadOnlyStringWrapper(this, "historyText", "");
    private final ReadOnlyStringWrapper modelName = new ReadOnlyStringWrapper(this, "modelName", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper(this, "feedback", "");
    private final ReadOnlyObjectWrapper<Guess.Verdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");
    private final ReadOnlyObjectWrapper<List<String>> sampleLabels = new ReadOnlyObjectWrapper<>(this, "sampleLabels", List.of());
    private final ReadOnlyBooleanWrapper diverged = new ReadOnlyBooleanWrapper(this, "diverged", false);
    private final ReadOnlyBooleanWrapper atStop = new ReadOnlyBooleanWrapper(this, "atStop", false);
    private StepTrace divergedTrace; // the recorded step holding the first non-finite value, or null
    private FirstNonFinite divergedAt;
    private long seed = -1;
    private NetworkSpec loadedSpec;
    private int revealedUpTo = -1; // predict mode: steps up to here have been revealed on this timeline

    public BackpropViewModel(Executor ui) {
        this(new EngineWorker(ENGINE_THREAD, ui), BackpropSession::open);
    }

    /** For tests: an engine worker of their own and a stand-in for building sessions (one that throws, say). */
    BackpropViewModel(EngineWorker engine, BiFunction<NetworkSpec, String, BackpropSession> opener) {
        this.engine = engine;
        this.opener = opener;
        historyIndex.addListener((o, a, b) -> rebuildTimeline());
        sample.addListener((o, a, b) -> rebuildTimeline());
        index.addListener((o, a, b) -> refresh());
        predictMode.addListener((o, a, b) -> {
            if (b) playing.set(false);
            revealedUpTo = index.get() - 1;
            feedback.set("");
            verdict.set(null);
            refresh();
        });
    }

    // ------------------------------------------------------------------ loading and training

    /** Loads the default network: the built-in 2-2-1 XOR with its seed, on the 4 XOR samples. */
    public void loadDefault() {
        load(null);
    }

    /** Loads {@code spec} (null: the default) in the background and records its first step; a problem shows as {@link #errorProperty}. */
    public void load(NetworkSpec spec) {
        run(() -> openAndTrain(spec, null), true, false);
    }

    /**
     * The shell's route: checks and builds {@code spec} on the engine thread, then replaces the
     * current network with it and calls {@code done} with empty; if it cannot (the data does not fit,
     * it does not build, it diverges at once, memory runs out) calls {@code done} with the problem in
     * one line naming {@code source}, and the current network, its history and step stay as they were.
     */
    public void open(NetworkSpec spec, String source, Consumer<Optional<String>> done) {
        // No dropPending: results still due for the current network arrive first, in order, and are true.
        playing.set(false);
        engine.send(() -> openAndTrain(spec, source), (r, failure) -> {
            if (failure != null) {
                done.accept(Optional.of(ProblemText.line(source, failure)));
                return;
            }
            apply(r, null);
            done.accept(Optional.empty());
        });
    }

    /** Like {@link #load} but waits for the result (export, tests). */
    public void loadNow(NetworkSpec spec) {
        run(() -> openAndTrain(spec, null), true, true);
    }

    /** The network file the current run started from (its seed decides the rest); null before one is loaded. */
    public NetworkSpec loadedSpec() { return loadedSpec; }

    /** Training steps run so far (the newest traced step + 1). */
    public long trainedSteps() {
        return history.isEmpty() ? 0 : history.get(history.size() - 1).step() + 1;
    }

    /**
     * A saved session: {@code spec} loaded and trained to {@code steps} steps from its seed (the
     * same numbers, bit for bit), then the shown step, sample and sub-step as they were. Waits.
     */
    public void restoreNow(NetworkSpec spec, long steps, int shownStep, int shownSample, int shownIndex) {
        loadNow(spec);
        if (steps > 1) trainNow((int) (steps - 1));
        int oldest = history.isEmpty() ? 0 : (int) history.get(0).step();
        historyIndex.set(Math.max(0, Math.min(history.size() - 1, shownStep - oldest)));
        sample.set(shownSample);
        seek(shownIndex);
    }

    /** The training step shown (not its place in the kept history). */
    public long shownStep() {
        int h = historyIndex.get();
        return h < 0 || h >= history.size() ? 0 : history.get(h).step();
    }

    /** Runs {@code count} more traced training steps and shows the newest; nothing once the run has diverged. */
    public void train(int count) {
        int shown = sample.get(); // read here, on the caller's thread; the engine thread gets a copy
        if (!diverged.get()) run(() -> continueTraining(count, shown), false, false);
    }

    public void trainNow(int count) {
        int shown = sample.get();
        if (!diverged.get()) run(() -> continueTraining(count, shown), false, true);
    }

    /** A command's outcome: new traces (all of a fresh network's, or more of the current one's) and why training stopped, if it did. */
    private record Result(boolean fresh, NetworkSpec spec, long seed, List<StepTrace> traces, List<String> samples, int firstSample, String stopped,
            FirstNonFinite nonFinite) {}

    /** Builds the new network aside and makes it current only once its first step ran: a failure leaves the old one in place. */
    private Result openAndTrain(NetworkSpec spec, String source) {
        NetworkSpec s;
        try {
            s = spec != null ? spec : BuiltinModels.spec("xor");
        } catch (SpecException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        BackpropSession next = opener.apply(s, source);
        BackpropSession.Steps first = next.train(1, telling(next.batch.x()));
        if (first.stopped() != null) throw first.stopped();
        List<String> labels = new java.util.ArrayList<>();
        for (int n = 0; n < next.batch.size(); n++) labels.add(sampleLabel(n, next.batch.x()[n], next.batch.y()[n]));
        session = next;
        return new Result(true, s, next.seed, first.traces(), labels, telling(next.batch.x()), null, first.nonFinite());
    }

    private Result continueTraining(int count, int shownSample) {
        if (session == null) throw new IllegalStateException("no network loaded");
        BackpropSession.Steps steps = session.train(count, shownSample);
        String stopped = steps.stopped() == null ? null : ProblemText.line(null, steps.stopped());
        return new Result(false, session.spec, session.seed, steps.traces(), null, 0, stopped, steps.nonFinite());
    }

    /** A fresh load drops the results still due from the network it replaces. */
    private void run(Callable<Result> work, boolean fresh, boolean wait) {
        if (fresh) engine.dropPending();
        playing.set(false);
        if (wait) engine.runNow(work, this::apply);
        else engine.send(work, this::apply);
    }

    private void apply(Result r, Throwable failure) {
        if (failure != null) {
            playing.set(false);
            error.set(ProblemText.line(null, failure));
            return;
        }
        error.set(r.stopped() == null ? "" : r.stopped());
        if (r.stopped() != null) playing.set(false);
        if (r.fresh()) {
            divergedTrace = null;
            divergedAt = null;
            diverged.set(false);
            seed = r.seed();
            loadedSpec = r.spec();
            modelName.set(r.spec().name() != null ? r.spec().name() : "network");
            historyIndex.set(-1); // drops the old timeline before its history goes
            history.clear();
            sampleLabels.set(List.copyOf(r.samples()));
            sample.set(r.firstSample());
            index.set(0);
        }
        if (r.traces().isEmpty()) return;
        history.addAll(r.traces());
        int drop = history.size() - MAX_HISTORY;
        if (drop > 0) history.remove(0, drop);
        if (historyIndex.get() == history.size() - 1) rebuildTimeline();
        else historyIndex.set(history.size() - 1);
        if (r.nonFinite() != null) stopAt(history.get(history.size() - 1), r.nonFinite());
    }

    /**
     * The run diverged: the newest step holds a value that is not finite. The view goes to it
     * (that sample, that part of the step), says what it is, and goes no further: training stops,
     * stepping ends there, and every step before it stays in the history.
     */
    private void stopAt(StepTrace trace, FirstNonFinite at) {
        playing.set(false);
        divergedTrace = trace;
        divergedAt = at;
        diverged.set(true);
        sample.set(at.sample());
        index.set(at.index());
        rebuildTimeline();
        error.set("Training step " + trace.step() + " stopped at its first value that is not a number: " + at.what() + " = " + Num.fmt(at.value())
                + " (sample " + (at.sample() + 1) + ", part " + (at.index() + 1) + " of " + timeline.get().size()
                + "). The steps before it are kept; a smaller learning rate avoids it.");
    }

    /** The last timeline position that may be shown: the first non-finite value of a diverged step, else the end. */
    private int lastShown(Timeline t) {
        return t.trace() == divergedTrace ? Math.min(divergedAt.index(), t.size() - 1) : t.size() - 1;
    }

    /**
     * The sample a fresh network opens on: the first with the most non-zero inputs, so the first
     * formulas multiply real numbers (XOR's (0, 0) would make every product 0 · w).
     */
    public static int telling(float[][] x) {
        int best = 0, most = -1;
        for (int n = 0; n < x.length; n++) {
            int nonZero = 0;
            for (float v : x[n]) if (v != 0) nonZero++;
            if (nonZero > most) {
                most = nonZero;
                best = n;
            }
        }
        return best;
    }

    private static String sampleLabel(int n, float[] x, float[] y) {
        StringBuilder b = new StringBuilder("sample " + (n + 1) + ": x = (");
        for (int i = 0; i < x.length; i++) b.append(i > 0 ? ", " : "").append(Num.shortFmt(x[i]));
        b.append("), y = ");
        if (y.length == 1) b.append(Num.shortFmt(y[0]));
        else {
            b.append("(");
            for (int i = 0; i < y.length; i++) b.append(i > 0 ? ", " : "").append(Num.shortFmt(y[i]));
            b.append(")");
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ timeline position

    private void rebuildTimeline() {
        int h = historyIndex.get();
        if (h < 0 || h >= history.size()) {
            timeline.set(null);
            refresh();
            return;
        }
        StepTrace t = history.get(h);
        int n = Math.max(0, Math.min(sample.get(), t.batchSize() - 1));
        timeline.set(Timeline.of(t, n));
        revealedUpTo = index.get() - 1; // predict mode: the current step of a new timeline is hidden again
        int clamped = Math.max(0, Math.min(index.get(), lastShown(timeline.get())));
        if (clamped != index.get()) index.set(clamped);
        else refresh();
    }

    private void refresh() {
        Timeline t = timeline.get();
        if (t == null) {
            currentStep.set(null);
            formula.set(null);
            snapshot.set(null);
            formulaText.set("");
            explanation.set("");
            stepText.set("");
            positionText.set("");
            historyText.set("");
            return;
        }
        int i = Math.max(0, Math.min(index.get(), t.size() - 1));
        boolean hidden = predictMode.get() && i > revealedUpTo;
        currentHidden.set(hidden);
        TimelineStep s = t.step(i);
        atStop.set(t.trace() == divergedTrace && i == divergedAt.index());
        Formula f = StepFormulas.of(t, s, hidden);
        currentStep.set(s);
        formula.set(f);
        snapshot.set(t.snapshot(i, hidden));
        formulaText.set(f.text());
        explanation.set(f.explanation());
        long step = t.trace().step();
        stepText.set("step " + step + " · " + f.shortLabel() + " (" + (i + 1) + "/" + t.size() + ")");
        positionText.set((i + 1) + " / " + t.size());
        long newest = history.isEmpty() ? step : history.get(history.size() - 1).step();
        historyText.set("training step " + step + " of " + newest + " · R = " + Num.fmt(t.trace().loss())
                + (t.trace().backend() == null ? "" : " · computed by " + t.trace().backend()));
    }

    public void stepForward() {
        Timeline t = timeline.get();
        if (t != null && index.get() < lastShown(t)) index.set(index.get() + 1);
    }

    /**
     * Synchronously moves {@code n} sub-steps on; at the end of a step's timeline the next training
     * step is computed and its timeline starts from the beginning (animated export).
     */
    public void advanceNow(int n) {
        for (int k = 0; k < n; k++) {
            Timeline t = timeline.get();
            if (t == null) return;
            if (index.get() < t.size() - 1) {
                index.set(index.get() + 1);
            } else {
                trainNow(1);
                index.set(0);
            }
        }
    }

    public void stepBack() {
        if (index.get() > 0) index.set(index.get() - 1);
    }

    public void home() { index.set(0); }

    public void end() {
        Timeline t = timeline.get();
        if (t != null) index.set(lastShown(t));
    }

    /** Moves to step {@code i} (the scrub slider). */
    public void seek(int i) {
        Timeline t = timeline.get();
        if (t != null) index.set(Math.max(0, Math.min(i, lastShown(t))));
    }

    public void togglePlay() {
        Timeline t = timeline.get();
        if (!playing.get() && t != null && index.get() >= lastShown(t)) index.set(0); // play from the end restarts
        playing.set(!playing.get() && t != null);
    }

    /**
     * One playback tick (the view calls it {@link #speed} times a second while playing). In
     * predict mode playback waits at a hidden value until it is revealed.
     */
    public void tick() {
        Timeline t = timeline.get();
        if (!playing.get() || t == null || currentHidden.get()) return;
        if (index.get() >= lastShown(t)) playing.set(false);
        else stepForward();
    }

    public void faster() {
        for (double s : SPEEDS) if (s > speed.get() + 1e-9) { speed.set(s); return; }
    }

    public void slower() {
        for (int i = SPEEDS.length - 1; i >= 0; i--) if (SPEEDS[i] < speed.get() - 1e-9) { speed.set(SPEEDS[i]); return; }
    }

    // ------------------------------------------------------------------ predict, then reveal

    /** Judges the student's guess for the hidden current value and reveals it. */
    public Guess.Verdict submitGuess(String typed) {
        TimelineStep s = currentStep.get();
        if (s == null) return null;
        Guess.Verdict v = Guess.judge(typed, s.value());
        verdict.set(v);
        switch (v) {
            case UNREADABLE -> {
                feedback.set("\u201C" + typed + "\u201D is not a number; type something like 0.25 or −0.1.");
                return v;
            }
            case CORRECT -> feedback.set("Correct: the engine computed " + Num.fmt(s.value()) + ".");
            case WRONG -> feedback.set("Not quite: you said " + Num.fmt(Guess.parse(typed)) + ", the engine computed " + Num.fmt(s.value()) + ".");
        }
        reveal();
        return v;
    }

    /** Shows the hidden value without a guess. */
    public void reveal() {
        revealedUpTo = Math.max(revealedUpTo, index.get());
        refresh();
    }

    // ------------------------------------------------------------------ properties

    public ObservableList<StepTrace> history() { return history; }
    public IntegerProperty historyIndexProperty() { return historyIndex; }
    public IntegerProperty sampleProperty() { return sample; }
    public IntegerProperty indexProperty() { return index; }
    public BooleanProperty playingProperty() { return playing; }
    public DoubleProperty speedProperty() { return speed; }
    public BooleanProperty predictModeProperty() { return predictMode; }
    public ReadOnlyBooleanProperty currentHiddenProperty() { return currentHidden.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return engine.busyProperty(); }
    /** True once a recorded step held a value that is not finite: training stops there (see {@link #errorProperty}). */
    public ReadOnlyBooleanProperty divergedProperty() { return diverged.getReadOnlyProperty(); }
    /** True while the step shown is the first non-finite value of a diverged run (the view marks it in the error colour). */
    public ReadOnlyBooleanProperty atStopProperty() { return atStop.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Timeline> timelineProperty() { return timeline.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TimelineStep> currentStepProperty() { return currentStep.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Formula> formulaProperty() { return formula.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }
    public ReadOnlyStringProperty formulaTextProperty() { return formulaText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty explanationProperty() { return explanation.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stepTextProperty() { return stepText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty positionTextProperty() { return positionText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty historyTextProperty() { return historyText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty modelNameProperty() { return modelName.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyStringProperty feedbackProperty() { return feedback.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Guess.Verdict> verdictProperty() { return verdict.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<String>> sampleLabelsProperty() { return sampleLabels.getReadOnlyProperty(); }
    public Timeline timeline() { return timeline.get(); }
    public long seed() { return seed; }

    /** Stops the engine thread (window closing). */
    public void dispose() {
        playing.set(false);
        engine.shutdown();
    }
}
