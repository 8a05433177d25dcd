package backprop.engine.data.table;

import backprop.engine.data.Dataset;
import java.util.List;

/**
 * A table ready to train on, the one value a view or the command line needs: the table as read
 * (raw features, labels, class names), its standardisation, which rows went to training and which
 * to the test (a seeded shuffle), and both parts as {@link Dataset}s with scaled inputs and
 * targets the network reads: one-hot rows for K classes (a single 0/1 column when the network has
 * one output and there are two classes), the number itself for a regression.
 *
 * @param trainRows rows of {@link #table} in the training part, ascending
 * @param testRows  rows in the test part, ascending (empty without a test share)
 * @param test      null without a test share
 */
public record TableData(Table table, Scaling scaling, int[] trainRows, int[] testRows, Dataset train, Dataset test) {

    /**
     * Splits and scales {@code table}. {@code standardize} marks the feature columns to
     * standardise from the training rows; a column with a {@code given} scaling (not null) uses
     * that instead, as written. The split is the one {@link Dataset#split} makes for the same seed.
     */
    public static TableData of(Table table, double testRatio, long seed, boolean[] standardize, Scaling.Feature[] given, boolean oneOutput) {
        int[][] rows = Dataset.splitRows(table.rows(), testRatio, seed);
        int[] train = rows[0], test = rows[1];
        int nTest = test.length;
        Scaling fitted = Scaling.fit(table.featureNames(), table.x(), train, standardize);
        List<Scaling.Feature> features = new java.util.ArrayList<>(fitted.features());
        for (int c = 0; c < features.size(); c++) if (given != null && given[c] != null) features.set(c, given[c]);
        Scaling scaling = new Scaling(features);
        Dataset trainSet = dataset(table, train, scaling, oneOutput);
        return new TableData(table, scaling, train, test, trainSet, nTest == 0 ? null : dataset(table, test, scaling, oneOutput));
    }

    /** Classes of a classification, 0 for a regression. */
    public int classCount() { return table.classCount(); }

    public boolean isRegression() { return table.isRegression(); }

    public List<String> classNames() { return table.classNames(); }

    /** Values each row's target has: K (one-hot), 1 for two classes read by one output, 1 for a regression. */
    public int outputs() { return train.outputs(); }

    private static Dataset dataset(Table t, int[] rows, Scaling scaling, boolean oneOutput) {
        float[][] x = new float[rows.length][], y = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            x[i] = scaling.apply(t.x()[r]);
            if (t.isRegression()) {
                y[i] = new float[] {t.targets()[r]};
            } else if (oneOutput && t.classCount() == 2) {
                y[i] = new float[] {t.classes()[r]};
            } else {
                y[i] = new float[t.classCount()];
                y[i][t.classes()[r]] = 1f;
            }
        }
        return new Dataset(t.name(), x, y, t.featureNames());
    }
}
