package backprop.app.playground;

import backprop.app.draw.Metric;
import backprop.app.playground.PlaygroundFrame.Plane;
import backprop.app.playground.PlaygroundFrame.Points;
import backprop.app.playground.PlaygroundSetup.Kind;
import backprop.engine.autodiff.Activation;
import backprop.engine.data.Dataset;
import backprop.engine.data.Datasets;
import backprop.engine.data.Feature;
import backprop.engine.data.table.GeneratedTables;
import backprop.engine.data.table.Table;
import backprop.engine.data.table.TableData;
import backprop.engine.data.table.TableSource;
import backprop.engine.spec.SpecException;
import backprop.engine.layers.dense.Dense;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.nn.UnitActivity;
import backprop.engine.tensor.Tensor;
import backprop.engine.train.Confusion;
import backprop.engine.train.Metrics;
import backprop.engine.train.PerceptronTrainer;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The engine side of the playground: the data, the model and its trainer (or the perceptron
 * rule), and the frames the view draws. Confined to one engine thread by the view-model and not
 * thread-safe on purpose. Deterministic: the same setup and the same calls give the same frames.
 */
public final class PlaygroundSession {
    /** Heat-map resolution: grid × grid samples of the plane per unit. */
    public static final int GRID = 48;
    /** Charts keep at most this many points; older halves are thinned so long runs stay cheap. */
    static final int HISTORY_LIMIT = 2000;

    private PlaygroundSetup setup;
    // Data: the points as the user sees them (2-D, or the table rows), split into train and test.
    private float[][] points;
    private float[][] targets;
    private Dataset rawTrain, rawTest;
    private Dataset train, test;
    private Plane plane;
    /** Feature columns of the data: 2 for the plane, 1 for a curve, more for a table drawn as a slice. */
    private int columns = 2;
    /** Their names (a table's headers; x1, x2 for the plane). */
    private List<String> columnNames = List.of("x1", "x2");
    /** The two columns the map spans when there are more than two; the others are held at their training mean. */
    private int[] axes = {0, 1};
    /** The value each column is held at in the slice: its training mean, as the engine's {@code Scaling} computes it. */
    private float[] held;
    /** Rows of {@link #points} in training and in the test, ascending (the seeded split). */
    private int[] trainRows = new int[0], testRows = new int[0];
    /** Points as drawn (projected onto the slice's two axes), made once per data and axes. */
    private Points trainPoints, testPoints;
    /** The data grid's rows, made once per data. */
    private PlaygroundFrame.Data data;
    /** Data as it was before each edit (points, targets), newest last, for undo. */
    private final java.util.ArrayDeque<float[][][]> undo = new java.util.ArrayDeque<>();
    static final int UNDO_LIMIT = 200;
    // Learning: a model and its trainer, or the perceptron rule.
    private Model model;
    /** The network file the model was built from (weights as initialised); null for the perceptron. */
    private NetworkSpec built;
    private Trainer trainer;
    private PerceptronTrainer perceptron;
    private int lastSample = -1;
    private boolean lastWasUpdate;
    private Random shuffle;
    private int[] order;
    private int cursor;
    private long steps;
    private int epochs;
    private final List<Metric> history = new ArrayList<>();
    /** Steps at which a weight or bias was set by hand. */
    private final List<Long> edits = new ArrayList<>();
    private int thinning = 1;
    /** What was done to this session, for saving it (a replay gives the same state). */
    private final PlaygroundLog log = new PlaygroundLog();
    private long recorded;

    /** Applies new settings: regenerates data and rebuilds the network only where they changed. */
    public void apply(PlaygroundSetup next) {
        check(next);
        PlaygroundSetup before = setup;
        setup = next;
        boolean newData = !next.sameData(before);
        if (newData) generate();
        boolean newNetwork = !next.sameNetwork(before);
        split();
        if (newNetwork) rebuild();
        else if (model != null) retune(); // new optimiser settings, same weights
        dirty = true;
        if (newData && !newNetwork) restartEpoch();
        log.applied(next);
    }

    /**
     * The network as it is now, weights included, in the network format; null for the perceptron.
     * Data that was read from a table or edited here goes with it as a table written into the
     * file (the values the network reads, so without a second standardisation; the same test
     * share and seed give the same split), so the file alone trains on what the session did.
     */
    String networkJson() {
        if (model == null || built == null) return null;
        NetworkSpec spec = backprop.engine.spec.SpecWriter.withWeights(built, model);
        boolean ownData = setup.imported() != null || !undo.isEmpty();
        if (ownData && setup.isPlanar() && train.inputs() == columns && points.length <= backprop.engine.spec.Limits.EMBEDDED_ROWS) {
            spec = spec.withDataset(embedded());
        }
        return backprop.engine.spec.SpecWriter.toJson(spec);
    }

