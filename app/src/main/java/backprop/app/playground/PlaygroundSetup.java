package backprop.app.playground;

import backprop.engine.data.Feature;
import backprop.engine.data.table.GeneratedTables;
import backprop.engine.data.table.TableSource;
import backprop.engine.layers.dense.DenseSpec;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.NetworkSpec.InitSpec;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import backprop.engine.spec.NetworkSpec.TrainingSpec;
import backprop.engine.spec.UserText;
import backprop.engine.train.RunSettings;
import backprop.engine.train.TrainConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the user has chosen in the playground, as one immutable value: the data, the input
 * features, the network and the training settings. The view-model replaces it on every change and
 * hands it to the session, which works out what has to be rebuilt (see {@link #sameData},
 * {@link #sameNetwork}).
 *
 * @param kind         a network trained by backprop, or Rosenblatt's perceptron rule
 * @param dataset      a name {@code engine.data.Datasets} knows ("xor-2d", "circle", "xor", …)
 * @param samples      points to generate (2-D sets)
 * @param noise        0 to 1
 * @param testRatio    fraction held out as the test set
 * @param dataSeed     seed of the generated points and of the train/test split
 * @param features     input features computed from (x1, x2); ignored for data that is not 2-D
 * @param hidden       hidden layers, input side first
 * @param output       the output layer's activation
 * @param seed         seed of the initial weights and of minibatch shuffling
 * @param handBuilt    a network with explicit weights that replaces features/hidden/output (null: none)
 * @param formula      f of the formula sets, as typed (e.g. "sin(3*x)"); null for the others
 * @param imported     a table read from a CSV/TSV file (then {@code dataset} is {@link #IMPORTED}); else null
 */
public record PlaygroundSetup(Kind kind, String dataset, int samples, double noise, double testRatio, long dataSeed,
                              List<Feature> features, List<Hidden> hidden, String output, String loss,
                              String optimizer, double learningRate, int batchSize, double l2, String initializer,
                              long seed, NetworkSpec handBuilt, String formula, Imported imported) {

    public enum Kind { NETWORK, PERCEPTRON }

    /**
     * One hidden layer: how many units and their activation, or a merge ("add", "concat") whose
     * size follows its inputs and which has no activation.
     *
     * @param merge null for a dense layer, else the merge's type
     * @param from  the nodes it reads (0 = the input, k = hidden layer k), null for the layer
     *              before; see {@link HiddenWiring}
     */
    public record Hidden(int units, String activation, String merge, List<Integer> from) {
        public Hidden {
            from = from == null ? null : List.copyOf(from);
        }

        public Hidden(int units, String activation) { this(units, activation, null, null); }

        public boolean isMerge() { return merge != null; }

        public Hidden withUnits(int n) { return new Hidden(n, activation, merge, from); }

        public Hidden withActivation(String a) { return new Hidden(units, a, merge, from); }
    }

    public static final int MAX_LAYERS = 6;
    public static final int MAX_UNITS = 8;

    public PlaygroundSetup {
        features = List.copyOf(features);
        // A merge's size follows what it reads, which the features can change.
        int inputs = imported != null && imported.table().features() != 2 ? imported.table().features()
                : GeneratedTables.FORMULA_CURVE.equals(dataset) ? 1 : kind == Kind.PERCEPTRON || handBuilt != null ? 2 : features.size();
        hidden = List.copyOf(HiddenWiring.sized(hidden, inputs));
    }

    /** The first screen: XOR quadrants and a 2-4-4-1 tanh network, with TF Playground's defaults (SGD, η 0.03, batches of 10). */
    public static PlaygroundSetup defaults() {
        return new PlaygroundSetup(Kind.NETWORK, "xor-2d", 200, 0.0, 0.5, 1L, List.of(Feature.X1, Feature.X2),
                List.of(new Hidden(4, "tanh"), new Hidden(4, "tanh")), "sigmoid", "binary_cross_entropy",
                "sgd", 0.03, 10, 0.0, "xavier", 1L, null, null, null);
    }

    /**
     * The setup that shows a network file in the playground: its dense and merge layers with their
     * wiring (explicit weights
     * are kept, as in the hand-built XOR), loss, training settings, seed and dataset. Throws
     * {@link IllegalArgumentException} naming the problem if the playground cannot show it.
     */
    public static PlaygroundSetup fromSpec(NetworkSpec spec, String source) {
        String where = source == null ? (spec.name() == null ? "network" : spec.name()) : source;
        String refused = tableRefusal(spec.dataset());
        if (refused != null) throw new IllegalArgumentException(where + ": " + refused);
        PlaygroundSetup d = defaults();
        String dataset = spec.dataset() != null && spec.dataset().name() != null ? spec.dataset().name() : d.dataset();
        List<Hidden> hidden = HiddenWiring.fromLayers(spec.layers(), where);
        boolean weights = false;
        for (LayerSpec l : spec.layers()) weights |= l instanceof DenseSpec dense && dense.weights() != null;
        DenseSpec out = (DenseSpec) spec.layers().get(spec.layers().size() - 1);
        Imported table = shippedOrEmbedded(spec.dataset(), where);
        PlaygroundSetup s = (table != null ? d.withImported(table) : d.withDataset(dataset)).withHidden(hidden).withOutput(out.activation()).withLoss(spec.loss())
                .withSeed(spec.seed() != null ? spec.seed() : d.seed()).withHandBuilt(weights ? spec : null);
        if (s.isTable()) s = s.withTestRatio(0);
        NetworkSpec.DatasetSpec ds = spec.dataset();
        if (ds != null) {
            if (ds.samples() != null) s = s.withSamples(ds.samples());
            if (ds.noise() != null) s = s.withNoise(ds.noise());
            if (ds.testRatio() != null) s = s.withTestRatio(ds.testRatio());
            if (ds.seed() != null) s = s.withDataSeed(ds.seed());
            if (ds.formula() != null) s = s.withFormula(ds.formula());
        }
        if (table != null && spec.inputSize() != table.table().features()) {
            throw new IllegalArgumentException(where + ": takes " + spec.inputSize() + " inputs, but the table " + table.name() + " has "
                    + table.table().features() + " feature columns (" + String.join(", ", table.table().featureNames()) + ")");
        }
        TrainingSpec t = spec.training();
        if (t != null) {
            if (t.optimizer() != null) s = s.withOptimizer(t.optimizer());
            if (t.learningRate() != null) s = s.withLearningRate(t.learningRate());
            if (t.batchSize() != null) s = s.withBatchSize(t.batchSize());
            if (t.l2() != null) s = s.withL2(t.l2());
        }
        if (table != null) return s;
        if (s.isPlanar() && spec.inputSize() != s.columns()) {
            throw new IllegalArgumentException(where + ": takes " + spec.inputSize() + " inputs; the playground feeds x1, x2 (use dataset encoder-838 for 8 inputs)");
        }
        if (!s.isPlanar() && HiddenWiring.isGraph(hidden)) {
            throw new IllegalArgumentException(where + ": skip connections and merges are drawn over the plane; use a 2-D dataset");
        }
        if (!s.isPlanar() && !"encoder-838".equals(dataset)) {
            throw new IllegalArgumentException(where + ": dataset " + dataset + " is not one the playground can draw");
        }
        return s;
    }

    /**
     * Why the playground cannot show a network file's data, or null: data from a CSV file, a
     * table in the file, a shipped table or one of the generated sets beyond two classes. Without
     * this the setup would fall back to the default set and show points the file never named.
     */
    static String tableRefusal(NetworkSpec.DatasetSpec ds) {
        if (!TableSource.handles(ds) || ds.table() != null || backprop.engine.data.table.TablePresets.has(ds.name())) return null;
        boolean drawn = ds.name() != null && (MULTI_CLASS.contains(ds.name()) || REGRESSION.contains(ds.name()) || FORMULAS.containsKey(ds.name()));
        if (!ds.isTableSource() && drawn && (ds.classes() == null || ds.classes() == GeneratedTables.DEFAULT_BLOBS)) return null;
        String what = ds.file() != null ? "the data file " + UserText.quote(ds.file())
                : ds.table() != null ? "a table written into the file" : "the data set " + UserText.quote(ds.name());
        return "its data is " + what + ", which the playground reads through Import data… (a network file names it by path); train it with train --spec";
    }

    /**
     * A shipped table (iris, cars) or a table written into the network file, read now: both are
     * small and need no file of the user's, so a network file naming one opens straight into the
     * playground. Null for any other data. A table that does not read is refused in one line.
     */
    private static Imported shippedOrEmbedded(NetworkSpec.DatasetSpec ds, String where) {
        if (ds == null || !(ds.table() != null || (ds.file() == null && backprop.engine.data.table.TablePresets.has(ds.name())))) return null;
        try {
            return new Imported(ds, TableSource.load(ds, null, where, 0, 1));
        } catch (backprop.engine.data.table.TableException | backprop.engine.spec.SpecException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** The generated sets of more than two classes the playground draws (three classes each). */
    static final List<String> MULTI_CLASS = List.of(GeneratedTables.SPIRAL_3, GeneratedTables.BLOBS);

    /** The generated sets whose label is a number to learn, drawn over the plane. */
    static final List<String> REGRESSION = List.of(GeneratedTables.PLANE, GeneratedTables.GAUSSIAN_SUM, GeneratedTables.FORMULA_SURFACE,
            GeneratedTables.FORMULA_CURVE);

    /** The formula sets the playground draws, each with the formula it starts from. */
    static final java.util.Map<String, String> FORMULAS = java.util.Map.of(
            GeneratedTables.FORMULA_CLASSES, "sin(3*x)", GeneratedTables.FORMULA_SURFACE, "sin(3*x1) * x2",
            GeneratedTables.FORMULA_CURVE, "sin(3*x)");

    /** Classes of the data: 3 for the three-arm spiral and the blobs, 0 for a number to learn, else 2 (the 8-3-8 codes read as 2 too). */
    public int classCount() { return imported != null ? imported.classes() : classCount(dataset); }

    private static int classCount(String dataset) {
        if (dataset == null) return 2;
        return MULTI_CLASS.contains(dataset) ? GeneratedTables.DEFAULT_BLOBS : REGRESSION.contains(dataset) ? 0 : 2;
    }

    /** True when the label is a number (mean squared error, no accuracy). */
    public boolean isRegression() { return classCount() == 0; }

    /** True for the sets the engine's {@link GeneratedTables} draws (more classes, regression, formulas). */
    public boolean isGeneratedTable() { return GeneratedTables.NAMES.contains(dataset); }

    public PlaygroundSetup withFormula(String f) { return new PlaygroundSetup(kind, dataset, samples, noise, testRatio, dataSeed, features, hidden, output, loss, optimizer, learningRate, batchSize, l2, initializer, seed, handBuilt, f, imported); }

    /**
     * Inputs the network reads: on 2-D data the chosen features (x1, x2 for the perceptron and
     * hand-built files); on a table of one or of more than two feature columns, those columns.
     */
    public int inputCount() {
        if (columns() != 2) return columns();
        return kind == Kind.PERCEPTRON || handBuilt != null ? 2 : features.size();
    }

    /**
     * Feature columns of the data: an imported table's, 1 for the curve y = f(x), else 2 (the
     * plane). With more than two the map is a slice through two of them; with one, a curve.
     */
    public int columns() {
        if (imported != null) return imported.table().features();
        return GeneratedTables.FORMULA_CURVE.equals(dataset) ? 1 : 2;
    }

    /** True when the network reads the data's columns as they are (one, or more than two): the feature boxes do not apply. */
    public boolean rawColumns() { return isPlanar() && columns() != 2; }

    /** True for the truth tables and the 8-3-8 vectors: no noise, no split, a handful of rows. */
    public boolean isTable() {
        return List.of("and", "or", "xor", "encoder-838").contains(dataset);
    }

    /** True when the data lives in the plane, so heat maps and added points make sense. */
    public boolean isPlanar() {
        return !"encoder-838".equals(dataset) && !"majority".equals(dataset);
    }

    /** Same points (so the data need not be generated again). */
    public boolean sameData(PlaygroundSetup o) {
        return o != null && dataset.equals(o.dataset) && samples == o.samples && noise == o.noise
                && testRatio == o.testRatio && dataSeed == o.dataSeed && java.util.Objects.equals(formula, o.formula)
                && java.util.Objects.equals(imported, o.imported);
    }

    /** Same network shape, initial weights and learning rule (so the trained weights carry over). */
    public boolean sameNetwork(PlaygroundSetup o) {
        return o != null && kind == o.kind && features.equals(o.features) && inputCount() == o.inputCount() && hidden.equals(o.hidden)
                && output.equals(o.output) && loss.equals(o.loss) && initializer.equals(o.initializer) && seed == o.seed
                && java.util.Objects.equals(handBuilt, o.handBuilt) && isPlanar() == o.isPlanar()
                && (isPlanar() || dataset.equals(o.dataset));
    }

    /** The network file this setup describes, for {@code inputs} inputs and {@code outputs} outputs. */
    public NetworkSpec toSpec(int inputs, int outputs) {
        if (handBuilt != null) return handBuilt;
        List<LayerSpec> layers = new ArrayList<>();
        InitSpec init = new InitSpec(initializer, "uniform".equals(initializer) ? 1.0 : "normal".equals(initializer) ? 0.5 : 0);
        for (int k = 0; k < hidden.size(); k++) layers.add(HiddenWiring.layer(hidden.get(k), k, init));
        layers.add(LayerSpec.dense(outputs, output).withInitializer(init));
        return new NetworkSpec("playground", null, new int[] {inputs}, layers, loss, seed, null, null);
    }

    /**
     * The training settings the session runs with: a hand-built file's (resolved by the engine's
     * {@link RunSettings}, like the command line's), with the choices of this setup on top, so
     * the rate box and the optimiser always agree.
     */
    public TrainConfig trainConfig() {
        return RunSettings.resolve(handBuilt, seed, null, learningRate).training()
                .withOptimizer(optimizer).withBatchSize(batchSize).withL2((float) l2);
    }

    // Withers, one per control, so the view-model's handlers stay one line each.
    public PlaygroundSetup withKind(Kind k) { return new PlaygroundSetup(k, dataset, samples, noise, testRatio, dataSeed, features, hidden, output, loss, optimizer, learningRate, batchSize, l2, initializer, seed, handBuilt, formula, imported); }
    /**
     * Moving to data of another kind (two classes, more, a number to learn) puts in that kind's
     * output and loss: a sigmoid with binary cross-entropy, a softmax with cross-entropy, an
     * identity output with the mean squared error. A formula set starts from its example formula.
     */
    public PlaygroundSetup withDataset(String d) {
        String f = FORMULAS.containsKey(d) ? (d.equals(dataset) ? formula : FORMULAS.get(d)) : null;
        return suited(new PlaygroundSetup(kind, d, samples, noise, testRatio, dataSeed, features, hidden, output, loss, optimizer, learningRate, batchSize, l2, initializer, seed, handBuilt, f, null));
    }

    /** The table read from a file as the data (it replaces the chosen set), with the output and loss its label needs. */
    public PlaygroundSetup withImported(Imported i) {
        return suited(new PlaygroundSetup(kind, IMPORTED, samples, noise, testRatio, dataSeed, features, hidden, output, loss, optimizer, learningRate, batchSize, l2, initializer, seed, handBuilt, null, i));
    }

    /** {@code next} with this kind's output and loss if its data is of another kind (two classes, more, a number). */
    private PlaygroundSetup suited(PlaygroundSetup next) {
        int now = classCount(), then = next.classCount();
        if (now == then || (now > 2 && then > 2)) return next;
        return next.withOutput(then == 0 ? "identity" : then > 2 ? "softmax" : "sigmoid")
                .withLoss(then == 0 ? "mse" : then > 2 ? "cross_entropy" : "binary_cross_entropy");
    }

    /** The dataset name of a setup whose data is an imported table. */
    public static final String IMPORTED = "imported";

    /**
     * A table read from a file, with the settings it was read with (file, label column,
     * standardisation). Read once, on the engine thread; the session scales and splits it.
     */
    public record Imported(NetworkSpec.DatasetSpec spec, backprop.engine.data.table.Table table) {
        /**
         * Same settings and the same cells: a session read back (which reads the file again)
         * counts as the same data, so replaying it does not start an epoch over.
         */
        @Override
        public boolean equals(Object o) {
            return o instanceof Imported i && spec.equals(i.spec) && table.name().equals(i.table.name())
                    && table.featureNames().equals(i.table.featureNames()) && table.labelName().equals(i.table.labelName())
                    && java.util.Arrays.deepEquals(table.x(), i.table.x()) && java.util.Arrays.equals(table.classes(), i.table.classes())
                    && java.util.Arrays.equals(table.targets(), i.table.targets());
        }

        @Override
        public int hashCode() { return spec.hashCode(); }

        /** Classes of its label, 0 for a number. */
        public int classes() { return table.isRegression() ? 0 : table.classCount(); }

        /** The file's name, for titles and messages. */
        public String name() { return spec.file() == null ? table.name() : String.valueOf(java.nio.file.Path.of(spec.file()).getFileName()); }

        /**
         * The settings the session scales the table with: everything but the split, which the
         * session makes itself from the playground's test share and data seed, over all rows.
         */
        public NetworkSpec.DatasetSpec scalingOnly() {
            return new NetworkSpec.DatasetSpec(spec.name(), null, null, null, null, null, null, null, spec.file(), spec.table(),
                    spec.label(), spec.task(), spec.standardize(), spec.scaling());
        }
    }
    public PlaygroundSetup withSamples(int n) { return new PlaygroundSetup(kind, dataset, n, noise, testRatio, dataSeed, features, hidden, output, loss, optimizer, learningRate, batchSize, l2, initializer, seed, handBuilt, formula, imported); }
    public PlaygroundSetup withNoise(double v) { return new PlaygroundSetup(kind, dataset, samples, v, testRatio, dataSeed, features, hidden, output, loss, optimizer, learningRate, batchSize, l2, initializer, seed, handBuilt, formula, imported); }
    public PlaygroundSetup withTestRatio(double v) { return new PlaygroundSetup(kind, dataset, samples, noise, v, dataSeed, features, hidden, output, loss, optimizer, learningRate, batchSize, l2, initializer, seed, handBuilt, formula, imported); }
    public PlaygroundSetup withDataSeed(long s) { return new PlaygroundSetup(kind, dataset, samples, noise, testRatio, s, features, hidden, output, loss, optimizer, learningRate, batchSize, l2, initializer, seed, handBuilt, formula, imported); }
    public PlaygroundSetup withFeatures(List<Feature> f) { return new PlaygroundSetup(kind, dataset, samples, noise, testRatio, dataSeed, f, hidden, output, loss, optimizer, learningRate, batchSize, l2, initializer, seed, handBuilt, formula, imported); }
    public PlaygroundSetup withHidden(List<Hidden> h) { return new PlaygroundSetup(kind, dataset, samples, noise, testRatio, dataSeed, features, h, output, loss, optimizer, learningRate, batchSize, l2, initializer, seed, handBuilt, formula, imported); }
    public PlaygroundSetup withOutput(String a) { return new PlaygroundSetup(kind, dataset, samples, noise, testRatio, dataSeed, features, hidden, a, loss, optimizer, learningRate, batchSize, l2, initializer, seed, handBuilt, formula, imported); }
    public PlaygroundSetup withLoss(String l) { return new PlaygroundSetup(kind, dataset, samples, noise, testRatio, dataSeed, features, hidden, output, l, optimizer, learningRate, batchSize, l2, initializer, seed, handBuilt, formula, imported); }
    public PlaygroundSetup withOptimizer(String o) { return new PlaygroundSetup(kind, dataset, samples, noise, testRatio, dataSeed, features, hidden, output, loss, o, learningRate, batchSize, l2, initializer, seed, handBuilt, formula, imported); }
    public PlaygroundSetup withLearningRate(double v) { return new PlaygroundSetup(kind, dataset, samples, noise, testRatio, dataSeed, features, hidden, output, loss, optimizer, v, batchSize, l2, initializer, seed, handBuilt, formula, imported); }
    public PlaygroundSetup withBatchSize(int b) { return new PlaygroundSetup(kind, dataset, samples, noise, testRatio, dataSeed, features, hidden, output, loss, optimizer, learningRate, b, l2, initializer, seed, handBuilt, formula, imported); }
    public PlaygroundSetup withL2(double v) { return new PlaygroundSetup(kind, dataset, samples, noise, testRatio, dataSeed, features, hidden, output, loss, optimizer, learningRate, batchSize, v, initializer, seed, handBuilt, formula, imported); }
    public PlaygroundSetup withInitializer(String i) { return new PlaygroundSetup(kind, dataset, samples, noise, testRatio, dataSeed, features, hidden, output, loss, optimizer, learningRate, batchSize, l2, i, seed, handBuilt, formula, imported); }
    public PlaygroundSetup withSeed(long s) { return new PlaygroundSetup(kind, dataset, samples, noise, testRatio, dataSeed, features, hidden, output, loss, optimizer, learningRate, batchSize, l2, initializer, s, handBuilt, formula, imported); }
    public PlaygroundSetup withHandBuilt(NetworkSpec spec) { return new PlaygroundSetup(kind, dataset, samples, noise, testRatio, dataSeed, features, hidden, output, loss, optimizer, learningRate, batchSize, l2, initializer, seed, spec, formula, imported); }
}
