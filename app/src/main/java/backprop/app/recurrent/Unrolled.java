package backprop.app.recurrent;

import backprop.engine.layers.recurrent.CellType;
import backprop.engine.trace.LayerTrace;
import java.util.List;
import java.util.Set;

/**
 * What the unrolled timeline shows for one sequence: the input at every step and, per step,
 * each quantity of {@link CellReadout#columns} for every unit, read from the engine's trace;
 * plus which step and unit are selected. {@code values[k][t][j]} is quantity k at step t, unit j.
 */
public record Unrolled(CellType cell, List<String> keys, float[] x, float[][][] values, int t, int unit, Set<String> forced) {

    public int steps() { return x.length; }

    public int units() { return values.length == 0 || values[0].length == 0 ? 0 : values[0][0].length; }

    public static Unrolled of(LayerTrace layer, int sample, int t, int unit) {
        CellType cell = CellType.byType(layer.type());
        List<String> keys = CellReadout.columns(cell);
        int steps = Integer.parseInt(layer.attributes().get("steps")), units = Integer.parseInt(layer.attributes().get("units"));
        float[] x = new float[steps];
        for (int s = 0; s < steps; s++) x[s] = CellReadout.at(layer.tensor("input"), sample, s, 0);
        float[][][] v = new float[keys.size()][steps][units];
        for (int k = 0; k < keys.size(); k++) {
            for (int s = 0; s < steps; s++) for (int j = 0; j < units; j++) v[k][s][j] = CellReadout.at(layer.tensor(keys.get(k)), sample, s, j);
        }
        return new Unrolled(cell, keys, x, v, t, unit, CellReadout.forcedGates(layer));
    }

    /** The value of quantity {@code key} at step {@code step}, unit {@code j}. */
    public float value(String key, int step, int j) {
        int k = keys.indexOf(key);
        if (k < 0) throw new IllegalArgumentException("the timeline has no " + key);
        return values[k][step][j];
    }
}
