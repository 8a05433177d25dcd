package backprop.app.cnn;

import backprop.app.work.EngineWorker;
import backprop.engine.data.MnistDigits;
import backprop.engine.layers.conv.ConvArithmetic;
import backprop.engine.models.BuiltinModels;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.trace.LayerTrace;
import java.util.Optional;
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
 * State of the CNN view: the training run (play, pause, step, reset), the input (a held-out digit
 * or a drawing), the traced pass of that input ({@link CnnFrame}), the unit whose receptive field
 * is lit, and the convolution panel's filter, stride, padding and position. Engine work goes
 * through one {@link EngineWorker}; at most one command is out at a time, so a fast drag or a
 * running training loop never piles up work: what changed meanwhile is sent when it returns.
 */
final class CnnViewModel {
    /** Updates per command while playing: the speeds − and + step through. */
    static final int[] SPEEDS = {1, 2, 5, 10, 20};
    /** Held-out digits shown for the chosen filter: a 3×3 block. */
    static final int TOP_COUNT = 9;

    /** A unit of a feature map: layer (−1 input), channel, row, column. */
    record Unit(int layerIndex, int channel, int row, int col) {}

    private final EngineWorker worker;
    private CnnSession session; // engine thread only
    private final ReadOnlyObjectWrapper<CnnFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(this, "stepText", "");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final IntegerProperty speed = new SimpleIntegerProperty(this, "speed", 2);
    private final BooleanProperty drawMode = new SimpleBooleanProperty(this, "drawMode", false);
    private final IntegerProperty digit = new SimpleIntegerProperty(this, "digit", 0);
    private final ObjectProperty<Unit> selected = new SimpleObjectProperty<>(this, "selected");
    private final IntegerProperty filter = new SimpleIntegerProperty(this, "filter", 0);
    private final IntegerProperty stride = new SimpleIntegerProperty(this, "stride", 1);
    private final IntegerProperty padding = new SimpleIntegerProperty(this, "padding", 1);
    private final IntegerProperty position = new SimpleIntegerProperty(this, "position", 12 * 28 + 12);
    private final BooleanProperty poolMode = new SimpleBooleanProperty(this, "poolMode", false);
    private final IntegerProperty poolPosition = new SimpleIntegerProperty(this, "poolPosition", 6 * 14 + 6);
    private final ReadOnlyObjectWrapper<PoolExplanation> poolExplanation = new ReadOnlyObjectWrapper<>(this, "poolExplanation");
    private final ObjectProperty<ConvPreset> preset = new SimpleObjectProperty<>(this, "preset");
    private final ReadOnlyObjectWrapper<ConvPreset.Readout> presetReadout = new ReadOnlyObjectWrapper<>(this, "presetReadout");
    private final ReadOnlyObjectWrapper<ConvExplanation> explanation = new ReadOnlyObjectWrapper<>(this, "explanation");
    private final BooleanProperty confusionShown = new SimpleBooleanProperty(this, "confusionShown", false);
    private final DigitInk ink = new DigitInk();
    private boolean outstanding, inputChanged, pendingSteps;
    private int stepsWanted;
    private long seed = -1;
    private final int testSize = MnistDigits.builtin().testSize();

    CnnViewModel(Executor ui) {
        this(new EngineWorker("cnn", ui));
    }

    CnnViewModel(EngineWorker worker) {
        this.worker = worker;
        digit.addListener((o, a, b) -> inputChanged());
        drawMode.addListener((o, a, b) -> inputChanged());
        for (IntegerProperty p : new IntegerProperty[] {filter, stride, padding, position, poolPosition}) p.addListener((o, a, b) -> explain());
        frame.addListener((o, a, b) -> explain());
        // A preset starts from the deck's stride and padding; the spinners then move them as usual.
        preset.addListener((o, a, b) -> {
            if (b != null) {
                stride.set(b.stride());
                padding.set(b.padding());
            }
            explainPreset();
        });
        stride.addListener((o, a, b) -> explainPreset());
        padding.addListener((o, a, b) -> explainPreset());
        // Another filter needs its own ranking from the engine: ask for it as for a new input.
        filter.addListener((o, a, b) -> {
            inputChanged = true;
            pump();
        });
        playing.addListener((o, a, b) -> { if (b) pump(); });
        confusionShown.addListener((o, a, b) -> { if (b) inputChanged(); });
    }

    /** Builds a fresh network on the engine thread and traces the current input. */
    void start(Long seedOverride) {
        worker.dropPending();
        outstanding = true;
        float[] image = currentImage();
        int label = currentLabel();
        boolean conf = confusionShown.get();
        int f = filter.get();
        worker.send(() -> {
            session = CnnSession.create(seedOverride);
            return snapshot(image, label, conf, null, false, f, null);
        }, this::delivered);
    }

