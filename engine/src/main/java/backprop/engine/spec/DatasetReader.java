package backprop.engine.spec;

import backprop.engine.spec.NetworkSpec.DatasetSpec;
import backprop.engine.spec.NetworkSpec.EmbeddedTable;
import backprop.engine.spec.NetworkSpec.Scale;
import backprop.engine.spec.NetworkSpec.Standardize;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a network file's {@code "dataset"}: its fields' types and sizes. Whether the named set,
 * the file or the columns exist is checked where the data are loaded, which knows them.
 */
final class DatasetReader {
    static final Set<String> FIELDS = Set.of("name", "samples", "noise", "testRatio", "seed", "inputs",
            "classes", "formula", "file", "table", "label", "task", "standardize", "scaling");
    private static final Set<String> TASKS = Set.of("classification", "regression");
    /** A path is a path: longer than this it is a mistake, not a file. */
    private static final int PATH_LENGTH = 4_096;

    private final SpecFields f;

    DatasetReader(SpecFields f) { this.f = f; }

    DatasetSpec read(JsonNode n, String p) throws SpecException {
        f.object(n, p, FIELDS);
        int sources = (n.has("name") ? 1 : 0) + (n.has("file") ? 1 : 0) + (n.has("table") ? 1 : 0);
        if (sources == 0) throw f.fail(p + ".name", "required field is missing (or give \"file\", a CSV file, or \"table\", rows written here)");
        if (sources > 1) throw f.fail(p, "give one of \"name\", \"file\" and \"table\", not " + sources);
        String file = f.text(n, p, "file", false);
        if (file != null && (file.isBlank() || file.length() > PATH_LENGTH || file.indexOf('\0') >= 0)) {
            throw f.fail(p + ".file", "expected the path of a CSV file, relative to this network file, found " + UserText.quote(file));
        }
        String formula = f.text(n, p, "formula", false);
        if (formula != null && formula.length() > Limits.FORMULA_LENGTH) {
            throw f.fail(p + ".formula", formula.length() + " characters, over the limit of " + Limits.FORMULA_LENGTH);
        }
        String task = f.text(n, p, "task", false);
        if (task != null && !TASKS.contains(task)) throw f.fail(p + ".task", "unknown task " + UserText.quote(task) + " (known: classification, regression)");
        return new DatasetSpec(f.text(n, p, "name", false),
                n.has("samples") ? f.limited(n, p, "samples", false, 1, Limits.SAMPLES) : null,
                f.optNumber(n, p, "noise", 0, 10),
                f.optNumber(n, p, "testRatio", 0, 0.95),
                n.has("seed") ? f.asLong(n.get("seed"), p + ".seed") : null,
                n.has("inputs") ? f.limited(n, p, "inputs", false, 1, Limits.MAJORITY_INPUTS) : null,
                n.has("classes") ? f.limited(n, p, "classes", false, 2, Limits.CLASSES) : null,
                formula, file,
                n.has("table") ? table(n.get("table"), p + ".table") : null,
                f.text(n, p, "label", false), task,
                n.has("standardize") ? standardize(n.get("standardize"), p + ".standardize") : null,
                n.has("scaling") ? scaling(n.get("scaling"), p + ".scaling") : null);
    }

    private EmbeddedTable table(JsonNode n, String p) throws SpecException {
        f.object(n, p, Set.of("columns", "rows"));
        JsonNode cols = f.required(n, p, "columns"), rows = f.required(n, p, "rows");
        if (!cols.isArray()) throw f.fail(p + ".columns", "expected an array of column names");
        if (cols.size() > Limits.TABLE_COLUMNS) throw f.fail(p + ".columns", cols.size() + " columns, over the limit of " + Limits.TABLE_COLUMNS);
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            if (!cols.get(i).isTextual()) throw f.fail(p + ".columns[" + i + "]", "expected a column name (a string)");
            columns.add(cols.get(i).asText());
        }
        if (!rows.isArray()) throw f.fail(p + ".rows", "expected an array of rows");
        if (rows.size() > Limits.EMBEDDED_ROWS) {
            throw f.fail(p + ".rows", rows.size() + " rows, over the limit of " + Limits.EMBEDDED_ROWS
                    + " for a table inside a network file; put the table in a CSV file and name it with \"file\"");
        }
        List<List<String>> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            String rp = p + ".rows[" + r + "]";
            if (!row.isArray()) throw f.fail(rp, "expected a row: an array of cells");
            if (row.size() > Limits.TABLE_COLUMNS) throw f.fail(rp, row.size() + " cells, over the limit of " + Limits.TABLE_COLUMNS);
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                JsonNode cell = row.get(c);
                if (!cell.isNumber() && !cell.isTextual()) throw f.fail(rp + "[" + c + "]", "expected a number or a string");
                cells.add(cell.asText());
            }
            out.add(cells);
        }
        return new EmbeddedTable(columns, out);
    }

    private Standardize standardize(JsonNode n, String p) throws SpecException {
        if (n.isBoolean()) return n.asBoolean() ? Standardize.ALL : new Standardize(false, List.of());
        if (!n.isArray()) throw f.fail(p, "expected true, false or an array of feature column names");
        if (n.size() > Limits.TABLE_COLUMNS) throw f.fail(p, n.size() + " names, over the limit of " + Limits.TABLE_COLUMNS);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isTextual()) throw f.fail(p + "[" + i + "]", "expected a column name (a string)");
            names.add(n.get(i).asText());
        }
        return new Standardize(false, names);
    }

    private List<Scale> scaling(JsonNode n, String p) throws SpecException {
        if (!n.isObject()) throw f.fail(p, "expected an object: {\"column\": {\"mean\": m, \"std\": s}, …}");
        if (n.size() > Limits.TABLE_COLUMNS) throw f.fail(p, n.size() + " columns, over the limit of " + Limits.TABLE_COLUMNS);
        List<Scale> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String ep = p + "." + e.getKey();
            f.object(e.getValue(), ep, Set.of("mean", "std"));
            out.add(new Scale(e.getKey(), f.number(e.getValue(), ep, "mean", true, -1e30, 1e30), f.number(e.getValue(), ep, "std", true, 1e-30, 1e30)));
        }
        return List.copyOf(out);
    }
}
