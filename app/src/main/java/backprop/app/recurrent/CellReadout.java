package backprop.app.recurrent;

import backprop.engine.layers.recurrent.CellType;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.TraceTensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the cell diagram shows: the values the engine's trace holds for one sequence, one time
 * step and one unit, read out and nothing computed. Keys are the trace's ("f", "c_tilde",
 * "pre.f", …) plus "x" (the input at t), "h_prev" and "c_prev" (the states the step started
 * from: the trace's h and c at t − 1; zero at the first step, where the engine starts every
 * sequence from h_0 = c_0 = 0).
 */
public record CellReadout(CellType cell, int sample, int t, int steps, int unit, int units,
                          Map<String, Float> values, Set<String> forced) {

    /** The parts of each cell's diagram a user can point at, in reading order. */
    public static List<String> parts(CellType cell) {
        return switch (cell) {
            case LSTM -> List.of("c_prev", "h_prev", "x", "f", "i", "c_tilde", "o", "c", "h");
            case GRU -> List.of("h_prev", "x", "r", "z", "h_tilde", "h");
            case RNN -> List.of("h_prev", "x", "h");
        };
    }

    /** The per-step quantities the timeline stacks in each column, gates first. */
    public static List<String> columns(CellType cell) {
        return switch (cell) {
            case LSTM -> List.of("f", "i", "o", "c_tilde", "c", "h");
            case GRU -> List.of("z", "r", "h_tilde", "h");
            case RNN -> List.of("a", "h");
        };
    }

    public static CellReadout of(LayerTrace layer, int sample, int t, int unit) {
        CellType cell = CellType.byType(layer.type());
        int steps = Integer.parseInt(layer.attributes().get("steps")), units = Integer.parseInt(layer.attributes().get("units"));
        Map<String, Float> v = new LinkedHashMap<>();
        v.put("x", at(layer.tensor("input"), sample, t, 0));
        for (String key : layer.tensors().keySet()) {
            TraceTensor tt = layer.tensor(key);
            if (tt.rank() != 3 || key.equals("input")) continue;
            v.put(key, at(tt, sample, t, unit));
        }
        v.put("h_prev", t == 0 ? 0f : at(layer.tensor("h"), sample, t - 1, unit));
        if (cell == CellType.LSTM) v.put("c_prev", t == 0 ? 0f : at(layer.tensor("c"), sample, t - 1, unit));
        return new CellReadout(cell, sample, t, steps, unit, units, Collections.unmodifiableMap(v), forcedGates(layer));
    }

    /** The gates the engine ran forced, from the trace's attribute ("f = 1.0, i = 0.0"). */
    static Set<String> forcedGates(LayerTrace layer) {
        Set<String> out = new TreeSet<>();
        String f = layer.attributes().get("forced");
        if (f == null || f.isBlank()) return out;
        for (String part : f.split(",")) out.add(part.split("=")[0].strip());
        return out;
    }

    static float at(TraceTensor t, int n, int step, int j) {
        int steps = t.dim(1), width = t.dim(2);
        return t.data()[(n * steps + step) * width + j];
    }

    public float value(String key) {
        Float f = values.get(key);
        if (f == null) throw new IllegalArgumentException("the " + cell.type() + " trace has no " + key);
        return f;
    }

    public boolean has(String key) { return values.containsKey(key); }

    /** The same readout with {@code key} hidden (NaN, written "?"): a lesson asks the student for it. */
    public CellReadout concealing(String key) {
        if (!values.containsKey(key)) return this;
        Map<String, Float> v = new LinkedHashMap<>(values);
        v.put(key, Float.NaN);
        return new CellReadout(cell, sample, t, steps, unit, units, Collections.unmodifiableMap(v), forced);
    }

    /** The number as the diagram writes it. */
    public String text(String key) { return RecurrentText.num(value(key)); }

    public boolean isForced(String gate) { return forced.contains(gate); }
}
