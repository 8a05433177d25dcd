package backprop.app.recurrent;

import backprop.app.draw.Metric;
import backprop.app.math.Num;
import backprop.app.timeline.Formula;
import backprop.app.work.EngineWorker;
import backprop.app.work.ProblemText;
import backprop.engine.layers.recurrent.CellType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the recurrent view in javafx.beans only (testable without a scene): the network's
 * setup, the recorded history of frames (one per training update), which frame, sequence, time
 * step, unit and part of the cell are shown, the gates the user forced, and playback. What the
 * view draws is derived here from the engine's trace ({@link CellReadout}, {@link Unrolled},
 * {@link CellEquations}); engine work runs on the view-model's own {@link EngineWorker}.
 */
public final class RecurrentViewModel {
    /** Training speeds in updates per second. */
    static final double[] SPEEDS = {1, 2, 5, 10, 20, 40};
    /** Oldest frames are dropped beyond this many. */
    static final int MAX_HISTORY = 600;
    /** At most this many updates per command while playing, so a pause is never far away. */
    static final int MAX_CHUNK = 10;

    private final EngineWorker engine;
    private final Function<RecurrentSetup, RecurrentSession> opener; // engine thread
    private RecurrentSession session; // touched only on the engine thread

    private final ReadOnlyObjectWrapper<RecurrentSetup> setup = new ReadOnlyObjectWrapper<>(this, "setup", RecurrentSetup.defaults());
    private final ObservableList<RecurrentFrame> history = FXCollections.observableArrayList();
    private final IntegerProperty historyIndex = new SimpleIntegerProperty(this, "historyIndex", -1);
    private final IntegerProperty sample = new SimpleIntegerProperty(this, "sample", 0);
    private final IntegerProperty time = new SimpleIntegerProperty(this, "time", 0);
    private final IntegerProperty unit = new SimpleIntegerProperty(this, "unit", 0);
    private final StringProperty part = new SimpleStringProperty(this, "part", "f");
    private final StringProperty hover = new SimpleStringProperty(this, "hover", null);
    private final StringProperty concealed = new javafx.beans.property.SimpleStringProperty(this, "concealed");
    private final ReadOnlyObjectWrapper<Map<String, Float>> forced = new ReadOnlyObjectWrapper<>(this, "forced", Map.of());
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final IntegerProperty speed = new SimpleIntegerProperty(this, "speed", 3);

