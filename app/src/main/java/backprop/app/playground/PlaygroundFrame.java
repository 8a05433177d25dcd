package backprop.app.playground;

import backprop.app.draw.Metric;
import java.util.List;

/**
 * Everything the playground shows at one moment, computed by {@link PlaygroundSession} on the
 * engine thread and handed to the FX thread to draw. Immutable by convention (arrays are fresh
 * copies nobody writes to). Every number in it comes from the engine: views only map them to
 * pixels.
 *
 * @param setup        the settings this frame was computed with
 * @param step         updates made so far (perceptron: samples visited)
 * @param epoch        passes over the training data completed
 * @param inputNames   the input column's labels ("x1", "x1²", …)
 * @param sizes        units per column, inputs first, output last
 * @param activations  per layer (sizes.length − 1 entries); a merge layer's type ("add", "concat")
 * @param weights      per layer, [i][j] = w_ij from unit i of the column it reads to unit j; empty for merges
 * @param biases       per layer, [j]; empty for merges
 * @param sources      per layer, the columns it reads (0 = inputs), as the engine's model wires them
 * @param plane        the square of the input plane the maps cover; null when the data is not 2-D
 * @param maps         per column, per unit: its value over the plane's grid (row-major, top row
 *                     = highest x2); null when the data is not 2-D
 * @param train        training points; {@code test} the held-out ones
 * @param trainLoss    R on the training set after the last update (NaN for the perceptron)
 * @param history      one entry per recorded moment, oldest first
 * @param hidden       the first hidden layer's outputs for train and test points (null: no hidden layer)
 * @param hiddenMap    the output over the plane of the first hidden layer's first two units, when
 *                     that layer has exactly two units (XOR becomes separable there); else null
 * @param edits        steps at which a weight or bias was set by hand (the loss chart marks them)
 * @param table        per-sample rows for small datasets (truth tables, 8-3-8 codes); else null
 * @param perceptron   the perceptron's state in perceptron mode; else null
 * @param stall        why training has stalled, one line naming the layer; null while it moves
 * @param trainable    false for networks whose units have no gradient (step units)
 * @param classes      classes of the data (2 for the truth tables and the 8-3-8 codes)
 * @param confusion    for more than two classes: the engine's confusion matrix on the test
 *                     points (the training points when none are held out); else null
 * @param fit          for a regression: targets against answers; else null
 * @param slice        for data of more than two feature columns: the two the map spans and the
 *                     values the others are held at; else null
 * @param curve        for a regression of one input: the network's answer across x; else null
 * @param data         the data as a grid (rows, label, split) for the table beside the map; null
 *                     for the 8-3-8 codes
 */
public record PlaygroundFrame(PlaygroundSetup setup, long step, int epoch, List<String> inputNames, int[] sizes,
                              List<String> activations, List<float[][]> weights, List<float[]> biases,
                              List<int[]> sources,
                              Plane plane, List<float[][]> maps, Points train, Points test,
                              float trainLoss, float testLoss, float trainAccuracy, float testAccuracy,
                              List<Metric> history, List<Long> edits, Hidden hidden, HiddenMap hiddenMap, Table table,
                              Perceptron perceptron, boolean trainable, String stall, int classes,
                              backprop.engine.train.Confusion confusion, Fit fit, Slice slice, Curve curve, Data data) {

    /**
     * A 2-D slice through data of more than two feature columns: {@code x} and {@code y} index
     * {@code columns}; every other column i is held at {@code held[i]}, its mean over the
     * training rows (0 once standardised).
     */
    public record Slice(List<String> columns, int x, int y, float[] held) {}

    /** The network's answer {@code y[i]} at {@code x[i]}, evenly spaced across the data, for a regression of the one input {@code name}. */
    public record Curve(float[] x, float[] y, String name) {}

    /**
     * The data as the network reads it, one row per point in the session's order: feature
     * values, the class (index into {@code classNames}) or the target ({@code values}, a
     * regression), and whether the seeded split holds the row out as a test point.
     *
     * @param standardised the columns are standardised values, not the file's
     * @param edited       the data differs from what was generated or read (Restore brings it back)
     */
    public record Data(List<String> columns, String label, List<String> classNames, float[][] x, int[] labels, float[] values,
                       boolean[] test, boolean standardised, boolean edited) {
        public int rows() { return x.length; }

        /** The i-th training or test point's row (the frame's points list them in row order). */
        public int row(boolean inTest, int i) {
            int seen = -1;
            for (int r = 0; r < test.length; r++) if (test[r] == inTest && ++seen == i) return r;
            return -1;
        }
    }

    /** A square region [lo, hi]² of a plane sampled on a grid × grid lattice. */
    public record Plane(double lo, double hi, int grid) {
        /** Coordinate of grid column (or row, counted from the bottom) {@code k}: cell centres. */
        public double coordinate(int k) { return lo + (hi - lo) * (k + 0.5) / grid; }
    }

    /** Points with their class (0 to classes − 1), or for a regression their target value (labels all 0), as drawn on a plane. */
    public record Points(float[][] xy, int[] labels, float[] values) {
        public Points(float[][] xy, int[] labels) { this(xy, labels, null); }

        public int size() { return labels.length; }
    }

    /**
     * A regression's fit: each point's target and the network's answer (test points, or the
     * training points without a test share), the mean squared error over them (the engine's
     * {@code Metrics.meanSquaredError}) and the largest |target| of the data, which sets the colour scale.
     */
    public record Fit(float[] truth, float[] predicted, float mse, boolean test, float range) {}

    /** First-hidden-layer coordinates of every point, and the range they span. */
    public record Hidden(Points train, Points test, int units, double lo, double hi) {}

    /** The network's output over [lo, hi]² of the first hidden layer's two units. */
    public record HiddenMap(Plane plane, float[] values) {}

    /**
     * One row per sample of a small dataset: its inputs, the first hidden layer's outputs (empty if
     * none), the network's outputs and the targets.
     */
    public record Table(List<String> inputNames, List<Row> rows) {
        public record Row(float[] inputs, float[] hidden, float[] outputs, float[] targets, boolean correct) {}
    }

    /**
     * The perceptron's weights w0 (bias), w1, w2; the rule's progress; the sample last visited
     * (−1 before the first) and whether it was updated on.
     */
    public record Perceptron(float[] weights, int updates, int epochs, boolean converged, int cycleStartEpoch,
                             int lastSample, boolean lastWasUpdate) {}

    /** Number of layers (columns − 1). */
    public int layers() { return sizes.length - 1; }

    /** True for an add or concat layer: fixed identity connections, no weights, no bias. */
    public boolean isMerge(int layer) { return HiddenWiring.MERGES.contains(activations.get(layer)); }

    /** True when some layer reads anything but the column before it. */
    public boolean isGraph() {
        for (int l = 0; l < sources.size(); l++) if (sources.get(l).length != 1 || sources.get(l)[0] != l) return true;
        return false;
    }
}
