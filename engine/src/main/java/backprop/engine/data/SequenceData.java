package backprop.engine.data;

import backprop.engine.tensor.Tensor;
import java.util.List;
import java.util.Random;

/**
 * Labelled sequences for recurrent networks: inputs {@code x[n][t][feature]} and targets
 * {@code y[n][t][output]}. Targets come either at every step (a language model, bracket
 * depth: {@code y[n].length == T}) or only after the last one (remember the first bit:
 * {@code y[n].length == 1}); the trainer reads which from the targets' length.
 *
 * @param name         the dataset's name ("remember-first-bit")
 * @param x            inputs, [N][T][F]
 * @param y            targets, [N][T][O] or [N][1][O]
 * @param featureNames names of the F input features (for a corpus: the characters)
 */
public record SequenceData(String name, float[][][] x, float[][][] y, List<String> featureNames) {

    public SequenceData {
        if (x.length != y.length) throw new IllegalArgumentException(name + ": " + x.length + " input sequences but " + y.length + " target sequences");
        featureNames = List.copyOf(featureNames);
    }

    public int size() { return x.length; }

    /** T, the length of every sequence. */
    public int steps() { return x.length == 0 ? 0 : x[0].length; }

    public int features() { return x.length == 0 || x[0].length == 0 ? 0 : x[0][0].length; }

    public int outputs() { return y.length == 0 || y[0].length == 0 ? 0 : y[0][0].length; }

    /** Whether targets exist only after the last step (sequence to one). */
    public boolean lastStepOnly() { return y.length > 0 && y[0].length == 1 && steps() > 1; }

    /** The inputs as one tensor [N, T, F]. */
    public Tensor inputsTensor() { return pack(x); }

    /** The targets as one tensor [N, T, O] (or [N, 1, O]). */
    public Tensor targetsTensor() { return pack(y); }

    /** The sequences at the given indices, in that order. */
    public SequenceData subset(int[] idx) {
        float[][][] sx = new float[idx.length][][], sy = new float[idx.length][][];
        for (int i = 0; i < idx.length; i++) {
            sx[i] = x[idx[i]];
            sy[i] = y[idx[i]];
        }
        return new SequenceData(name, sx, sy, featureNames);
    }

    /** A seeded shuffle split into train and test. */
    public Split split(double testRatio, long seed) {
        int[] order = Dataset.permutation(size(), new Random(seed));
        int nTest = (int) Math.round(size() * testRatio);
        int[] test = java.util.Arrays.copyOfRange(order, 0, nTest);
        int[] train = java.util.Arrays.copyOfRange(order, nTest, size());
        java.util.Arrays.sort(test);
        java.util.Arrays.sort(train);
        return new Split(subset(train), subset(test));
    }

    /** A train/test pair. */
    public record Split(SequenceData train, SequenceData test) {}

    private static Tensor pack(float[][][] s) {
        int n = s.length, t = n == 0 ? 0 : s[0].length, f = t == 0 ? 0 : s[0][0].length;
        float[] d = new float[Tensor.sizeOf(n, t, f)];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (s[i].length != t) throw new IllegalArgumentException("sequence " + i + " has " + s[i].length + " steps, expected " + t);
            for (int j = 0; j < t; j++) {
                if (s[i][j].length != f) throw new IllegalArgumentException("sequence " + i + ", step " + (j + 1) + " has " + s[i][j].length + " values, expected " + f);
                System.arraycopy(s[i][j], 0, d, k, f);
                k += f;
            }
        }
        return new Tensor(d, n, t, f);
    }
}
