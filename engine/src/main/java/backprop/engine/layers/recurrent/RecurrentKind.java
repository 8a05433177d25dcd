package backprop.engine.layers.recurrent;

import backprop.engine.gradcheck.GradCheck;
import backprop.engine.layers.Field;
import backprop.engine.layers.LayerKind;
import backprop.engine.nn.Layer;
import backprop.engine.spec.Limits;
import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecFields;
import backprop.engine.spec.SpecWriter;
import backprop.engine.spec.UserText;
import backprop.engine.tensor.Shapes;
import backprop.engine.tensor.Tensor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The rnn, lstm and gru kinds (one instance per cell type): their file fields, checked block by
 * block with the JSON path of any mistake, how they build and how their gradients are checked.
 */
public final class RecurrentKind implements LayerKind<RecurrentSpec> {
    private final CellType cell;

    public RecurrentKind(CellType cell) { this.cell = cell; }

    public CellType cell() { return cell; }

    @Override public String type() { return cell.type(); }
    @Override public String displayName() { return cell.displayName(); }
    @Override public Class<RecurrentSpec> specClass() { return RecurrentSpec.class; }

    @Override
    public boolean readsSequences() { return true; }

    @Override
    public List<Field> fields() {
        String keys = cell.keyed() ? " keyed " + String.join(", ", cell.blocks()) : "";
        return List.of(
                new Field("units", "integer 1–65536", true, "H, the size of the hidden state"),
                new Field("U", cell.keyed() ? "object of [inputs][units]" : "[inputs][units] numbers", false, "input weights" + keys + "; drawn from the seed if absent"),
                new Field("W", cell.keyed() ? "object of [units][units]" : "[units][units] numbers", false, "recurrent weights" + keys + "; drawn from the seed if absent"),
                new Field("b", cell.keyed() ? "object of [units]" : "[units] numbers", false, "biases" + keys + "; if absent zeros, except an LSTM's forget bias 1 and a GRU's update bias −1"));
    }

    @Override
    public RecurrentSpec read(JsonNode n, String p, Common common, int[] inputSizes, SpecFields f) throws SpecException {
        int in = inputSizes[0];
        int units = f.limited(n, p, "units", true, 1, Limits.UNITS);
        Map<String, float[][]> u = n.has("U") ? matrices(n.get("U"), p + ".U", in, units, "input feature", f) : null;
        // W's rows multiply h_{t−1}, so a row count message that said "input" would mislead.
        Map<String, float[][]> w = n.has("W") ? matrices(n.get("W"), p + ".W", units, units, "unit of h_{t−1}", f) : null;
        Map<String, float[]> b = n.has("b") ? vectors(n.get("b"), p + ".b", units, f) : null;
        return new RecurrentSpec(cell, common, units, u, w, b);
    }

    /** {"i": [[…]], "f": …} with exactly the cell's keys, or a plain matrix for the RNN. */
    private Map<String, float[][]> matrices(JsonNode v, String p, int rows, int cols, String row, SpecFields f) throws SpecException {
        Map<String, float[][]> out = new LinkedHashMap<>();
        if (!cell.keyed()) {
            if (v != null && v.isObject()) throw plainNotKeyed(v, p, f);
            out.put(cell.blocks().get(0), f.matrix(v, p, rows, cols, row));
            return out;
        }
        keys(v, p, f);
        for (String k : cell.blocks()) out.put(k, f.matrix(v.get(k), p + "." + k, rows, cols, row));
        return out;
    }

    private Map<String, float[]> vectors(JsonNode v, String p, int len, SpecFields f) throws SpecException {
        Map<String, float[]> out = new LinkedHashMap<>();
        if (!cell.keyed()) {
            if (v != null && v.isObject()) throw plainNotKeyed(v, p, f);
            out.put(cell.blocks().get(0), f.vector(v, p, len));
            return out;
        }
        keys(v, p, f);
        for (String k : cell.blocks()) out.put(k, f.vector(v.get(k), p + "." + k, len));
        return out;
    }

    /** The object must have every block key of this cell and no other. */
    private void keys(JsonNode v, String p, SpecFields f) throws SpecException {
        String expected = String.join(", ", cell.blocks());
        if (v == null || !v.isObject()) {
            throw f.fail(p, "expected an object with keys " + expected + " (one per " + cell.type() + " block), found " + SpecFields.describe(v));
        }
        for (java.util.Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (cell.blocks().contains(k)) continue;
            // Keys of another cell (an LSTM's i, f, o, c on a GRU) are the likely mistake: say whose they are.
            CellType owner = null;
            for (CellType c : CellType.values()) if (c != cell && c.keyed() && c.blocks().contains(k)) owner = c;
            String whose = owner == null ? "unknown key '" + UserText.cut(UserText.escape(k), UserText.QUOTE_LENGTH) + "'"
                    : "key '" + k + "' belongs to " + article(owner) + " layer";
            throw f.fail(p + "." + UserText.cut(UserText.escape(k), UserText.QUOTE_LENGTH), whose + "; " + article(cell) + " layer has the blocks " + expected);
        }
        f.object(v, p, new LinkedHashSet<>(cell.blocks()));
        for (String k : cell.blocks()) {
            if (!v.has(k)) throw f.fail(p, "missing key '" + k + "': " + article(cell) + " layer has the blocks " + expected);
        }
    }

