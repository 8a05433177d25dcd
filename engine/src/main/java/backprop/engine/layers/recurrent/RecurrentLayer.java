package backprop.engine.layers.recurrent;

import backprop.engine.autodiff.Var;
import backprop.engine.backend.Backend;
import backprop.engine.backend.Backends;
import backprop.engine.nn.Pass;
import backprop.engine.nn.Recorder;
import backprop.engine.nn.SingleInputLayer;
import backprop.engine.nn.Traces;
import backprop.engine.tensor.Tensor;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.TraceTensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recurrent layer (RNN, LSTM or GRU) over a batch of sequences. Its whole sequence is one
 * node of the tape: the forward pass runs the cell over t = 1 … T, and the node's backward
 * rule is backprop through time, the loop run in reverse. The gradient of the shared weights
 * is the sum of every step's share (one product over all steps at the end).
 *
 * <p>The weights of all blocks are packed side by side, {@code U} [in][G·H], {@code W}
 * [H][G·H], {@code b} [G·H], so that one matrix product serves every gate; the network file
 * and the trace show them block by block ({@link #block}).
 */
public final class RecurrentLayer extends SingleInputLayer {
    private final String name;
    private final CellType type;
    private final Cell cell;
    private final Var u, w, b;
    /** The last recorded forward pass, for {@link #trace}: traced steps run one at a time. */
    private SequenceRun recorded;
    private Var recordedOutput;

    /** Packed weights: u [in][G·H], w [H][G·H], b [G·H]. */
    public RecurrentLayer(String name, CellType type, Tensor u, Tensor w, Tensor b) {
        int g = type.blockCount(), hh = w.rank() == 2 ? w.dim(0) : -1;
        if (u.rank() != 2 || w.rank() != 2 || b.rank() != 1 || w.dim(1) != g * hh || u.dim(1) != g * hh || b.dim(0) != g * hh) {
            throw new IllegalArgumentException(name + ": U " + Arrays.toString(u.shape()) + ", W " + Arrays.toString(w.shape())
                    + " and b " + Arrays.toString(b.shape()) + " do not fit a " + type.type() + " layer");
        }
        this.name = name;
        this.type = type;
        this.cell = Cell.of(type);
        this.u = Var.param(u, name + ".U");
        this.w = Var.param(w, name + ".W");
        this.b = Var.param(b, name + ".b");
    }

    @Override public String type() { return type.type(); }
    @Override public String name() { return name; }
    @Override public int inputSize() { return u.value().dim(0); }
    @Override public int outputSize() { return units(); }
    public CellType cell() { return type; }
    public int units() { return w.value().dim(0); }
    public Var u() { return u; }
    public Var w() { return w; }
    public Var b() { return b; }

    @Override public List<Var> params() { return List.of(u, w, b); }

    @Override public List<Var> penalised() { return List.of(u, w); }

    @Override
    public Var forward(Var x, Pass pass) {
        int steps = pass.steps(), rows = x.value().dim(0);
        if (rows % steps != 0) throw new IllegalArgumentException(name + ": " + rows + " rows do not split into sequences of " + steps + " steps");
        int n = rows / steps, truncate = pass.sequence() == null ? 0 : pass.sequence().truncate();
        Map<String, Float> forced = pass.sequence() == null ? Map.of() : pass.sequence().forcedGates();
        SequenceRun run = run(x.value().data(), n, steps, null, null, forced, pass.recorder() != null);
        Var out = Var.function(new Tensor(run.h, rows, units()), type.type(), o -> backward(run, o, x, truncate), x, u, w, b);
        if (pass.recorder() != null) {
            pass.recorder().record(this, x, null, out);
            recorded = run;
            recordedOutput = out;
        }
        return out.label(name + ".h");
    }

    /**
     * The forward pass alone on N sequences of T steps, {@code x} [N·T][in] sample-major,
     * starting from {@code h0}, {@code c0} ([N][H], null for zeros): for sampling text step by
     * step and for the sensitivity views.
     */
    public SequenceRun run(float[] x, int n, int steps, float[] h0, float[] c0, Map<String, Float> forcedGates) {
        return run(x, n, steps, h0, c0, forcedGates, false);
    }

    /** As above; {@code keepPre}: also keep every block's pre-activation, for a trace. */
    private SequenceRun run(float[] x, int n, int steps, float[] h0, float[] c0, Map<String, Float> forcedGates, boolean keepPre) {
        Backend be = Backends.current();
        int in = inputSize(), gw = type.blockCount() * units();
        if (x.length != n * steps * in) throw new IllegalArgumentException(name + ": " + x.length + " inputs do not make " + n + " × " + steps + " steps of " + in);
        SequenceRun r = new SequenceRun(type, n, steps, in, units(), x, h0, c0, forced(forcedGates));
        if (keepPre) r.pre = new float[r.act.length];
        // x_t U + b for every step at once
        r.inputNonZeros = InputProduct.sparse(x, in);
        InputProduct.forward(r.inputNonZeros, x, n * steps, in, u.value().data(), gw, r.act, be);
        float[] bias = b.value().data();
        for (int row = 0; row < r.act.length; row += gw) for (int j = 0; j < gw; j++) r.act[row + j] += bias[j];
        float[] wv = w.value().data();
        be.holding(wv, () -> {
            for (int t = 0; t < steps; t++) cell.forward(r, wv, t, be);
        });
        return r;
    }

    private float[] forced(Map<String, Float> forcedGates) {
        float[] f = new float[type.blockCount()];
        Arrays.fill(f, Float.NaN);
        forcedGates.forEach((gate, v) -> {
            int k = type.gates().indexOf(gate);
            if (k >= 0) f[k] = v;
        });
        return f;
    }

    /** Backprop through time: the steps in reverse, then the shared weights' gradients summed over them. */
    private void backward(SequenceRun r, Var out, Var x, int truncate) {
        Backend be = Backends.current();
        int hh = units(), gw = r.width(), rows = r.n * r.steps, in = inputSize();
        float[] dOut = out.grad().data();
        r.dh = new float[rows * hh];
        r.dc = type == CellType.LSTM ? new float[rows * hh] : null;
        r.dPre = new float[rows * gw];
        float[] dhNext = new float[r.n * hh], dcNext = new float[r.n * hh];
        float[] wv = w.value().data();
        be.holding(wv, () -> {
            for (int t = r.steps - 1; t >= 0; t--) {
                cell.backward(r, wv, t, dOut, dhNext, dcNext, be);
                // Truncated BPTT: the gradient does not cross the start of a window into the one before.
                if (truncate > 0 && t % truncate == 0) {
                    Arrays.fill(dhNext, 0f);
                    Arrays.fill(dcNext, 0f);
                }
            }
        });
        float[] dw = new float[hh * gw];
        cell.weightGradient(r, dw, be);
        w.addGrad(dw);
        float[] du = new float[in * gw];
        InputProduct.gradient(r.inputNonZeros, r.x, rows, in, r.dPre, gw, du, be);   // Σ_t x_tᵀ dPre_t
        u.addGrad(du);
        float[] db = new float[gw];
        for (int row = 0; row < r.dPre.length; row += gw) for (int j = 0; j < gw; j++) db[j] += r.dPre[row + j];
        b.addGrad(db);
        if (x.needsGrad()) {
            float[] dx = new float[rows * in];
            be.gemm(false, true, rows, in, gw, 1f, r.dPre, 0, gw, u.value().data(), 0, gw, 0f, dx, 0, in);
            x.addGrad(dx);
        }
    }

    // ---------------------------------------------------------------- blocks and traces

    /** Block k of a packed [rows][G·H] matrix as [rows][H] (U_i, W_f, …). */
    public static float[][] block(Tensor packed, int k, int units) {
        int rows = packed.rank() == 2 ? packed.dim(0) : 1, gw = packed.size() / rows;
        float[][] out = new float[rows][units];
        for (int i = 0; i < rows; i++) System.arraycopy(packed.data(), i * gw + k * units, out[i], 0, units);
        return out;
    }

    /** Block k of a packed bias. */
    public static float[] blockVector(Tensor packed, int k, int units) {
        return Arrays.copyOfRange(packed.data(), k * units, (k + 1) * units);
    }

    /**
     * The trace: the input, then for every step the gates, states and their gradients, and each
     * block's pre-activation ("pre.i" … "pre.c"; "pre.z", "pre.r", "pre.h"), as [N][T][H] tensors (δs per sample: ∂L_n/∂h_t through every path), then U, W, b and their
     * gradients block by block ("U.i", "gradW.f"; the RNN's are plain "U", "gradU").
     */
    @Override
    public LayerTrace trace(Recorder.Entry e, int batch) {
        if (recorded == null || recordedOutput != e.z()) throw new IllegalStateException(name + ": no recorded pass for this trace");
        SequenceRun r = recorded;
        Map<String, TraceTensor> t = new LinkedHashMap<>();
        int[] seq = {r.n, r.steps, units()};
        t.put("input", new TraceTensor(new int[] {r.n, r.steps, inputSize()}, r.x.clone()));
        for (String key : traceKeys()) {
            float[] v = r.quantity(key);
            if (key.startsWith("d")) for (int i = 0; i < v.length; i++) v[i] *= batch;   // ∂R → ∂L_n
            t.put(key, new TraceTensor(seq, v));
        }
        // Pre-activations (the RNN's is "a" already): what σ or tanh was applied to, per block.
        if (type != CellType.RNN) for (String block : type.blocks()) t.put("pre." + block, new TraceTensor(seq, r.quantity("pre." + block)));
        putBlocks(t, "", false);
        putBlocks(t, "grad", true);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("cell", type.type());
        attributes.put("steps", Integer.toString(r.steps));
        attributes.put("units", Integer.toString(units()));
        String forced = forcedText(r);
        if (!forced.isEmpty()) attributes.put("forced", forced);
        return Traces.of(this, attributes, t);
    }

    /** The step quantities a trace lists, in the order (LSTM, GRU, RNN). */
    public List<String> traceKeys() {
        return switch (type) {
            case LSTM -> List.of("i", "f", "o", "c_tilde", "c", "h", "dh", "dc");
            case GRU -> List.of("z", "r", "h_tilde", "h", "dh");
            case RNN -> List.of("a", "h", "dh");
        };
    }

    private static String forcedText(SequenceRun r) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < r.forced.length; k++) {
            if (Float.isNaN(r.forced[k])) continue;
            if (sb.length() > 0) sb.append(", ");
            sb.append(r.cell.gates().get(k)).append(" = ").append(r.forced[k]);
        }
        return sb.toString();
    }

    /** U, W, b (or their gradients) block by block. */
    private void putBlocks(Map<String, TraceTensor> t, String prefix, boolean gradient) {
        int hh = units();
        Tensor uv = gradient ? u.grad() : u.value(), wv = gradient ? w.grad() : w.value(), bv = gradient ? b.grad() : b.value();
        for (int k = 0; k < type.blockCount(); k++) {
            String suffix = type.keyed() ? "." + type.blocks().get(k) : "";
            t.put(key(prefix, "U") + suffix, TraceTensor.of(block(uv, k, hh)));
            t.put(key(prefix, "W") + suffix, TraceTensor.of(block(wv, k, hh)));
            t.put(key(prefix, "b") + suffix, TraceTensor.of(blockVector(bv, k, hh)));
        }
    }

    private static String key(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + (name.equals("b") ? "B" : name);
    }

    /** The weights after the optimiser's update, block by block ("UAfter.i", …). */
    @Override
    public LayerTrace afterUpdate(LayerTrace before) {
        Map<String, TraceTensor> t = new LinkedHashMap<>();
        int hh = units();
        for (int k = 0; k < type.blockCount(); k++) {
            String suffix = type.keyed() ? "." + type.blocks().get(k) : "";
            t.put("UAfter" + suffix, TraceTensor.of(block(u.value(), k, hh)));
            t.put("WAfter" + suffix, TraceTensor.of(block(w.value(), k, hh)));
            t.put("bAfter" + suffix, TraceTensor.of(blockVector(b.value(), k, hh)));
        }
        return before.with(t);
    }
}
