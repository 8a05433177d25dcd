package backprop.engine.data;

import backprop.engine.tensor.Tensor;
import java.util.List;
import java.util.Random;

/**
 * A labelled set of samples: inputs [n][features], targets [n][outputs]. Binary tasks use one
 * output in {0, 1}; classification over C classes uses one-hot rows.
 */
public record Dataset(String name, float[][] x, float[][] y, List<String> featureNames) {

    public Dataset {
        if (x.length != y.length) throw new IllegalArgumentException(name + ": " + x.length + " inputs but " + y.length + " targets");
    }

    public Dataset(String name, float[][] x, float[][] y) {
        this(name, x, y, defaultNames(x.length == 0 ? 0 : x[0].length));
    }

    private static List<String> defaultNames(int n) {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) s[i] = "x" + (i + 1);
        return List.of(s);
    }

    public int size() { return x.length; }

    public int inputs() { return x.length == 0 ? 0 : x[0].length; }

    public int outputs() { return y.length == 0 ? 0 : y[0].length; }

    public Tensor inputsTensor() { return Tensor.matrix(x); }

    public Tensor targetsTensor() { return Tensor.matrix(y); }

    /** The samples at the given indices, in that order. */
    public Dataset subset(int[] idx) {
        float[][] sx = new float[idx.length][], sy = new float[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            sx[i] = x[idx[i]];
            sy[i] = y[idx[i]];
        }
        return new Dataset(name, sx, sy, featureNames);
    }

    /** Class of sample i: the target itself for one output (0/1), else the hot index. */
    public int label(int i) {
        if (y[i].length == 1) return y[i][0] >= 0.5f ? 1 : 0;
        int best = 0;
        for (int c = 1; c < y[i].length; c++) if (y[i][c] > y[i][best]) best = c;
        return best;
    }

    /** A seeded shuffle split into train and test; testRatio 0 keeps everything for training. */
    public Split split(double testRatio, long seed) {
        int[][] rows = splitRows(size(), testRatio, seed);
        return new Split(subset(rows[0]), subset(rows[1]));
    }

    /**
     * Which of {@code n} rows {@link #split} puts into training and which into the test, both
     * ascending: {train, test}. A view that marks the split in a data grid reads it here.
     */
    public static int[][] splitRows(int n, double testRatio, long seed) {
        int[] order = permutation(n, new Random(seed));
        int nTest = (int) Math.round(n * testRatio);
        int[] test = java.util.Arrays.copyOfRange(order, 0, nTest);
        int[] train = java.util.Arrays.copyOfRange(order, nTest, n);
        java.util.Arrays.sort(test);
        java.util.Arrays.sort(train);
        return new int[][] {train, test};
    }

    /** Fisher-Yates with a given random source (deterministic for a seed). */
    public static int[] permutation(int n, Random r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** A train/test pair. */
    public record Split(Dataset train, Dataset test) {}
}
