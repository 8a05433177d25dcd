package backprop.engine.layers.recurrent;

/**
 * Everything one forward pass of a recurrent layer computed over a batch of sequences, kept
 * for its backward pass and its trace. Rows are sample-major: row n·T + t is step t of
 * sequence n. Gate blocks sit side by side in one row of G·H numbers (LSTM: i | f | o | c̃).
 */
public final class SequenceRun {
    final CellType cell;
    final int n, steps, features, units;
    /** Inputs, [N·T][F]. */
    final float[] x;
    /** x's non-zeros when it is mostly zero (one-hot characters), else null: found once, used forward and backward. */
    InputProduct.NonZeros inputNonZeros;
    /** Gate and candidate values after their σ or tanh, [N·T][G·H]; before the cell runs, x U + b. */
    final float[] act;
    /** Hidden states h_t, [N·T][H]: the layer's output. */
    final float[] h;
    /** LSTM cell states c_t and tanh(c_t), [N·T][H]; null for the other cells. */
    final float[] c, tanhC;
    /** GRU r_t ∘ h_{t−1}, the input of W_h, [N·T][H]; null for the other cells. */
    final float[] rh;
    /** Initial states h_0 and c_0, [N][H] (zeros unless given). */
    final float[] h0, c0;
    /** Forced gate values by block index (NaN: computed), from the user's choices. */
    final float[] forced;
    /**
     * Each block's pre-activation (x_t U + h_{t−1} W + b, before its σ or tanh), [N·T][G·H]; kept
     * only when a trace is recorded (null otherwise), so a view can print σ(0.42) = 0.603.
     */
    float[] pre;
    /** After backward: ∂R/∂h_t and ∂R/∂c_t through every path, and ∂R/∂(pre-activation). */
    float[] dh, dc, dPre;

    SequenceRun(CellType cell, int n, int steps, int features, int units, float[] x, float[] h0, float[] c0, float[] forced) {
        this.cell = cell;
        this.n = n;
        this.steps = steps;
        this.features = features;
        this.units = units;
        this.x = x;
        int rows = n * steps;
        this.act = new float[rows * cell.blockCount() * units];
        this.h = new float[rows * units];
        this.c = cell == CellType.LSTM ? new float[rows * units] : null;
        this.tanhC = cell == CellType.LSTM ? new float[rows * units] : null;
        this.rh = cell == CellType.GRU ? new float[rows * units] : null;
        this.h0 = h0 != null ? h0 : new float[n * units];
        this.c0 = c0 != null ? c0 : new float[n * units];
        this.forced = forced;
    }

    public CellType cell() { return cell; }

    public int batch() { return n; }

    public int steps() { return steps; }

    public int units() { return units; }

    /** The width of one packed row of gates, G·H. */
    int width() { return cell.blockCount() * units; }

    /** h_{t−1} of sample s, unit j (h_0 before the first step). */
    float prevH(int s, int t, int j) { return t == 0 ? h0[s * units + j] : h[(s * steps + t - 1) * units + j]; }

    float prevC(int s, int t, int j) { return t == 0 ? c0[s * units + j] : c[(s * steps + t - 1) * units + j]; }

    /** Keeps block k's pre-activation at packed index {@code at} (no-op unless a trace is recorded). */
    void keepPre(int at) {
        if (pre != null) pre[at] = act[at];
    }

    /** Keeps the {@code len} pre-activations from packed index {@code at} on (no-op unless a trace is recorded). */
    void keepPre(int at, int len) {
        if (pre != null) System.arraycopy(act, at, pre, at, len);
    }

    /** Whether h_0 is all zeros: the first step then has no recurrent product to compute. */
    boolean zeroStart() {
        for (float v : h0) if (v != 0f) return false;
        return true;
    }

    /** h_T of each sample, [N][H]: where a following call continues (sampling text). */
    public float[] lastH() { return last(h); }

    /** c_T of each sample (LSTM), else null. */
    public float[] lastC() { return c == null ? null : last(c); }

    private float[] last(float[] states) {
        float[] out = new float[n * units];
        for (int s = 0; s < n; s++) System.arraycopy(states, (s * steps + steps - 1) * units, out, s * units, units);
        return out;
    }

    /**
     * One quantity of every step as [N][T][H] in one array (the layout of a trace tensor), by
     * its trace key: a gate ("i", "f", "o", "z", "r"), a candidate ("c_tilde", "h_tilde"), the
     * RNN's pre-activation "a", a state ("h", "c"), a gradient of R ("dh", "dc") or a block's
     * pre-activation ("pre.f", "pre.c", "pre.h", …: "pre." and the block's key). Null when this
     * cell has no such quantity, the backward pass has not run or the pass kept no pre-activations.
     */
    public float[] quantity(String key) {
        return switch (key) {
            case "h" -> h.clone();
            case "c" -> c == null ? null : c.clone();
            case "dh" -> dh == null ? null : dh.clone();
            case "dc" -> dc == null ? null : dc.clone();
            case "c_tilde" -> cell == CellType.LSTM ? block(3) : null;
            case "h_tilde" -> cell == CellType.GRU ? block(2) : null;
            case "a" -> cell == CellType.RNN ? block(0) : null;
            default -> {
                if (key.startsWith("pre.")) {
                    int k = cell.blocks().indexOf(key.substring(4));
                    yield pre == null || k < 0 ? null : block(pre, k);
                }
                yield cell.gates().contains(key) ? block(cell.gates().indexOf(key)) : null;
            }
        };
    }

    private float[] block(int g) { return block(act, g); }

    private float[] block(float[] packed, int g) {
        int rows = n * steps, w = width();
        float[] out = new float[rows * units];
        for (int r = 0; r < rows; r++) System.arraycopy(packed, r * w + g * units, out, r * units, units);
        return out;
    }
}