    private final ReadOnlyObjectWrapper<CellReadout> readout = new ReadOnlyObjectWrapper<>(this, "readout");
    private final ReadOnlyObjectWrapper<Unrolled> unrolled = new ReadOnlyObjectWrapper<>(this, "unrolled");
    private final ReadOnlyObjectWrapper<Formula> formula = new ReadOnlyObjectWrapper<>(this, "formula");
    private final ReadOnlyObjectWrapper<List<Metric>> metrics = new ReadOnlyObjectWrapper<>(this, "metrics", List.of());
    private final ReadOnlyObjectWrapper<List<String>> sequences = new ReadOnlyObjectWrapper<>(this, "sequences", List.of());
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(this, "stepText", "");
    private final ReadOnlyStringWrapper historyText = new ReadOnlyStringWrapper(this, "historyText", "");
    private final ReadOnlyStringWrapper answerText = new ReadOnlyStringWrapper(this, "answerText", "");
    private final ReadOnlyStringWrapper scoreText = new ReadOnlyStringWrapper(this, "scoreText", "");
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper(this, "speedText", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private double due; // updates owed to playback, carried between pulses

    public RecurrentViewModel(Executor ui) {
        this(new EngineWorker("recurrent", ui), RecurrentSession::open);
    }

    /** For tests: an engine worker of their own and a stand-in for building sessions. */
    RecurrentViewModel(EngineWorker engine, Function<RecurrentSetup, RecurrentSession> opener) {
        this.engine = engine;
        this.opener = opener;
        historyIndex.addListener((o, a, b) -> refresh());
        sample.addListener((o, a, b) -> refresh());
        time.addListener((o, a, b) -> refresh());
        unit.addListener((o, a, b) -> refresh());
        part.addListener((o, a, b) -> refreshFormula());
        concealed.addListener((o, a, b) -> refresh());
        hover.addListener((o, a, b) -> refreshFormula());
        speed.addListener((o, a, b) -> speedText.set(Num.shortFmt(SPEEDS[b.intValue()]) + " updates/s"));
        speedText.set(Num.shortFmt(SPEEDS[speed.get()]) + " updates/s");
        playing.addListener((o, a, b) -> due = 0);
    }

    // ------------------------------------------------------------------ loading, training, forcing

    /** Builds the network of {@code s} on the engine thread and shows its untrained frame; the forced gates are cleared. */
    public void load(RecurrentSetup s) { logLoad(s); run(() -> open(s), true, false); }

    /** As {@link #load}, and waits (export, tests). */
    public void loadNow(RecurrentSetup s) { logLoad(s); run(() -> open(s), true, true); }

    /** {@code count} more updates, a frame after each; shows the newest. */
    public void train(int count) { logTrain(count); run(() -> more(count), false, false); }

    public void trainNow(int count) { logTrain(count); run(() -> more(count), false, true); }

    // ------------------------------------------------------------------ the log, for sessions

    /**
     * What was done since the network was built, in order: the set-up, updates trained (runs
     * counted), gates forced and released. A forced gate changes training from the moment it is
     * set, so a saved session replays this log rather than keeping a count. FX thread.
     */
    private com.fasterxml.jackson.databind.node.ArrayNode log = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();

    private void logLoad(RecurrentSetup s) {
        log = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        log.addObject().putObject("load").put("cell", s.cell().type()).put("units", s.units()).put("steps", s.steps()).put("seed", s.seed());
    }

    private void logTrain(int count) {
        var last = log.isEmpty() ? null : log.get(log.size() - 1);
        if (last != null && last.has("train")) ((com.fasterxml.jackson.databind.node.ObjectNode) last).put("train", last.get("train").asLong() + count);
        else log.addObject().put("train", (long) count);
    }

    /** A copy of the log (see {@link #logTrain}). */
    public com.fasterxml.jackson.databind.node.ArrayNode log() { return log.deepCopy(); }

    /** Replays a saved log with the waiting commands; entries are checked before anything runs. */
    public void replayNow(com.fasterxml.jackson.databind.JsonNode saved, backprop.app.session.StateReader r) throws backprop.app.session.SessionException {
        if (saved == null || !saved.isArray() || saved.isEmpty() || !saved.get(0).has("load")) {
            throw r.fail("log", "expected the list of what was done, starting with {\"load\": set-up}");
        }
        java.util.List<Runnable> steps = new java.util.ArrayList<>();
        for (int k = 0; k < saved.size(); k++) {
            var e = saved.get(k);
            String at = "log[" + k + "]";
            if (e.has("load")) {
                var l = e.get("load");
                CellType cell = null;
                for (CellType c : CellType.values()) if (c.type().equals(l.path("cell").asText())) cell = c;
                if (cell == null) throw r.fail(at + ".load.cell", "expected lstm, gru or rnn");
                RecurrentSetup s;
                try {
                    s = new RecurrentSetup(cell, l.path("units").asInt(), l.path("steps").asInt(), l.path("seed").asLong());
                } catch (IllegalArgumentException bad) {
                    throw r.fail(at + ".load", bad.getMessage());
                }
                steps.add(() -> loadNow(s));
            } else if (e.has("train")) {
                long n = e.get("train").asLong(-1);
                if (n < 1 || n > backprop.engine.spec.Limits.EPOCHS) throw r.fail(at + ".train", "expected 1 to " + backprop.engine.spec.Limits.EPOCHS);
                steps.add(() -> trainNow((int) n));
            } else if (e.has("force")) {
                var f = e.get("force");
                String gate = f.path("gate").asText("");
                if (!gate.matches("[a-z_]{1,10}")) throw r.fail(at + ".force.gate", "expected a gate's name");
                Float v = f.path("value").isNumber() ? (float) f.get("value").asDouble() : null;
                if (v != null && !(v >= 0 && v <= 1)) throw r.fail(at + ".force.value", "expected 0 to 1 or null");
                steps.add(() -> forceNow(gate, v));
            } else {
                throw r.fail(at, "not an entry this version knows");
            }
        }
        for (Runnable s : steps) s.run();
    }

    /**
     * Pins {@code gate} to {@code value} for every unit (null: computed again) from now on; the
     * current network is traced again at once so the effect shows without training.
     */
    public void force(String gate, Float value) { force(gate, value, false); }

    /** As {@link #force}, and waits. */
    public void forceNow(String gate, Float value) { force(gate, value, true); }

    private void force(String gate, Float value, boolean wait) {
        Map<String, Float> next = new LinkedHashMap<>(forced.get());
        if (value == null) next.remove(gate);
        else next.put(gate, value);
        Map<String, Float> gates = Map.copyOf(next);
        forced.set(gates);
        var entry = log.addObject().putObject("force").put("gate", gate);
        if (value == null) entry.putNull("value");
        else entry.put("value", value);
        run(() -> new Result(false, null, List.of(session().force(gates))), false, wait);
    }

    private record Result(boolean fresh, RecurrentSetup setup, List<RecurrentFrame> frames) {}

    private Result open(RecurrentSetup s) {
        RecurrentSession next = opener.apply(s);
        RecurrentFrame first = next.frame();
        session = next;
        return new Result(true, s, List.of(first));
    }

    private Result more(int count) { return new Result(false, null, session().train(count)); }

    private RecurrentSession session() {
        if (session == null) throw new IllegalStateException("no network loaded yet");
        return session;
    }

    private void run(Callable<Result> work, boolean fresh, boolean wait) {
        if (fresh) {
            engine.dropPending();
            playing.set(false);
        }
        if (wait) engine.runNow(work, this::apply);
        else engine.send(work, this::apply);
    }

    private void apply(Result r, Throwable failure) {
        if (failure != null) {
            playing.set(false);
            error.set(ProblemText.line(null, failure));
            return;
        }
        error.set("");
        boolean follow = historyIndex.get() == history.size() - 1; // at the newest frame: stay there
        if (r.fresh()) {
            forced.set(Map.of()); // a new network starts with every gate computed
            setup.set(r.setup());
            historyIndex.set(-1);
            history.clear();
            follow = true;
            sequences.set(sequenceLabels(r.frames().get(0)));
            sample.set(Math.min(sample.get(), sequences.get().size() - 1));
            unit.set(Math.min(unit.get(), r.setup().units() - 1));
            time.set(Math.min(time.get(), r.setup().steps() - 1));
            if (!CellReadout.parts(r.setup().cell()).contains(part.get())) part.set(defaultPart(r.setup().cell()));
            hover.set(null);
        }
        history.addAll(r.frames());
        int drop = history.size() - MAX_HISTORY;
        int index = historyIndex.get();
        if (drop > 0) {
            history.remove(0, drop);
            index = Math.max(0, index - drop);
        }
        metrics.set(chartPoints());
        int target = follow || playing.get() ? history.size() - 1 : index;
        if (target == historyIndex.get()) refresh();
        else historyIndex.set(target);
    }

    static String defaultPart(CellType cell) {
        return switch (cell) {
            case LSTM -> "f";
            case GRU -> "z";
            case RNN -> "h";
        };
    }

    /** "sequence 1 · 1 0 1 1 …": the shown sequences, named by their bits (the first one is the answer). */
    private static List<String> sequenceLabels(RecurrentFrame f) {
        float[][] in = f.trace().input();
        List<String> out = new ArrayList<>();
        for (int n = 0; n < in.length; n++) {
            StringBuilder b = new StringBuilder("sequence " + (n + 1) + " · ");
            for (int t = 0; t < Math.min(in[n].length, 8); t++) b.append(t > 0 ? " " : "").append(Math.round(in[n][t]));
            if (in[n].length > 8) b.append(" …");
            out.add(b.toString());
        }
        return List.copyOf(out);
    }

    /** One point per update; a frame traced again after forcing replaces the point of its update. */
    private List<Metric> chartPoints() {
        List<Metric> out = new ArrayList<>();
        for (RecurrentFrame f : history) {
            if (!out.isEmpty() && out.get(out.size() - 1).step() == f.step()) out.set(out.size() - 1, f.metric());
            else out.add(f.metric());
        }
        return List.copyOf(out);
    }

    // ------------------------------------------------------------------ derived state

    private void refresh() {
        int h = historyIndex.get();
        if (h < 0 || h >= history.size()) {
            readout.set(null);
            unrolled.set(null);
            formula.set(null);
            stepText.set("");
            historyText.set("");
            answerText.set("");
            scoreText.set("");
            return;
        }
        RecurrentFrame f = history.get(h);
        int n = clamp(sample.get(), f.trace().batchSize()), t = clamp(time.get(), setup.get().steps()), j = clamp(unit.get(), setup.get().units());
        CellReadout r = CellReadout.of(f.layer(), n, t, j);
        String hide = concealed.get();
        if (hide != null && hide.endsWith("@" + t)) r = r.concealing(hide.substring(0, hide.lastIndexOf('@')));
        readout.set(r);
        unrolled.set(Unrolled.of(f.layer(), n, t, j));
        refreshFormula();
        String forcedNow = f.forced();
        stepText.set("update " + f.step() + " · t = " + (t + 1) + " of " + setup.get().steps() + " · unit " + (j + 1));
        historyText.set("after " + f.step() + (f.step() == 1 ? " update" : " updates") + " (epoch " + (f.epoch() + 1) + ")"
                + (forcedNow.isEmpty() ? "" : " · forced " + forcedNow) + " · frame " + (h + 1) + " of " + history.size());
        float out = f.trace().output()[n][0], want = f.trace().target()[n][0];
        boolean right = (out >= 0.5f) == (want >= 0.5f);
        answerText.set("first bit " + Math.round(want) + " · network says " + RecurrentText.num(out) + (right ? " ✓" : " ✗"));
        scoreText.set("accuracy " + Num.percent(f.metric().trainAccuracy()) + " train · " + Num.percent(f.metric().testAccuracy()) + " test");
    }

    private void refreshFormula() {
        CellReadout r = readout.get();
        if (r == null) {
            formula.set(null);
            return;
        }
        String p = hover.get() != null && CellReadout.parts(r.cell()).contains(hover.get()) ? hover.get() : part.get();
        if (!CellReadout.parts(r.cell()).contains(p)) p = defaultPart(r.cell());
        formula.set(CellEquations.of(r, p));
    }

    private static int clamp(int v, int size) { return Math.max(0, Math.min(v, size - 1)); }

    // ------------------------------------------------------------------ transport

    public void togglePlay() { playing.set(!playing.get()); }

    /** Forward through the history; at its end, one more update. */
    public void stepForward() {
        playing.set(false);
        if (historyIndex.get() < history.size() - 1) historyIndex.set(historyIndex.get() + 1);
        else train(1);
    }

    public void stepBack() {
        playing.set(false);
        if (historyIndex.get() > 0) historyIndex.set(historyIndex.get() - 1);
    }

    public void home() {
        playing.set(false);
        if (!history.isEmpty()) historyIndex.set(0);
    }

    public void end() {
        playing.set(false);
        if (!history.isEmpty()) historyIndex.set(history.size() - 1);
    }

    public void faster() { speed.set(Math.min(SPEEDS.length - 1, speed.get() + 1)); }

    public void slower() { speed.set(Math.max(0, speed.get() - 1)); }

    /**
     * Playback, called from the view's pulse with the seconds since the last one: owes
     * updates at the current speed and sends them when the engine has nothing in flight.
     */
    public void pulse(double seconds) {
        if (!playing.get()) return;
        due = Math.min(due + seconds * SPEEDS[speed.get()], MAX_CHUNK);
        if (due >= 1 && engine.idle()) {
            int k = (int) due;
            due -= k;
            train(k);
        }
    }

    public void dispose() {
        playing.set(false);
        engine.shutdown();
    }

    // ------------------------------------------------------------------ properties

    public ReadOnlyObjectProperty<RecurrentSetup> setupProperty() { return setup.getReadOnlyProperty(); }
    public ObservableList<RecurrentFrame> history() { return history; }
    public IntegerProperty historyIndexProperty() { return historyIndex; }
    public IntegerProperty sampleProperty() { return sample; }
    public IntegerProperty timeProperty() { return time; }
    public IntegerProperty unitProperty() { return unit; }
    public StringProperty partProperty() { return part; }

    /**
     * A quantity the cell diagram keeps hidden, as "key@t" with t 0-based ("c@1"), or null: a lesson
     * asks the student to predict it, and reveals it by setting null.
     */
    public StringProperty concealedProperty() { return concealed; }
    public StringProperty hoverProperty() { return hover; }
    public ReadOnlyObjectProperty<Map<String, Float>> forcedProperty() { return forced.getReadOnlyProperty(); }
    public BooleanProperty playingProperty() { return playing; }
    public IntegerProperty speedProperty() { return speed; }
    public ReadOnlyStringProperty speedTextProperty() { return speedText.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CellReadout> readoutProperty() { return readout.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Unrolled> unrolledProperty() { return unrolled.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Formula> formulaProperty() { return formula.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<Metric>> metricsProperty() { return metrics.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<String>> sequencesProperty() { return sequences.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stepTextProperty() { return stepText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty historyTextProperty() { return historyText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty answerTextProperty() { return answerText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty scoreTextProperty() { return scoreText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return engine.busyProperty(); }

    /** The frame shown, or null before the first arrives. */
    public RecurrentFrame frame() {
        int h = historyIndex.get();
        return h < 0 || h >= history.size() ? null : history.get(h);
    }

    public long seed() { return history.isEmpty() ? -1 : setup.get().seed(); }
}