    /** Synchronously: a fresh network trained {@code steps} updates, the current input traced (render, tests). */
    void prepareNow(Long seedOverride, int steps) {
        playing.set(false);
        worker.dropPending();
        float[] image = currentImage();
        int label = currentLabel();
        boolean conf = confusionShown.get();
        int f = filter.get();
        worker.runNow(() -> {
            session = CnnSession.create(seedOverride);
            session.train(steps);
            return snapshot(image, label, conf, null, false, f, null);
        }, (fr, e) -> {
            outstanding = false;
            show(fr, e);
        });
    }

    /** Synchronously: {@code steps} more updates of the current network, the current input traced again (animated export). */
    void advanceNow(int steps) {
        playing.set(false);
        worker.dropPending();
        float[] image = currentImage();
        int label = currentLabel();
        boolean conf = confusionShown.get();
        Confusion last = lastConfusion();
        int f = filter.get();
        TopInputs lastTop = frame.get() == null ? null : frame.get().top();
        worker.runNow(() -> {
            session.train(steps);
            // "training" lets the held-out table and the ranking be reused for up to 40 updates, as while playing.
            return snapshot(image, label, conf, last, true, f, lastTop);
        }, (fr, e) -> {
            outstanding = false;
            show(fr, e);
        });
    }

    void togglePlay() { playing.set(!playing.get()); }

    /** One update (pauses first). */
    void stepOnce() {
        playing.set(false);
        stepsWanted += 1;
        pump();
    }

    void faster() { speed.set(Math.min(SPEEDS.length - 1, speed.get() + 1)); }

    void slower() { speed.set(Math.max(0, speed.get() - 1)); }

    void reset() {
        playing.set(false);
        stepsWanted = 0;
        start(null);
    }

    void previousDigit() { digit.set(Math.floorMod(digit.get() - 1, testSize)); }

    void nextDigit() { digit.set(Math.floorMod(digit.get() + 1, testSize)); }

    /** Drawing: the stroke reaches ({@code x}, {@code y}) in grid pixels. */
    void drawTo(double x, double y) {
        drawMode.set(true);
        ink.drawTo(x, y);
        inputChanged();
    }

    void lift() { ink.lift(); }

    void clearInk() {
        ink.clear();
        inputChanged();
    }

    float[] rawInk() { return ink.raw(); }

    /** The held-out digit at {@code index} of the 2,000, as [28·28] in [0, 1]. */
    float[] heldOut(int index) {
        MnistDigits d = MnistDigits.builtin();
        return d.image(d.trainSize() + index);
    }

    private float[] currentImage() { return drawMode.get() ? ink.prepared() : heldOut(digit.get()); }

    private int currentLabel() {
        MnistDigits d = MnistDigits.builtin();
        return drawMode.get() ? -1 : d.label(d.trainSize() + digit.get());
    }

    private void inputChanged() {
        inputChanged = true;
        selected.set(null);
        pump();
    }

    /**
     * Sends the next command if none is out: training steps (playing or stepping) and a trace of
     * the current input, or only the trace when just the input changed.
     */
    private void pump() {
        if (outstanding || session == null && frame.get() == null) return;
        int steps = playing.get() ? SPEEDS[speed.get()] : stepsWanted;
        if (steps == 0 && !inputChanged) return;
        stepsWanted = 0;
        inputChanged = false;
        outstanding = true;
        float[] image = currentImage();
        int label = currentLabel();
        boolean conf = confusionShown.get();
        Confusion last = lastConfusion();
        boolean training = playing.get();
        int f = filter.get();
        TopInputs lastTop = frame.get() == null ? null : frame.get().top();
        worker.send(() -> {
            session.train(steps);
            return snapshot(image, label, conf, last, training, f, lastTop);
        }, this::delivered);
    }

    /** Engine thread. The held-out table costs 2,000 forward passes: measured while shown, at most every 40 updates while training. */
    private CnnFrame snapshot(float[] image, int label, boolean confusion, Confusion last, boolean training, int filter, TopInputs lastTop) {
        CnnSession s = session;
        seed = s.seed;
        Confusion c = !confusion ? null
                : last != null && (last.step() == s.steps() || training && s.steps() - last.step() < 40) ? last : s.confusion();
        // The ranking runs all 2,000 held-out digits through the network: redone, like the table, at most every 40 updates while training.
        TopInputs top = lastTop != null && lastTop.filter() == filter
                && (lastTop.step() == s.steps() || training && s.steps() - lastTop.step() < 40) ? lastTop : s.topInputs(filter, TOP_COUNT);
        return new CnnFrame(s.steps(), s.epochs(), s.history(), s.inspect(image, label), s.lastTraining(), label, c, top);
    }

