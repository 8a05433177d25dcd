package backprop.engine.train;

import backprop.engine.autodiff.Activation;
import backprop.engine.autodiff.Saturation;
import backprop.engine.tensor.Tensor;
import backprop.engine.trace.Histogram;

/**
 * What one pass over a layer's output z gives the statistics: its histogram, the fractions of
 * saturated outputs and of dead units ({@link backprop.engine.trace.LayerStatistics} defines
 * them). One loop does all of it, and finds a value that is not finite on the way, because it
 * runs every step a view of gradient flow trains.
 *
 * @param saturated NaN unless g is sigmoid or tanh
 * @param dead      NaN unless g is relu
 */
record OutputFigures(int[] histogram, float saturated, float dead) {
    /** The figures of z = g(·), or null if some value of z is not finite. */
    static OutputFigures of(Activation g, Tensor z) {
        float[] v = z.data();
        String id = g == null ? "" : g.id();
        boolean sigmoid = id.equals("sigmoid"), tanh = id.equals("tanh"), relu = id.equals("relu");
        // Two sets of counts, for even and odd positions: a run of equal values (a ReLU's zeros)
        // then does not wait on the count it has just written.
        int[] even = new int[Histogram.BINS], odd = new int[Histogram.BINS];
        int i = 0;
        for (; i + 1 < v.length; i += 2) {
            int b0 = Histogram.bin(v[i]), b1 = Histogram.bin(v[i + 1]);
            if ((b0 | b1) < 0) return null; // NaN or ±∞
            even[b0]++;
            odd[b1]++;
        }
        if (i < v.length) {
            int b0 = Histogram.bin(v[i]);
            if (b0 < 0) return null;
            even[b0]++;
        }
        int[] histogram = even;
        for (int b = 0; b < histogram.length; b++) histogram[b] += odd[b];
        // Saturation's rule, read off the output: g′ = g(1 − g) or 1 − g² under a tenth of its peak.
        int saturated = 0;
        float limit = Saturation.outputLimit(id);
        if (sigmoid) for (float x : v) saturated += x * (1f - x) < limit ? 1 : 0;
        else if (tanh) for (float x : v) saturated += 1f - x * x < limit ? 1 : 0;
        float sat = sigmoid || tanh ? (v.length == 0 ? Float.NaN : (float) saturated / v.length) : Float.NaN;
        return new OutputFigures(histogram, sat, relu ? dead(v, v.length / Math.max(1, z.dim(0))) : Float.NaN);
    }

    /**
     * ReLU units that are 0 for every sample: no gradient reaches their weights this step. Each
     * unit's column is read only up to its first non-zero value, one or two rows for a live
     * unit, so this costs next to nothing unless many units are dead.
     */
    private static float dead(float[] z, int units) {
        if (z.length == 0) return Float.NaN;
        int dead = 0;
        for (int j = 0; j < units; j++) {
            int r = j;
            while (r < z.length && z[r] == 0f) r += units;
            if (r >= z.length) dead++;
        }
        return (float) dead / units;
    }
}