    /** "an lstm", "a gru", "an rnn": the type as read aloud. */
    private static String article(CellType c) { return (c == CellType.GRU ? "a " : "an ") + c.type(); }

    /** The RNN has one block and writes U, W, b without keys; an object there is the LSTM/GRU form. */
    private SpecException plainNotKeyed(JsonNode v, String p, SpecFields f) {
        return f.fail(p, "an rnn layer has a single block: write it as a plain array, not an object with keys (found keys "
                + UserText.cut(UserText.escape(String.join(", ", (Iterable<String>) v::fieldNames)), UserText.QUOTE_LENGTH) + ")");
    }

    @Override public int outputSize(RecurrentSpec s, int[] inputSizes) { return s.units(); }

    @Override
    public long parameterCount(RecurrentSpec s, int[] inputSizes) {
        int g = cell.blockCount();
        return Shapes.product(g, inputSizes[0], s.units()) + Shapes.product(g, s.units(), s.units()) + Shapes.product(g, s.units());
    }

    /**
     * Per step, each of the cell's g blocks (1 for an RNN, 3 for a GRU, 4 for an LSTM) is x·U plus
     * h·W: g·(n_in·H + H·H). The gates' elementwise products use no weight and are not counted.
     */
    @Override
    public long multiplyAdds(RecurrentSpec s, int[][] inputShapes) {
        int g = cell.blockCount();
        return Shapes.product(g, LayerKind.sizes(inputShapes)[0], s.units()) + Shapes.product(g, s.units(), s.units());
    }

    @Override
    public void write(RecurrentSpec s, ObjectNode o) {
        o.put("units", s.units());
        if (s.u() != null) o.set("U", blocks(s.u()));
        if (s.w() != null) o.set("W", blocks(s.w()));
        if (s.b() != null) o.set("b", blocks(s.b()));
    }

    private JsonNode blocks(Map<String, ?> m) {
        return cell.keyed() ? SpecWriter.tree(m) : SpecWriter.tree(m.get(cell.blocks().get(0)));
    }

    /**
     * Omitted weights: U and W uniform in ±1/√H (the usual recurrent initialisation), drawn
     * block by block, row by row; b from {@link #defaultBias} (Gers et al. 2000; Jozefowicz et
     * al. 2015 for the LSTM's forget bias).
     */
    @Override
    public Layer build(RecurrentSpec s, String name, int[] inputSizes, Random seeded) {
        int in = inputSizes[0], hh = s.units(), g = cell.blockCount();
        float a = (float) (1.0 / Math.sqrt(hh));
        float[] u = new float[in * g * hh], w = new float[hh * g * hh], b = new float[g * hh];
        for (int k = 0; k < g; k++) {
            String key = cell.blocks().get(k);
            fill(u, g * hh, k * hh, s.u() != null ? s.u().get(key) : null, in, hh, a, seeded);
            fill(w, g * hh, k * hh, s.w() != null ? s.w().get(key) : null, hh, hh, a, seeded);
            float[] bk = s.b() != null ? s.b().get(key) : null;
            for (int j = 0; j < hh; j++) b[k * hh + j] = bk != null ? bk[j] : defaultBias(key);
        }
        return new RecurrentLayer(name, cell, new Tensor(u, in, g * hh), new Tensor(w, hh, g * hh), new Tensor(b, g * hh));
    }

    /**
     * Biases start at zero except the gates that decide how much memory is kept: the LSTM's
     * forget gate at +1 (f ≈ 0.73) and the GRU's update gate at −1 (z ≈ 0.27, so h_t keeps
     * about three quarters of h_{t−1}). Both make the untrained cell remember rather than
     * forget, so a gradient from late steps still reaches early ones.
     */
    private float defaultBias(String key) {
        if (cell == CellType.LSTM && key.equals("f")) return 1f;
        if (cell == CellType.GRU && key.equals("z")) return -1f;
        return 0f;
    }

    private static void fill(float[] packed, int gw, int off, float[][] given, int rows, int hh, float a, Random r) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < hh; j++) packed[i * gw + off + j] = given != null ? given[i][j] : (2f * r.nextFloat() - 1f) * a;
        }
    }

    @Override
    public RecurrentSpec withWeights(RecurrentSpec s, Layer built) {
        RecurrentLayer l = (RecurrentLayer) built;
        Map<String, float[][]> u = new LinkedHashMap<>(), w = new LinkedHashMap<>();
        Map<String, float[]> b = new LinkedHashMap<>();
        for (int k = 0; k < cell.blockCount(); k++) {
            String key = cell.blocks().get(k);
            u.put(key, RecurrentLayer.block(l.u().value(), k, l.units()));
            w.put(key, RecurrentLayer.block(l.w().value(), k, l.units()));
            b.put(key, RecurrentLayer.blockVector(l.b().value(), k, l.units()));
        }
        return s.withWeights(u, w, b);
    }

    @Override
    public List<GradCheck.Result> gradChecks(Random r) {
        return RecurrentChecks.checks(cell, r);
    }
}