    private Confusion lastConfusion() {
        CnnFrame f = frame.get();
        return f == null ? null : f.confusion();
    }

    private void delivered(CnnFrame f, Throwable e) {
        outstanding = false;
        show(f, e);
        pump();
    }

    private void show(CnnFrame f, Throwable e) {
        if (e != null) {
            playing.set(false);
            message.set("The engine stopped: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return;
        }
        frame.set(f);
        message.set("");
        stepText.set(String.format(java.util.Locale.ROOT, "step %,d · epoch %.2f", f.step(), f.epochs()));
    }

    private void explainPreset() {
        ConvPreset p = preset.get();
        presetReadout.set(p == null ? null : p.readout(stride.get(), padding.get()));
    }

    private void explain() {
        CnnFrame f = frame.get();
        if (f == null) return;
        LayerTrace conv = f.inspected().layers().get(0);
        int filters = conv.tensor("weights").dim(0);
        explanation.set(ConvExplanation.of(conv, Math.floorMod(filter.get(), filters), stride.get(), padding.get(), position.get()));
        for (LayerTrace l : f.inspected().layers()) {
            if (l.type().equals("maxpool") || l.type().equals("avgpool")) {
                poolExplanation.set(PoolExplanation.of(l, filter.get(), poolPosition.get()));
                break;
            }
        }
    }

    /** The input pixels unit {@code u}'s value depends on, corners inclusive; empty for the input itself. */
    Optional<ConvArithmetic.Region> receptiveField(Unit u) {
        if (u == null || u.layerIndex() < 0) return Optional.empty();
        ConvArithmetic.ReceptiveField field = ConvArithmetic.ReceptiveField.of(SPEC, u.layerIndex());
        return Optional.of(field.region(u.row(), u.col(), DigitInk.SIDE, DigitInk.SIDE));
    }

    /** The network file the session trains (immutable): the receptive fields are read from its windows. */
    private static final NetworkSpec SPEC = builtinSpec();

    private static NetworkSpec builtinSpec() {
        try {
            return BuiltinModels.spec(CnnSession.MODEL);
        } catch (SpecException e) {
            throw new IllegalStateException("built-in model " + CnnSession.MODEL + ": " + e.getMessage(), e);
        }
    }

    void shutdown() {
        playing.set(false);
        worker.shutdown();
    }

    boolean idle() { return worker.idle() && !outstanding; }

    long seed() { return seed; }

    ReadOnlyObjectProperty<CnnFrame> frameProperty() { return frame.getReadOnlyProperty(); }
    /** The decks' example the panel sizes instead of conv1; null: conv1 on the current input. */
    ObjectProperty<ConvPreset> presetProperty() { return preset; }
    ReadOnlyObjectProperty<ConvPreset.Readout> presetReadoutProperty() { return presetReadout.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<ConvExplanation> explanationProperty() { return explanation.getReadOnlyProperty(); }
    ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    ReadOnlyStringProperty stepTextProperty() { return stepText.getReadOnlyProperty(); }
    BooleanProperty playingProperty() { return playing; }
    IntegerProperty speedProperty() { return speed; }
    BooleanProperty drawModeProperty() { return drawMode; }
    IntegerProperty digitProperty() { return digit; }
    ObjectProperty<Unit> selectedProperty() { return selected; }
    IntegerProperty filterProperty() { return filter; }
    IntegerProperty strideProperty() { return stride; }
    IntegerProperty paddingProperty() { return padding; }
    IntegerProperty positionProperty() { return position; }
    BooleanProperty confusionShownProperty() { return confusionShown; }
    BooleanProperty poolModeProperty() { return poolMode; }
    IntegerProperty poolPositionProperty() { return poolPosition; }
    ReadOnlyObjectProperty<PoolExplanation> poolExplanationProperty() { return poolExplanation.getReadOnlyProperty(); }

    /** Shows the next held-out digit labelled {@code label} that the network called {@code answer}. */
    void showExample(int label, int answer) {
        CnnFrame f = frame.get();
        if (f == null || f.confusion() == null) return;
        int i = f.confusion().next(label, answer, drawMode.get() ? -1 : digit.get());
        if (i < 0) return;
        drawMode.set(false);
        digit.set(i);
    }
    int testSize() { return testSize; }
}
