package backprop.engine.data.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Standardisation of feature columns, x' = (x − mean) / std, one entry per feature (an entry
 * with mean 0 and std 1 leaves its column as it is). The numbers come from the training rows
 * only, so the test rows stay unseen; a network file records them, so a run replays and new
 * inputs are scaled the same way.
 *
 * @param features one per feature column, in column order
 */
public record Scaling(List<Feature> features) {

    /** One column's scaling; {@code std} is never 0 (a constant column keeps std 1). */
    public record Feature(String name, double mean, double std) {
        public boolean scales() { return mean != 0 || std != 1; }
    }

    public Scaling {
        features = List.copyOf(features);
    }

    /** No column scaled. */
    public static Scaling none(List<String> names) {
        List<Feature> f = new ArrayList<>();
        for (String n : names) f.add(new Feature(n, 0, 1));
        return new Scaling(f);
    }

    /**
     * Mean and (population) standard deviation over {@code rows} of each column in
     * {@code which}; other columns stay unscaled. Sums in double, in row order: the same rows give
     * the same numbers bit for bit.
     */
    public static Scaling fit(List<String> names, float[][] x, int[] rows, boolean[] which) {
        List<Feature> f = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            if (!which[c] || rows.length == 0) {
                f.add(new Feature(names.get(c), 0, 1));
                continue;
            }
            double sum = 0;
            for (int r : rows) sum += x[r][c];
            double mean = sum / rows.length, sq = 0;
            for (int r : rows) sq += (x[r][c] - mean) * (x[r][c] - mean);
            double std = Math.sqrt(sq / rows.length);
            f.add(new Feature(names.get(c), mean, std > 0 ? std : 1));
        }
        return new Scaling(f);
    }

    /** Whether any column is scaled. */
    public boolean any() { return features.stream().anyMatch(Feature::scales); }

    /** One row scaled, as float32. */
    public float[] apply(float[] row) {
        float[] out = new float[row.length];
        for (int c = 0; c < row.length; c++) {
            Feature f = features.get(c);
            out[c] = f.scales() ? (float) ((row[c] - f.mean()) / f.std()) : row[c];
        }
        return out;
    }
}
