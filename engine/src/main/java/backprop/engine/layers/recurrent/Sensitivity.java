package backprop.engine.layers.recurrent;

import backprop.engine.backend.Backend;
import backprop.engine.backend.Backends;
import java.util.Map;

/**
 * How strongly each hidden state still depends on the start of the sequence: the decks'
 * vanishing-gradient picture, computed exactly. Forward-mode differentiation carries the
 * Jacobian ∂h_t/∂x_1 (or ∂h_t/∂h_1) along the sequence one step at a time, each step through
 * the same local derivatives backprop uses ({@link Cell#tangent}), so these are the gradients
 * the network really has, not an estimate.
 *
 * @param cell    the cell type
 * @param perUnit [T][H]: ‖∂h_t,j/∂x_1‖ over the input's features (or over h_1's units)
 * @param norm    [T]: the Frobenius norm ‖∂h_t/∂x_1‖ of the whole Jacobian at each step
 */
public record Sensitivity(CellType cell, float[][] perUnit, float[] norm) {

    /** ‖∂h_t/∂x_1‖ for one sequence {@code x} [T][in] through {@code layer}, with gates forced as given. */
    public static Sensitivity toFirstInput(RecurrentLayer layer, float[][] x, Map<String, Float> forced) {
        SequenceRun r = layer.run(flatten(x, layer.inputSize()), 1, x.length, null, null, forced);
        int in = layer.inputSize(), gw = r.width();
        // Direction e_f of x_1 moves the pre-activations by row f of U: the seed is U itself.
        float[] seed = layer.u().value().data().clone();
        return propagate(layer, r, in, seed, new float[in * r.units], 0);
    }

    /** ‖∂h_t/∂h_1‖ for t = 1 … T: how far back a hidden state's influence reaches (‖∂h_1/∂h_1‖ = ‖I‖ = √H). */
    public static Sensitivity toFirstState(RecurrentLayer layer, float[][] x, Map<String, Float> forced) {
        SequenceRun r = layer.run(flatten(x, layer.inputSize()), 1, x.length, null, null, forced);
        int hh = r.units;
        float[] th = new float[hh * hh];
        for (int j = 0; j < hh; j++) th[j * hh + j] = 1f;
        return propagate(layer, r, hh, null, th, 1);
    }

    /** Carries P tangent directions from step {@code from}; the steps before it are left at zero. */
    private static Sensitivity propagate(RecurrentLayer layer, SequenceRun r, int p, float[] seed, float[] th, int from) {
        Backend be = Backends.current();
        Cell cell = Cell.of(r.cell);
        int hh = r.units, gw = r.width(), steps = r.steps;
        float[] tc = new float[p * hh];
        float[][] perUnit = new float[steps][hh];
        float[] norm = new float[steps];
        float[] w = layer.w().value().data();
        if (from == 1) record(th, p, hh, perUnit[0], norm, 0);
        for (int t = from; t < steps; t++) {
            float[] tpre = t == 0 && seed != null ? seed : new float[p * gw];
            cell.tangent(r, w, t, p, tpre, th, tc, be);
            record(th, p, hh, perUnit[t], norm, t);
        }
        return new Sensitivity(r.cell, perUnit, norm);
    }

    private static void record(float[] th, int p, int hh, float[] unit, float[] norm, int t) {
        double total = 0;
        for (int j = 0; j < hh; j++) {
            double s = 0;
            for (int q = 0; q < p; q++) s += (double) th[q * hh + j] * th[q * hh + j];
            unit[j] = (float) Math.sqrt(s);
            total += s;
        }
        norm[t] = (float) Math.sqrt(total);
    }

    private static float[] flatten(float[][] x, int in) {
        float[] out = new float[x.length * in];
        for (int t = 0; t < x.length; t++) {
            if (x[t].length != in) throw new IllegalArgumentException("step " + (t + 1) + " has " + x[t].length + " values, the layer reads " + in);
            System.arraycopy(x[t], 0, out, t * in, in);
        }
        return out;
    }
}
