package backprop.engine.data.table;

import backprop.engine.spec.Limits;
import backprop.engine.spec.UserText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cells to a {@link Table}: the checks every source of a table shares (a CSV file, a table
 * embedded in a network file). The header names the columns; one is the label, the others must
 * hold numbers in every row. Every refusal names the place through the source's {@link Places}.
 */
final class TableBuilder {
    /** A plain decimal number: no NaN, no Infinity, no hex, no Java suffixes ("1f"), which Double.parseDouble would take. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");

    /** How a source names places in it: lines and columns of a file, or JSON paths. */
    interface Places {
        String header();

        String row(int row);

        String cell(int row, int column);
    }

    private final String file;
    private final String name;
    private final List<String> header;
    private final Places at;
    private final int labelColumn;
    private final Table.Task task;
    private final List<float[]> x = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();

    /**
     * Checks the header and finds the label column; rows then come one by one through
     * {@link #add}, so a large file is held as floats, not as its cells' text.
     *
     * @param file   the file named in messages
     * @param label  the label column's name; null for the last column
     * @param task   what the label is; null to decide from its values (text or whole numbers:
     *               classes; other numbers: regression)
     */
    TableBuilder(String file, String name, List<String> header, Places at, String label, Table.Task task) throws TableException {
        this.file = file;
        this.name = name;
        this.header = List.copyOf(header);
        this.at = at;
        this.task = task;
        this.labelColumn = label == null ? header.size() - 1 : header.indexOf(label);
        checkHeader(file, header, at);
        if (labelColumn < 0) {
            throw new TableException(file, at.header(), "no column named " + UserText.quote(label) + " for the label (columns: "
                    + UserText.cut(String.join(", ", header), 200) + ")");
        }
    }

    /** A table of rows already in memory (a table embedded in a network file). */
    static Table build(String file, String name, List<String> header, List<String[]> rows, Places at, String label, Table.Task task)
            throws TableException {
        TableBuilder b = new TableBuilder(file, name, header, at, label, task);
        for (String[] row : rows) b.add(row);
        return b.build();
    }

    /** The next row: one cell per column, numbers in the feature columns, a label. */
    void add(String[] cells) throws TableException {
        int r = x.size();
        if (r == Limits.SAMPLES) throw new TableException(file, at.row(r), "more than " + Limits.SAMPLES + " rows, the limit for a data set");
        if (cells.length != header.size()) {
            int column = Math.min(cells.length, header.size());
            throw new TableException(file, at.cell(r, column), "the row has " + cells.length + " cells but the header names "
                    + header.size() + " columns; every row needs one cell per column");
        }
        float[] row = new float[header.size() - 1];
        int f = 0;
        for (int c = 0; c < cells.length; c++) {
            if (c == labelColumn) continue;
            row[f++] = number(file, at.cell(r, c), cells[c].strip(), "feature columns must hold numbers");
        }
        String l = cells[labelColumn].strip();
        if (l.isEmpty()) throw new TableException(file, at.cell(r, labelColumn), "empty label; every row needs one");
        x.add(row);
        labels.add(l);
    }

    /** The table of the rows added. */
    Table build() throws TableException {
        if (labels.isEmpty()) throw new TableException(file, at.header(), "the header names the columns but no rows follow; there is nothing to train on");
        float[][] x = this.x.toArray(float[][]::new);
        List<String> featureNames = new ArrayList<>(header);
        featureNames.remove(labelColumn);
        boolean numeric = labels.stream().allMatch(s -> NUMBER.matcher(s).matches());
        boolean whole = labels.stream().allMatch(s -> INTEGER.matcher(s).matches());
        Table.Task kind = task != null ? task : numeric && !whole ? Table.Task.REGRESSION : Table.Task.CLASSIFICATION;
        String labelName = header.get(labelColumn);
        if (kind == Table.Task.REGRESSION) {
            float[] targets = new float[labels.size()];
            for (int r = 0; r < targets.length; r++) targets[r] = number(file, at.cell(r, labelColumn), labels.get(r), "a regression's label must be a number");
            return new Table(name, List.copyOf(featureNames), x, labelName, List.of(), null, targets);
        }
        return classify(file, name, featureNames, x, labelName, labels, whole, at, labelColumn);
    }

    private static Table classify(String file, String name, List<String> featureNames, float[][] x, String labelName, List<String> labels,
                                  boolean whole, Places at, int labelColumn) throws TableException {
        // Whole numbers are one class per value ("01" and "1" alike), ordered by value; text is ordered alphabetically.
        List<String> keys = new ArrayList<>(labels.size());
        Set<String> distinct = new LinkedHashSet<>();
        for (int r = 0; r < labels.size(); r++) {
            String key = whole ? Long.toString(Long.parseLong(labels.get(r).startsWith("+") ? labels.get(r).substring(1) : labels.get(r))) : labels.get(r);
            keys.add(key);
            if (distinct.add(key) && distinct.size() > Limits.CLASSES) {
                throw new TableException(file, at.cell(r, labelColumn), "label " + UserText.quote(key) + " is class " + distinct.size()
                        + " of column " + UserText.quote(labelName) + ", over the limit of " + Limits.CLASSES
                        + " classes; for a number to predict, make it a regression (task regression)");
            }
        }
        List<String> classNames = new ArrayList<>(distinct);
        classNames.sort(whole ? Comparator.comparingLong(Long::parseLong) : Comparator.naturalOrder());
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < classNames.size(); c++) index.put(classNames.get(c), c);
        int[] classes = new int[keys.size()];
        for (int r = 0; r < classes.length; r++) classes[r] = index.get(keys.get(r));
        return new Table(name, List.copyOf(featureNames), x, labelName, List.copyOf(classNames), classes, null);
    }

    private static void checkHeader(String file, List<String> header, Places at) throws TableException {
        if (header.size() < 2) {
            throw new TableException(file, at.header(), "found one column, " + UserText.quote(header.isEmpty() ? "" : header.get(0))
                    + "; a table needs feature columns and a label column, separated by commas, semicolons or tabs");
        }
        if (header.size() > Limits.TABLE_COLUMNS) {
            throw new TableException(file, at.header(), header.size() + " columns, over the limit of " + Limits.TABLE_COLUMNS);
        }
        if (header.stream().allMatch(h -> NUMBER.matcher(h.strip()).matches())) {
            throw new TableException(file, at.header(), "the first line holds numbers (" + UserText.cut(String.join(", ", header), 60)
                    + "), not column names; add a first line that names the columns");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c);
            if (h.isBlank()) throw new TableException(file, at.header() + ", column " + (c + 1), "a column without a name; name every column in the first line");
            if (!seen.add(h)) throw new TableException(file, at.header() + ", column " + (c + 1), "column name " + UserText.quote(h) + " appears twice");
        }
    }

    private static float number(String file, String place, String cell, String rule) throws TableException {
        if (cell.isEmpty()) throw new TableException(file, place, "empty cell; " + rule);
        if (!NUMBER.matcher(cell).matches()) throw new TableException(file, place, UserText.quote(cell) + " is not a number; " + rule);
        float v = (float) Double.parseDouble(cell); // the pattern above leaves only plain decimals
        if (!Float.isFinite(v)) throw new TableException(file, place, cell + " is too large for a float32 number");
        return v;
    }
}