    /** The data as a table written into a network file: the feature columns, then the label. */
    private NetworkSpec.DatasetSpec embedded() {
        PlaygroundFrame.Data d = data();
        List<String> header = new ArrayList<>(d.columns());
        header.add(d.label());
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < d.rows(); r++) {
            List<String> row = new ArrayList<>();
            for (float v : d.x()[r]) row.add(Float.toString(v));
            row.add(d.values() != null ? Float.toString(d.values()[r]) : d.classNames().get(d.labels()[r]));
            rows.add(row);
        }
        String task = setup.isRegression() ? "regression" : "classification";
        return new NetworkSpec.DatasetSpec(null, null, null, setup.isTable() ? null : setup.testRatio(), setup.dataSeed(), null, null, null, null,
                new NetworkSpec.EmbeddedTable(header, rows), d.label(), task, null, null);
    }

    /** The log of everything done so far (a copy). */
    com.fasterxml.jackson.databind.node.ArrayNode log() { return log.json(); }

    public PlaygroundSetup setup() { return setup; }

    /** Refuses settings no network can train with, before anything changes. */
    static void check(PlaygroundSetup s) {
        if (s.kind() == Kind.PERCEPTRON && !s.isPlanar()) {
            throw new IllegalArgumentException("the perceptron here works on 2-D data; pick a 2-D dataset first");
        }
        if (s.isRegression() && s.kind() == Kind.NETWORK && s.handBuilt() == null && !"mse".equals(s.loss())) {
            throw new IllegalArgumentException("a regression learns a number, not a probability: use the mse loss (and an identity output)");
        }
        if (s.isRegression() && s.kind() == Kind.PERCEPTRON) {
            throw new IllegalArgumentException("the perceptron separates two classes; pick a data set of two classes first");
        }
        if (PlaygroundSetup.IMPORTED.equals(s.dataset()) && s.imported() == null) {
            throw new IllegalArgumentException("no file is imported: use Import data… to read a CSV or TSV file");
        }
        if (s.kind() == Kind.PERCEPTRON && s.columns() != 2) {
            throw new IllegalArgumentException("the perceptron here works on two inputs; this data has " + s.columns() + " feature columns");
        }
        // A formula that does not parse, or has no value somewhere in the square, is refused before anything changes.
        if (s.isGeneratedTable() && s.formula() != null) generated(s);
        if (s.kind() == Kind.NETWORK && s.handBuilt() == null && "binary_cross_entropy".equals(s.loss()) && !"sigmoid".equals(s.output())) {
            throw new IllegalArgumentException("binary cross-entropy needs probabilities: use a sigmoid output (or the mse loss)");
        }
        if (s.kind() == Kind.NETWORK && s.handBuilt() == null && s.classCount() > 2 && !("softmax".equals(s.output()) && "cross_entropy".equals(s.loss()))) {
            throw new IllegalArgumentException(s.classCount() + " classes need one output per class: use a softmax output with the cross_entropy loss");
        }
        if (s.kind() == Kind.PERCEPTRON && s.classCount() > 2) {
            throw new IllegalArgumentException("the perceptron separates two classes; pick a data set of two classes first");
        }
        if (s.hidden().size() > PlaygroundSetup.MAX_LAYERS) {
            throw new IllegalArgumentException("at most " + PlaygroundSetup.MAX_LAYERS + " hidden layers");
        }
        for (PlaygroundSetup.Hidden h : s.hidden()) {
            if (!h.isMerge() && h.units() < 1 || h.units() > PlaygroundSetup.MAX_UNITS) {
                throw new IllegalArgumentException("a hidden layer has 1 to " + PlaygroundSetup.MAX_UNITS + " units, not " + h.units());
            }
        }
        String wiring = s.kind() == Kind.NETWORK ? HiddenWiring.problem(s.hidden(), s.inputCount()) : null;
        if (wiring != null) throw new IllegalArgumentException(wiring);
        if (s.isPlanar() && s.features().isEmpty() && s.handBuilt() == null && s.kind() == Kind.NETWORK) {
            throw new IllegalArgumentException("choose at least one input feature");
        }
        if (!(s.learningRate() > 0) || !Double.isFinite(s.learningRate())) {
            throw new IllegalArgumentException("the learning rate must be a positive number, not " + s.learningRate());
        }
    }

    /** Fresh initial weights from the setup's seed, counters and charts cleared. */
    public void reset() {
        rebuild();
        log.reset();
    }

    // ------------------------------------------------------------------ data

    private void generate() {
        undo.clear();
        columns = setup.columns();
        if (axes[0] >= columns || axes[1] >= columns) axes = new int[] {0, 1};
        columnNames = List.of("x1", "x2");
        if (setup.imported() != null) {
            imported(setup.imported());
            return;
        }
        if (setup.isGeneratedTable()) {
            Table t = generated(setup);
            columnNames = t.featureNames().size() == 2 ? columnNames : t.featureNames();
            points = t.x();
            targets = new float[t.rows()][];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = t.isRegression() ? new float[] {t.targets()[i]}
                        : t.classCount() > 2 ? oneHot(t.classes()[i], t.classCount()) : new float[] {t.classes()[i]};
            }
        } else {
            Dataset d = Datasets.byName(setup.dataset(), setup.samples(), setup.noise(), setup.dataSeed(), 0);
            points = d.x();
            targets = d.y();
        }
        // The 8-3-8 codes and the majority table are wider than the plane: their own width.
        if (points.length > 0) columns = points[0].length;
        boolean table = setup.isTable();
        plane = !setup.isPlanar() || columns == 1 ? null : table ? new Plane(-0.5, 1.5, GRID) : new Plane(-1.1, 1.1, GRID);
    }

    /** Adds a point of class {@code label} (0 or 1, or 0 to K − 1) at (x1, x2); data of two columns only. */
    public void addPoint(float x1, float x2, int label) {
        if (plane == null || columns != 2) throw new IllegalStateException("points can only be added to data of two columns");
        if (setup.isRegression()) throw new IllegalStateException("a regression's points carry a number: paint them with a target value");
        int k = targets.length == 0 ? Math.max(1, setup.classCount() > 2 ? setup.classCount() : 1) : targets[0].length;
        append(new float[] {x1, x2}, k > 1 ? oneHot(label, k) : new float[] {label});
        dataEdited();
        log.added(x1, x2, label);
    }

    /**
     * Adds a point of a regression with target {@code value}: at (x1, x2) on the plane, or at x
     * = {@code x1} on a curve of one input ({@code x2} ignored).
     */
    public void addValue(float x1, float x2, float value) {
        if (!setup.isRegression() || !(columns == 1 || columns == 2 && plane != null)) {
            throw new IllegalStateException("target values are painted on a regression of one or two inputs");
        }
        append(columns == 1 ? new float[] {x1} : new float[] {x1, x2}, new float[] {value});
        dataEdited();
        log.addedValue(x1, x2, value);
    }

    private void append(float[] point, float[] target) {
        remember();
        points = Arrays.copyOf(points, points.length + 1);
        targets = Arrays.copyOf(targets, targets.length + 1);
        points[points.length - 1] = point;
        targets[targets.length - 1] = target;
        split();
    }

    /**
     * Sets one cell of the data: feature column {@code column} of row {@code row}, or with
     * {@code column} = the number of feature columns, its label (a class index, or a regression's
     * target). The engine trains on the edited data from the next step; the point moves with it.
     */
    public void setCell(int row, int column, float value) {
        if (row < 0 || row >= points.length) throw new IllegalArgumentException("no row " + (row + 1) + " (the data has " + points.length + ")");
        if (column < 0 || column > columns) throw new IllegalArgumentException("no column " + (column + 1) + " (the data has " + (columns + 1) + ")");
        if (!Float.isFinite(value)) throw new IllegalArgumentException("a cell holds a finite number, not " + value);
        int k = targets[row].length;
        if (column == columns && !setup.isRegression() && (value != Math.rint(value) || value < 0 || value >= Math.max(2, k))) {
            throw new IllegalArgumentException("row " + (row + 1) + ": the class is one of the data's " + Math.max(2, k) + " classes");
        }
        remember();
        // Fresh arrays: frames already handed to the screen keep the rows they were made from.
        points = points.clone();
        targets = targets.clone();
        if (column < columns) {
            points[row] = points[row].clone();
            points[row][column] = value;
        } else {
            targets[row] = setup.isRegression() ? new float[] {value} : k > 1 ? oneHot((int) value, k) : new float[] {value};
        }
        split();
        dataEdited();
        log.cell(row, column, value);
    }

    /** Takes back the last edit of the data (a cell, an added or removed point); false when there is none. */
    public boolean undoData() {
        if (undo.isEmpty()) return false;
        float[][][] before = undo.removeLast();
        points = before[0];
        targets = before[1];
        split();
        dataEdited();
        log.undoData();
        return true;
    }

    /** The data as generated or read, every edit dropped. */
    public void restoreData() {
        generate();
        split();
        dataEdited();
        log.restoreData();
    }

    /**
     * After an edit of the data part-way through training: the loss and accuracy are measured
     * again on the edited data and recorded at this step, as after a weight edit, so the curve
     * ends where the figures beside it read, and the chart marks the step.
     */
    private void dataEdited() {
        if (steps > 0 && !history.isEmpty()) edited();
    }

    private void remember() {
        undo.addLast(new float[][][] {points, targets});
        if (undo.size() > UNDO_LIMIT) undo.removeFirst();
    }

    /**
     * The two feature columns the map spans when the data has more than two ({@code x} across,
     * {@code y} up); the others are held at their training mean. The network is unchanged.
     */
    public void setAxes(int x, int y) {
        if (columns <= 2 || plane == null) throw new IllegalStateException("the data has " + columns + " feature columns over no plane: no slice to choose");
        if (x < 0 || y < 0 || x >= columns || y >= columns || x == y) {
            throw new IllegalArgumentException("choose two different columns of the " + columns);
        }
        axes = new int[] {x, y};
        project();
        gridInputs = null;
        log.axes(x, y);
    }

    /**
     * A table read from a file: the engine scales it as its settings say (all rows, in file order;
     * the session splits them as it splits every set), and the plane grows to hold every point.
     */
    private void imported(PlaygroundSetup.Imported i) {
        TableData d;
        try {
            d = TableSource.prepare(i.scalingOnly(), i.table(), i.name(), setup.dataSeed(), i.classes() > 2 ? i.classes() : 1);
        } catch (SpecException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        points = d.train().x();
        targets = d.train().y();
        columnNames = i.table().featureNames();
        float reach = 1f;
        for (float[] p : points) for (float v : p) reach = Math.max(reach, Math.abs(v));
        plane = columns == 1 ? null : new Plane(-1.1 * reach, 1.1 * reach, GRID);
    }

    /** The engine's set for {@code s}; a formula that does not parse or is undefined somewhere gives its one-line reason. */
    private static Table generated(PlaygroundSetup s) {
        try {
            return GeneratedTables.generate(s.dataset(), s.samples(), s.noise(), s.dataSeed(), null, s.formula());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(s.formula() == null ? e.getMessage() : "f = " + s.formula() + ": " + e.getMessage());
        }
    }

    private static float[] oneHot(int k, int classes) {
        float[] v = new float[classes];
        v[k] = 1f;
        return v;
    }

    /** Removes the point nearest (x1, x2) if one lies within {@code radius}; true if one went. */
    public boolean removeNear(float x1, float x2, double radius) {
        if (columns != 2) return false;
        int best = -1;
        double bestD = radius * radius;
        for (int i = 0; i < points.length; i++) {
            double dx = points[i][0] - x1, dy = points[i][1] - x2, d = dx * dx + dy * dy;
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        if (best < 0) return false;
        remember();
        points = remove(points, best);
        targets = remove(targets, best);
        split();
        log.removed(x1, x2, radius);
        return true;
    }

    private static float[][] remove(float[][] a, int i) {
        float[][] out = new float[a.length - 1][];
        System.arraycopy(a, 0, out, 0, i);
        System.arraycopy(a, i + 1, out, i, a.length - i - 1);
        return out;
    }

    private void split() {
        Dataset all = new Dataset(setup.dataset(), points, targets, columns == 2 && setup.isPlanar() ? List.of("x1", "x2") : names());
        int[][] rows = setup.isTable() ? new int[][] {identity(points.length), new int[0]} : Dataset.splitRows(points.length, setup.testRatio(), setup.dataSeed());
        trainRows = rows[0];
        testRows = rows[1];
        rawTrain = all.subset(trainRows);
        rawTest = all.subset(testRows);
        train = features(rawTrain);
        test = features(rawTest);
        dirty = true;
        gridInputs = null;
        data = null;
        if (columns > 2 && plane != null) {
            boolean[] every = new boolean[columns];
            Arrays.fill(every, true);
            var means = backprop.engine.data.table.Scaling.fit(names(), points, trainRows, every).features();
            held = new float[columns];
            for (int c = 0; c < columns; c++) held[c] = (float) means.get(c).mean();
        }
        project();
        if (order != null && order.length != train.size()) restartEpoch();
    }

    /** The feature columns' names as the data grid and the slice show them. */
    private List<String> names() {
        return columnNames.size() == columns ? columnNames : new Dataset("", new float[][] {new float[columns]}, new float[][] {{0}}).featureNames();
    }

    /** The drawn points: as they are on the plane and the curve, on the slice's two axes for more columns. */
    private void project() {
        trainPoints = points(rawTrain);
        testPoints = points(rawTest);
    }

    private List<Feature> features() {
        return setup.kind() == Kind.PERCEPTRON || setup.handBuilt() != null ? List.of(Feature.X1, Feature.X2) : setup.features();
    }

    /** The network's inputs: features computed from (x1, x2) on the plane; a table's own columns when it has one or more than two. */
    private Dataset features(Dataset raw) {
        return setup.isPlanar() && columns == 2 ? Feature.expand(raw, features()) : raw;
    }

    // ------------------------------------------------------------------ learning

    private void rebuild() {
        dirty = true;
        gridInputs = null;
        steps = 0;
        epochs = 0;
        history.clear();
        edits.clear();
        thinning = 1;
        recorded = 0;
        lastSample = -1;
        lastWasUpdate = false;
        shuffle = new Random(setup.seed());
        restartEpoch();
        if (setup.kind() == Kind.PERCEPTRON) {
            model = null;
            trainer = null;
            perceptron = new PerceptronTrainer(2, (float) setup.learningRate());
        } else {
            perceptron = null;
            NetworkSpec spec = setup.toSpec(train.inputs() == 0 ? setup.inputCount() : train.inputs(), targets[0].length);
            built = spec;
            model = ModelFactory.build(spec, setup.seed());
            trainer = new Trainer(model, trainConfig());
        }
        record();
    }

    private TrainConfig trainConfig() {
        return setup.trainConfig();
    }

    /**
     * A new rate reaches the running optimiser, keeping its momentum or Adam moments; any other
     * change of the training settings starts a fresh optimiser on the same weights.
     */
    private void retune() {
        TrainConfig next = trainConfig();
        if (trainer != null && trainer.config().withLearningRate(next.learningRate()).equals(next)) {
            trainer.setLearningRate(next.learningRate());
        } else {
            trainer = new Trainer(model, next);
        }
    }

    /** The model in use (null for the perceptron), for tests that check a drawing against the engine. */
    Model modelForTests() { return model; }

    /** The inputs the engine trains on now, for tests of edits. */
    float[][] trainingInputsForTests() { return train.x(); }

    /** The trainer in use (null for the perceptron), for tests of what actually runs. */
    Trainer trainer() { return trainer; }

    private void restartEpoch() {
        order = null;
        cursor = 0;
    }

    /** False when no update can change anything: step units have no gradient. */
    public boolean trainable() {
        if (model == null) return true;
        for (Layer l : model.layers()) if (l instanceof Dense d && !d.activation().equals(Activation.STEP)) return true;
        return false;
    }

    /**
     * One update: a minibatch of the current epoch (in a seeded shuffled order) for a network, the
     * next sample for the perceptron rule. Throws {@code TrainingDivergedException} if R stops being
     * a number.
     */
    public void step() {
        if (train.size() == 0) return;
        update();
        record();
        log.step();
    }

    /** One update without measuring (an epoch measures once, at its end). */
    private void update() {
        if (perceptron != null) {
            lastSample = perceptron.cursor();
            lastWasUpdate = perceptron.visit(train);
            steps++;
            if (perceptron.cursor() == 0) epochs++;
            return;
        }
        int n = train.size();
        int b = setup.batchSize() <= 0 || setup.batchSize() >= n ? n : setup.batchSize();
        if (order == null) order = b == n ? identity(n) : Dataset.permutation(n, shuffle);
        int[] idx = Arrays.copyOfRange(order, cursor, Math.min(n, cursor + b));
        Dataset batch = train.subset(idx);
        trainer.step(batch.inputsTensor(), batch.targetsTensor());
        steps++;
        cursor += idx.length;
        if (cursor >= n) {
            epochs++;
            restartEpoch();
        }
    }

    /** Updates until the current epoch is complete (a whole epoch if one just ended). */
    public void epoch() {
        if (train.size() == 0) return;
        int start = epochs;
        while (epochs == start) update();
        record();
        log.epoch();
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        return p;
    }

    /** Sets w_ij of layer {@code layer} (0 = first) to {@code value}; the maps follow at the next frame. */
    public void setWeight(int layer, int i, int j, float value) {
        if (trainer != null) trainer.beforeParameterEdit(); // the traces already recorded keep their values
        dense(layer).weights().value().set(i, j, value);
        edited();
        log.weight(layer, i, j, value);
    }

    /** Sets bias b_j of layer {@code layer}. */
    public void setBias(int layer, int j, float value) {
        if (trainer != null) trainer.beforeParameterEdit();
        dense(layer).bias().value().data()[j] = value;
        edited();
        log.bias(layer, j, value);
    }

    /**
     * After a hand edit the loss is measured again and recorded at this step (replacing the
     * point recorded there before the edit), so the curve ends where the loss figure reads, and
     * the step is kept so the chart can mark it.
     */
    private void edited() {
        dirty = true;
        Metric now = measure();
        if (!history.isEmpty() && history.get(history.size() - 1).step() == steps) history.set(history.size() - 1, now);
        else history.add(now);
        if (edits.isEmpty() || edits.get(edits.size() - 1) != steps) edits.add(steps);
    }

    private Dense dense(int layer) {
        if (model == null) throw new IllegalStateException("the perceptron's weights follow its rule; switch to a network to edit weights");
        if (!(model.layers().get(layer) instanceof Dense d)) throw new IllegalArgumentException(model.layers().get(layer).type() + " has fixed connections of weight 1: nothing to edit");
        return d;
    }

    public long steps() { return steps; }

    public int epochs() { return epochs; }

    // ------------------------------------------------------------------ measuring

    private void record() {
        recorded++;
        if (recorded % thinning != 0) return;
        history.add(measure());
        if (history.size() >= HISTORY_LIMIT) {
            // Keep every other point and record half as often from now on.
            List<Metric> kept = new ArrayList<>();
            for (int i = 0; i < history.size(); i += 2) kept.add(history.get(i));
            history.clear();
            history.addAll(kept);
            thinning *= 2;
        }
    }

    private Metric measured;

    /** Loss and accuracy now, on both sets; measured once per state, however often it is asked. */
    private Metric measure() {
        if (measured != null && measured.step() == steps && measured.epoch() == epochs && !dirty) return measured;
        float[] tr = evaluate(train), te = evaluate(test);
        dirty = false;
        return measured = new Metric(steps, epochs, tr[0], te[0], tr[1], te[1]);
    }

    /** Set when something other than an update changes the numbers (an edit, new data). */
    private boolean dirty = true;

    /** {loss, accuracy} on a set; NaN for an empty set (and for the perceptron's loss). */
    private float[] evaluate(Dataset d) {
        if (d.size() == 0) return new float[] {Float.NaN, Float.NaN};
        if (perceptron != null) {
            int correct = 0;
            for (int n = 0; n < d.size(); n++) if ((perceptron.predict(d.x()[n]) > 0) == (d.label(n) == 1)) correct++;
            return new float[] {Float.NaN, (float) correct / d.size()};
        }
        float[] r = trainer.evaluate(d);
        if (setup.isRegression()) r[1] = Float.NaN; // a number learned has no right or wrong answer
        return r;
    }

    /** What the view draws now. */
    public PlaygroundFrame frame() {
        Model m = perceptron != null ? perceptronModel() : model;
        int layers = m.layers().size();
        int[] sizes = new int[layers + 1];
        sizes[0] = m.inputSize();
        List<String> acts = new ArrayList<>();
        List<float[][]> ws = new ArrayList<>();
        List<float[]> bs = new ArrayList<>();
        List<int[]> sources = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            Layer layer = m.layers().get(l);
            sizes[l + 1] = layer.outputSize();
            sources.add(m.sources(l));
            if (layer instanceof Dense d) {
                acts.add(d.activation().id());
                ws.add(d.weights().value().toArray2D());
                bs.add(d.bias().value().toArray());
            } else { // a merge: its identity connections carry no weights
                acts.add(layer.type());
                ws.add(new float[0][]);
                bs.add(new float[0]);
            }
        }
        List<String> names = setup.isPlanar() && columns == 2 ? features().stream().map(Feature::label).toList() : train.featureNames();
        Metric now = measure();
        PlaygroundFrame.Hidden hidden = hidden(m);
        return new PlaygroundFrame(setup, steps, epochs, names, sizes, acts, ws, bs, sources, plane, maps(m),
                trainPoints, testPoints, now.trainLoss(), now.testLoss(), now.trainAccuracy(), now.testAccuracy(),
                List.copyOf(history), List.copyOf(edits), hidden, hiddenMap(m, hidden), table(m), perceptronState(), perceptron != null || trainable(),
                stall(), setup.classCount(), confusion(), fit(), slice(), curve(), data());
    }

    /** Which two columns the map spans and where the others are held, for data of more than two columns; else null. */
    private PlaygroundFrame.Slice slice() {
        if (columns <= 2 || plane == null) return null;
        return new PlaygroundFrame.Slice(names(), axes[0], axes[1], held.clone());
    }

    /** Points sampled across x for a curve y = f(x) of one input. */
    static final int CURVE_SAMPLES = 200;

    /** A regression of one input: the network's answer over x, a little beyond the data on both sides; else null. */
    private PlaygroundFrame.Curve curve() {
        if (columns != 1 || model == null || points.length == 0) return null;
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (float[] p : points) { lo = Math.min(lo, p[0]); hi = Math.max(hi, p[0]); }
        float pad = Math.max(1e-3f, (hi - lo) * 0.05f);
        lo -= pad;
        hi += pad;
        float[][] xs = new float[CURVE_SAMPLES][1];
        for (int i = 0; i < CURVE_SAMPLES; i++) xs[i][0] = lo + (hi - lo) * i / (CURVE_SAMPLES - 1);
        float[] ys = model.predict(Tensor.matrix(xs)).toArray();
        float[] x = new float[CURVE_SAMPLES];
        for (int i = 0; i < CURVE_SAMPLES; i++) x[i] = xs[i][0];
        return new PlaygroundFrame.Curve(x, ys, names().get(0));
    }

    /** The data as a grid: every row, its label and whether the seeded split put it in the test; made once per data. */
    private PlaygroundFrame.Data data() {
        if (data != null) return data;
        if (!setup.isPlanar()) return null;
        boolean[] inTest = new boolean[points.length];
        for (int r : testRows) inTest[r] = true;
        int[] labels = new int[points.length];
        float[] values = setup.isRegression() ? new float[points.length] : null;
        for (int r = 0; r < points.length; r++) {
            if (values != null) values[r] = targets[r][0];
            else labels[r] = targets[r].length == 1 ? Math.round(targets[r][0]) : argmax(targets[r]);
        }
        var i = setup.imported();
        List<String> classes = setup.isRegression() ? List.of() : i != null ? i.table().classNames() : classNames(setup.classCount());
        String label = i != null ? i.table().labelName() : setup.isRegression() ? "y" : "class";
        boolean scaled = i != null && i.spec().standardize() != null;
        return data = new PlaygroundFrame.Data(names(), label, classes, points, labels, values, inTest, scaled, !undo.isEmpty());
    }

    /** Class names of a generated set: 0 and 1 for two classes (blue, orange), 1 to K for more. */
    private static List<String> classNames(int k) {
        List<String> n = new ArrayList<>();
        for (int c = 0; c < k; c++) n.add(String.valueOf(k == 2 ? c : c + 1));
        return n;
    }

    /** A regression's targets against the network's answers, with the engine's mean squared error. */
    private PlaygroundFrame.Fit fit() {
        if (model == null || !setup.isRegression()) return null;
        Dataset d = test.size() > 0 ? test : train;
        if (d.size() == 0) return null;
        Tensor predicted = model.predict(d.inputsTensor());
        float[] truth = new float[d.size()];
        for (int i = 0; i < truth.length; i++) truth[i] = d.y()[i][0];
        return new PlaygroundFrame.Fit(truth, predicted.toArray(), Metrics.meanSquaredError(predicted, d.targetsTensor()), test.size() > 0, range());
    }

    /** The largest |target| of all points (at least a small positive number): the regression's colour scale. */
    private float range() {
        float r = 1e-6f;
        for (float[] t : targets) r = Math.max(r, Math.abs(t[0]));
        return r;
    }

    /** The engine's confusion matrix for more than two classes, on the test points (the training points without a test share). */
    private Confusion confusion() {
        if (model == null || setup.classCount() <= 2) return null;
        Dataset d = test.size() > 0 ? test : train;
        if (d.size() == 0) return null;
        return Confusion.of(model.predict(d.inputsTensor()), d.targetsTensor(), setup.classCount());
    }

    /** The perceptron as a one-unit step network, so its map comes from the same engine forward pass. */
    private Model perceptronModel() {
        float[] w = perceptron.weights();
        Dense unit = new Dense("perceptron", new Tensor(new float[] {w[1], w[2]}, 2, 1), Tensor.vector(w[0]), Activation.STEP);
        return new Model(2, List.of(unit), backprop.engine.nn.Loss.MSE);
    }

    private PlaygroundFrame.Perceptron perceptronState() {
        if (perceptron == null) return null;
        return new PlaygroundFrame.Perceptron(perceptron.weights(), perceptron.updates().size(), perceptron.epochs(),
                perceptron.converged(), perceptron.cycleStartEpoch(), lastSample, lastWasUpdate);
    }

    private Tensor gridInputs;

    /** The plane's grid points as the model's inputs (features computed from each point); made once per data and features. */
    private Tensor gridInputs() {
        if (gridInputs != null) return gridInputs;
        int g = plane.grid();
        float[][] xy = new float[g * g][];
        for (int r = 0; r < g; r++)
            for (int c = 0; c < g; c++) xy[r * g + c] = new float[] {(float) plane.coordinate(c), (float) plane.coordinate(g - 1 - r)};
        if (columns == 2) return gridInputs = Tensor.matrix(Feature.expand(xy, features()));
        // A slice: the two chosen columns vary over the grid, every other one stays at its training mean.
        float[][] rows = new float[xy.length][];
        for (int i = 0; i < xy.length; i++) {
            rows[i] = held.clone();
            rows[i][axes[0]] = xy[i][0];
            rows[i][axes[1]] = xy[i][1];
        }
        return gridInputs = Tensor.matrix(rows);
    }

    private List<float[][]> maps(Model m) {
        if (plane == null) return null;
        Tensor x = gridInputs();
        List<float[][]> out = new ArrayList<>();
        out.add(columns(x));
        for (Tensor z : m.activations(x)) out.add(columns(z));
        return out;
    }

    /** [points][units] → [units][points]. */
    private static float[][] columns(Tensor t) {
        int n = t.dim(0), u = t.dim(1);
        float[][] out = new float[u][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < u; j++) out[j][i] = t.get(i, j);
        return out;
    }

    private Points points(Dataset raw) {
        int[] labels = new int[raw.size()];
        float[][] xy = raw.x();
        if (columns > 2 && plane != null) {
            xy = new float[raw.size()][];
            for (int i = 0; i < xy.length; i++) xy[i] = new float[] {raw.x()[i][axes[0]], raw.x()[i][axes[1]]};
        }
        if (setup.isRegression()) {
            float[] values = new float[raw.size()];
            for (int i = 0; i < values.length; i++) values[i] = raw.y()[i][0];
            return new Points(xy, labels, values);
        }
        for (int i = 0; i < labels.length; i++) labels[i] = raw.label(i);
        return new Points(xy, labels);
    }

    private PlaygroundFrame.Hidden hidden(Model m) {
        if (m.layers().size() < 2 || train.size() == 0) return null;
        Tensor htr = m.activations(train.inputsTensor()).get(0);
        Tensor hte = test.size() == 0 ? null : m.activations(test.inputsTensor()).get(0);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (float v : htr.data()) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        if (hte != null) for (float v : hte.data()) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        double pad = Math.max(0.05, (hi - lo) * 0.08);
        return new PlaygroundFrame.Hidden(new Points(htr.toArray2D(), trainPoints.labels()),
                hte == null ? new Points(new float[0][], new int[0]) : new Points(hte.toArray2D(), testPoints.labels()),
                htr.dim(1), lo - pad, hi + pad);
    }

    /** Output of the layers after the first hidden one, over the plane of that layer's two units. */
    private PlaygroundFrame.HiddenMap hiddenMap(Model m, PlaygroundFrame.Hidden h) {
        // With more than two classes the output is K probabilities, for a regression a number: not one probability to shade.
        if (h == null || m.layers().get(0).outputSize() != 2 || setup.classCount() != 2) return null;
        Plane p = new Plane(Math.min(h.lo(), -0.05), Math.max(h.hi(), 1.05), GRID);
        int g = p.grid();
        float[][] xy = new float[g * g][];
        for (int r = 0; r < g; r++)
            for (int c = 0; c < g; c++) xy[r * g + c] = new float[] {(float) p.coordinate(c), (float) p.coordinate(g - 1 - r)};
        Model rest = rest(m);
        if (rest == null) return null;
        Tensor out = rest.predict(Tensor.matrix(xy));
        return new PlaygroundFrame.HiddenMap(p, columns(out)[0]);
    }

    /**
     * The layers after the first, reading its two units as their input: the same layers and
     * wiring, one node earlier. Null when a later layer reads the network's input as well (a skip
     * from the input): then the output is no function of the first hidden layer alone.
     */
    private static Model rest(Model m) {
        List<int[]> sources = new ArrayList<>();
        for (int k = 1; k < m.layers().size(); k++) {
            int[] s = m.sources(k);
            for (int i = 0; i < s.length; i++) if (--s[i] < 0) return null;
            sources.add(s);
        }
        return new Model(2, m.layers().subList(1, m.layers().size()), sources, m.loss());
    }

    /** Recorded points over which an unchanged loss counts as flat. */
    static final int FLAT_POINTS = 20;

    /**
     * Why training has stalled, in one line naming the layer, or null: half or more of a hidden
     * layer's units saturated or dead over the training set (counted by the engine from the
     * layer's recorded outputs), or a loss that stopped moving short of full accuracy.
     */
    private String stall() {
        if (model == null || steps == 0 || train.size() == 0) return null;
        List<Tensor> zs = model.activations(train.inputsTensor());
        for (int l = 0; l < setup.hidden().size(); l++) {
            PlaygroundSetup.Hidden h = setup.hidden().get(l);
            if (h.isMerge()) continue;
            UnitActivity a = UnitActivity.of(zs.get(l), h.activation());
            if (a.dead() > 0 && 2 * a.dead() >= a.units())
                return "Stalled: in hidden layer " + (l + 1) + ", " + a.dead() + " of " + a.units()
                        + " ReLU units output 0 for every sample, so no gradient reaches them (try a smaller rate or leaky_relu).";
            if (a.saturated() > 0 && 2 * a.saturated() >= a.units())
                return "Stalled: in hidden layer " + (l + 1) + ", " + a.saturated() + " of " + a.units() + " " + h.activation()
                        + " units sit at an end for every sample, where their slope is about 0 (try a smaller rate).";
        }
        if (history.size() >= FLAT_POINTS) {
            Metric first = history.get(history.size() - FLAT_POINTS), last = history.get(history.size() - 1);
            boolean flat = Math.abs(last.trainLoss() - first.trainLoss()) <= 1e-4 * Math.max(1e-6, Math.abs(first.trainLoss()));
            if (flat && last.trainAccuracy() < 1f)
                return "Stalled: the loss has stayed at " + backprop.app.math.Num.fmt(last.trainLoss()) + " since step " + first.step()
                        + " with accuracy below 100 %.";
        }
        return null;
    }

    private PlaygroundFrame.Table table(Model m) {
        if (!setup.isTable() || train.size() == 0) return null;
        Tensor x = train.inputsTensor();
        List<Tensor> zs = m.activations(x);
        Tensor out = zs.get(zs.size() - 1);
        Tensor hid = zs.size() > 1 ? zs.get(0) : null;
        float[][] outs = out.toArray2D(), hids = hid == null ? null : hid.toArray2D();
        List<PlaygroundFrame.Table.Row> rows = new ArrayList<>();
        for (int n = 0; n < train.size(); n++) {
            float[] o = outs[n];
            float[] t = train.y()[n];
            boolean correct = o.length == 1 ? (o[0] >= 0.5f) == (t[0] >= 0.5f)
                    : argmax(o) == argmax(t);
            rows.add(new PlaygroundFrame.Table.Row(train.x()[n].clone(), hids == null ? new float[0] : hids[n], o, t.clone(), correct));
        }
        return new PlaygroundFrame.Table(train.featureNames(), rows);
    }

    private static int argmax(float[] v) {
        int b = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[b]) b = i;
        return b;
    }
}
