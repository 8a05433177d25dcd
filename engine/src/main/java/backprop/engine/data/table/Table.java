package backprop.engine.data.table;

import java.util.List;

/**
 * A data table as read: numeric feature columns and one label column, before any scaling or
 * split. A classification keeps each row's class as an index into {@link #classNames}; a
 * regression keeps each row's target. Rows stay in the order of the file.
 *
 * @param name         what the table is called in messages and headers (the file name, a preset's name)
 * @param featureNames the feature columns' names, in file order
 * @param x            [rows][features], as written
 * @param labelName    the label column's name
 * @param classNames   the distinct labels in order (numbers numerically, text alphabetically);
 *                     empty for a regression
 * @param classes      each row's class index; null for a regression
 * @param targets      each row's target; null for a classification
 */
public record Table(String name, List<String> featureNames, float[][] x, String labelName,
                    List<String> classNames, int[] classes, float[] targets) {

    /** Whether the label is a number to predict (mean squared error) rather than a class. */
    public boolean isRegression() { return targets != null; }

    public int rows() { return x.length; }

    public int features() { return featureNames.size(); }

    /** Classes of a classification, 0 for a regression. */
    public int classCount() { return classNames.size(); }

    /** The kind of problem a label column poses. */
    public enum Task {
        CLASSIFICATION, REGRESSION;

        /** "classification" or "regression", as network files and --task write it. */
        public String word() { return name().toLowerCase(java.util.Locale.ROOT); }

        /** The task a file or flag names; null for null (let the label decide). */
        public static Task of(String word) {
            if (word == null) return null;
            for (Task t : values()) if (t.word().equals(word)) return t;
            throw new IllegalArgumentException("unknown task '" + word + "' (known: classification, regression)");
        }
    }
}
