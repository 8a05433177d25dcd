package backprop.app.cli;

import backprop.engine.data.Dataset;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Model;
import backprop.engine.spec.UserText;
import backprop.engine.tensor.Tensor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every sample of a small dataset with every unit's output, as the model computes it: the
 * table a student checks the hand-built XOR against (x1 x2 | v1 v2 | y).
 */
final class TruthTable {
    /** Widest layer name shown in a column heading. */
    private static final int NAME_WIDTH = 24;

    private TruthTable() {}

    static void print(PrintWriter out, Model model, Dataset data) {
        List<Tensor> outputs = model.activations(data.inputsTensor());
        List<String> header = new ArrayList<>(data.featureNames().stream().map(n -> ">" + n).toList());
        for (int l = 0; l < outputs.size(); l++) {
            header.add("|");
            Layer layer = model.layers().get(l);
            int units = outputs.get(l).dim(1);
            String name = columnName(layer.name(), layer.type() + (l + 1));
            for (int j = 0; j < units; j++) header.add(">" + unitName(name, j, units));
        }
        header.add("|");
        header.add(">target");
        TextTable table = new TextTable(header.toArray(String[]::new));
        for (int n = 0; n < data.size(); n++) {
            List<String> row = new ArrayList<>();
            for (float x : data.x()[n]) row.add(number(x));
            for (Tensor t : outputs) {
                row.add("|");
                for (int j = 0; j < t.dim(1); j++) row.add(number(t.get(n, j)));
            }
            row.add("|");
            for (float y : data.y()[n]) row.add(number(y));
            table.row(row.toArray());
        }
        out.println("truth table (every unit's output z, from the model):");
        table.print(out);
    }

    /**
     * A layer's name as a column heading: an empty name (a file may say "name": "") falls back
     * to the default name, control characters are escaped so the table keeps one line per row,
     * and a long name is cut so the table stays readable.
     */
    private static String columnName(String name, String fallback) {
        return name == null || name.isEmpty() ? fallback : UserText.cut(UserText.escape(name), NAME_WIDTH);
    }

    /** "v" with two units gives v1, v2; "dense1" gives dense1.1, dense1.2; one unit keeps the layer's name. */
    private static String unitName(String layer, int j, int units) {
        if (units == 1) return layer;
        return Character.isDigit(layer.charAt(layer.length() - 1)) ? layer + "." + (j + 1) : layer + (j + 1);
    }

    /** Step units give exact 0 and 1: show them as such; anything else with four decimals. */
    private static String number(float v) {
        return v == Math.rint(v) ? String.valueOf((int) v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
