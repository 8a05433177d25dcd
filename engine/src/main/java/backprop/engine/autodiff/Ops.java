package backprop.engine.autodiff;

import backprop.engine.backend.Backends;
import backprop.engine.tensor.Tensor;
import java.util.Arrays;

/**
 * The primitive operations. Each one computes its forward value and, right below it, says
 * how to send the output's gradient back to its inputs: the backward rule is the local
 * derivative times the incoming gradient (the chain rule), added (+=) into each input.
 *
 * <p>Shapes are kept simple on purpose: element-wise ops take equal shapes, except that
 * {@link #add} and {@link #sub} also accept a vector on the right that is added to every
 * row of a matrix (a bias).
 */
public final class Ops {
    private Ops() {}

    private static Var node(Tensor value, String op, Var... parents) {
        return new Var(value, op, parents, false);
    }

    // ---------------------------------------------------------------- add, sub, mul, scale

    /** a + b; b may be a row vector broadcast over the rows of a. */
    public static Var add(Var a, Var b) { return addScaled(a, b, 1f, "add"); }

    /** a − b; b may be a row vector broadcast over the rows of a. */
    public static Var sub(Var a, Var b) { return addScaled(a, b, -1f, "sub"); }

    private static Var addScaled(Var a, Var b, float sign, String name) {
        float[] x = a.value().data(), y = b.value().data();
        boolean broadcast = !a.value().sameShape(b.value());
        int cols = y.length;
        if (broadcast && (a.value().rank() != 2 || b.value().rank() != 1 || a.value().dim(1) != cols)) {
            throw new IllegalArgumentException(name + ": shapes " + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape()) + " do not match");
        }
        float[] out = new float[x.length];
        // Row by row (one row when not broadcast): the same sums as element i with y[i % cols],
        // without a division per element, the bias add's main cost on the MLP.
        for (int r = 0; r < x.length; r += cols)
            for (int j = 0; j < cols; j++) out[r + j] = x[r + j] + sign * y[j];
        Var o = node(new Tensor(out, a.shape()), name, a, b);
        o.backward = () -> {
            float[] g = o.grad().data();
            // ∂(a ± b)/∂a = 1
            a.accumulate(g);
            // ∂(a ± b)/∂b = ±1, summed over the rows it was broadcast to
            if (!b.needsGrad()) return;
            float[] gb = new float[cols];
            for (int r = 0; r < g.length; r += cols)
                for (int j = 0; j < cols; j++) gb[j] += sign * g[r + j];
            b.accumulate(gb);
        };
        return o;
    }

    /** Element-wise product a ∘ b (equal shapes). */
    public static Var mul(Var a, Var b) {
        requireSame("mul", a, b);
        float[] x = a.value().data(), y = b.value().data();
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) out[i] = x[i] * y[i];
        Var o = node(new Tensor(out, a.shape()), "mul", a, b);
        o.backward = () -> {
            float[] g = o.grad().data();
            float[] ga = new float[g.length], gb = new float[g.length];
            for (int i = 0; i < g.length; i++) {
                ga[i] = y[i] * g[i]; // ∂(ab)/∂a = b
                gb[i] = x[i] * g[i]; // ∂(ab)/∂b = a
            }
            a.accumulate(ga);
            b.accumulate(gb);
        };
        return o;
    }

    /** c · a for a constant c. */
    public static Var scale(Var a, float c) {
        float[] x = a.value().data();
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) out[i] = c * x[i];
        Var o = node(new Tensor(out, a.shape()), "scale", a);
        o.backward = () -> {
            float[] g = o.grad().data();
            float[] ga = new float[g.length];
            for (int i = 0; i < g.length; i++) ga[i] = c * g[i];
            a.accumulate(ga);
        };
        return o;
    }

    /** a + c for a constant c (the decks' {@code d = b + 1}). */
    public static Var addConst(Var a, float c) {
        float[] x = a.value().data();
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) out[i] = x[i] + c;
        Var o = node(new Tensor(out, a.shape()), "addConst", a);
        o.backward = () -> a.accumulate(o.grad().data());
        return o;
    }

    // ---------------------------------------------------------------- matmul

    /** Matrix product of a (m×k) and b (k×n), computed by the current backend. */
    public static Var matmul(Var a, Var b) {
        Tensor A = a.value(), B = b.value();
        if (A.rank() != 2 || B.rank() != 2 || A.dim(1) != B.dim(0)) {
            throw new IllegalArgumentException("matmul: shapes " + Arrays.toString(A.shape()) + " and " + Arrays.toString(B.shape()) + " do not chain");
        }
        int m = A.dim(0), k = A.dim(1), n = B.dim(1);
        float[] out = new float[m * n];
        Backends.current().gemm(false, false, m, n, k, 1f, A.data(), k, B.data(), n, 0f, out, n);
        Var o = node(new Tensor(out, m, n), "matmul", a, b);
        o.backward = () -> {
            float[] g = o.grad().data();
            // ∂R/∂A = G · Bᵀ and ∂R/∂B = Aᵀ · G
            if (a.needsGrad()) {
                float[] ga = new float[m * k];
                Backends.current().gemm(false, true, m, k, n, 1f, g, n, B.data(), n, 0f, ga, k);
                a.accumulate(ga);
            }
            if (b.needsGrad()) {
                float[] gb = new float[k * n];
                Backends.current().gemm(true, false, k, n, m, 1f, A.data(), k, g, n, 0f, gb, n);
                b.accumulate(gb);
            }
        };
        return o;
    }

    /**
     * The given rows of a matrix, in that order (a gather): the outputs that have targets, e.g.
     * the last step of each sequence. Backward sends each row's gradient back to where it came from.
     */
    public static Var rows(Var a, int[] rows) {
        Tensor A = a.value();
        int cols = A.dim(1);
        float[] out = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) System.arraycopy(A.data(), rows[i] * cols, out, i * cols, cols);
        Var o = node(new Tensor(out, rows.length, cols), "rows", a);
        o.backward = () -> {
            float[] g = o.grad().data();
            float[] ga = new float[A.size()];
            for (int i = 0; i < rows.length; i++) for (int j = 0; j < cols; j++) ga[rows[i] * cols + j] += g[i * cols + j];
            a.accumulate(ga);
        };
        return o;
    }

    // ---------------------------------------------------------------- reductions

    /** Sum of all elements (a scalar). */
    public static Var sum(Var a) {
        float[] x = a.value().data();
        float s = 0f;
        for (float v : x) s += v;
        Var o = node(Tensor.scalar(s), "sum", a);
        o.backward = () -> {
            float g = o.grad().item();
            float[] ga = new float[x.length];
            Arrays.fill(ga, g); // every element contributes with slope 1
            a.accumulate(ga);
        };
        return o;
    }

    /** Mean of all elements (a scalar). */
    public static Var mean(Var a) {
        int n = a.value().size();
        float[] x = a.value().data();
        float s = 0f;
        for (float v : x) s += v;
        Var o = node(Tensor.scalar(s / n), "mean", a);
        o.backward = () -> {
            float g = o.grad().item() / n;
            float[] ga = new float[n];
            Arrays.fill(ga, g);
            a.accumulate(ga);
        };
        return o;
    }

    // ---------------------------------------------------------------- exp, log, max

    public static Var exp(Var a) {
        float[] x = a.value().data();
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) out[i] = (float) StrictMath.exp(x[i]);
        Var o = node(new Tensor(out, a.shape()), "exp", a);
        o.backward = () -> {
            float[] g = o.grad().data();
            float[] ga = new float[g.length];
            for (int i = 0; i < g.length; i++) ga[i] = out[i] * g[i]; // (e^x)' = e^x
            a.accumulate(ga);
        };
        return o;
    }

    public static Var log(Var a) {
        float[] x = a.value().data();
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) out[i] = (float) StrictMath.log(x[i]);
        Var o = node(new Tensor(out, a.shape()), "log", a);
        o.backward = () -> {
            float[] g = o.grad().data();
            float[] ga = new float[g.length];
            for (int i = 0; i < g.length; i++) ga[i] = g[i] / x[i]; // (log x)' = 1/x
            a.accumulate(ga);
        };
        return o;
    }

    /** Element-wise maximum of several equal-shaped inputs; the gradient goes to the winner. */
    public static Var maximum(Var... in) {
        for (Var v : in) requireSame("maximum", in[0], v);
        int n = in[0].value().size();
        float[] out = new float[n];
        int[] winner = new int[n];
        for (int i = 0; i < n; i++) {
            float best = in[0].value().data()[i];
            for (int p = 1; p < in.length; p++) {
                float v = in[p].value().data()[i];
                if (v > best) { best = v; winner[i] = p; }
            }
            out[i] = best;
        }
        Var o = node(new Tensor(out, in[0].shape()), "maximum", in);
        o.backward = () -> {
            float[] g = o.grad().data();
            for (int p = 0; p < in.length; p++) {
                float[] gp = new float[n];
                for (int i = 0; i < n; i++) if (winner[i] == p) gp[i] = g[i];
                in[p].accumulate(gp);
            }
        };
        return o;
    }

    /**
     * The columns of several [n × k_i] inputs side by side, [n × Σ k_i] (a concat along the
     * feature axis). Backward hands each input its own block of columns of the gradient.
     */
    public static Var concat(Var... in) {
        int n = in[0].value().dim(0), width = 0;
        for (Var v : in) {
            if (v.value().rank() != 2 || v.value().dim(0) != n) throw new IllegalArgumentException("concat: inputs need the same number of rows");
            width += v.value().dim(1);
        }
        float[] out = new float[n * width];
        int offset = 0;
        for (Var v : in) {
            int k = v.value().dim(1);
            float[] x = v.value().data();
            for (int r = 0; r < n; r++) System.arraycopy(x, r * k, out, r * width + offset, k);
            offset += k;
        }
        final int w = width;
        Var o = node(new Tensor(out, n, width), "concat", in);
        o.backward = () -> {
            float[] g = o.grad().data();
            int off = 0;
            for (Var v : in) {
                int k = v.value().dim(1);
                float[] gv = new float[n * k];
                for (int r = 0; r < n; r++) System.arraycopy(g, r * w + off, gv, r * k, k);
                v.accumulate(gv);
                off += k;
            }
        };
        return o;
    }

    // ---------------------------------------------------------------- activations

    /**
     * z = g(a) element by element. The activation supplies g and g'; the rule here is the
     * same for all of them: ∂R/∂a = g'(a) · ∂R/∂z.
     */
    public static Var activate(Var a, Activation act) {
        if (act == Activation.SOFTMAX) return softmax(a);
        if (act.equals(Activation.RELU)) return relu(a);
        if (act.equals(Activation.IDENTITY)) return identity(a);
        float[] x = a.value().data();
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) out[i] = act.apply(x[i]);
        Var o = node(new Tensor(out, a.shape()), act.id(), a);
        o.backward = () -> {
            float[] g = o.grad().data();
            float[] ga = new float[g.length];
            for (int i = 0; i < g.length; i++) ga[i] = act.derivative(x[i], out[i]) * g[i];
            a.addFreshGrad(ga);
        };
        return o;
    }

    /**
     * {@link #activate} for relu, with Activation's g and g' written out in the loops: the
     * general loop calls them through an interface that every activation shares, which the JIT
     * cannot inline, and relu is most of a convolutional net's element-wise work. Written
     * without a branch ({@link #positive}): whether a feature map's value is above zero is a
     * coin toss, and as {@code x > 0f ? x : 0f} the mispredicted branches made relu ten times
     * slower. The same floats as the definitions (ActivationFastPathTest): g(x) = x where x > 0
     * else +0, and g'(x)·g = 1f·g or 0f·g.
     */
    private static Var relu(Var a) {
        float[] x = a.value().data();
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) out[i] = Float.intBitsToFloat(Float.floatToRawIntBits(x[i]) & positive(x[i]));
        Var o = node(new Tensor(out, a.shape()), Activation.RELU.id(), a);
        o.backward = () -> {
            float[] g = o.grad().data();
            float[] ga = new float[g.length];
            for (int i = 0; i < g.length; i++) {
                int on = positive(x[i]);
                ga[i] = Float.intBitsToFloat(Float.floatToRawIntBits(1f * g[i]) & on | Float.floatToRawIntBits(0f * g[i]) & ~on);
            }
            a.addFreshGrad(ga);
        };
        return o;
    }

    /**
     * All 32 bits set when v > 0f, none otherwise (for NaN, ±0 and negatives). The floats above
     * zero are exactly those whose bit patterns, read as ints, lie in [1, 0x7f800000] (+0 is 0,
     * +∞ is 0x7f800000, NaNs and the negatives lie outside); bits − 1 read unsigned is below
     * 0x7f800000 just then, and the sign of that difference, as a long, is the mask.
     */
    private static int positive(float v) {
        long below = ((Float.floatToRawIntBits(v) - 1) & 0xffffffffL) - 0x7f800000L;
        return (int) (below >> 63);
    }

    /**
     * {@link #activate} for identity (a layer without a nonlinearity): z is a copy of a, and
     * ∂R/∂a = 1 · ∂R/∂z is ∂R/∂z itself (multiplying by 1f changes no float), added as it is.
     */
    private static Var identity(Var a) {
        Var o = node(new Tensor(a.value().data().clone(), a.shape()), Activation.IDENTITY.id(), a);
        o.backward = () -> a.accumulate(o.grad().data());
        return o;
    }

    /** Row-wise softmax p_c = e^{a_c} / Σ_k e^{a_k} (shifted by the row max for stability). */
    public static Var softmax(Var a) {
        Tensor A = a.value();
        int rows = A.rank() == 2 ? A.dim(0) : 1;
        int cols = A.size() / rows;
        float[] x = A.data();
        float[] out = new float[x.length];
        for (int r = 0; r < rows; r++) {
            int o0 = r * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) max = Math.max(max, x[o0 + c]);
            float s = 0f;
            for (int c = 0; c < cols; c++) {
                out[o0 + c] = ExactExp.expf(x[o0 + c] - max);   // (float) StrictMath.exp, bit for bit, faster
                s += out[o0 + c];
            }
            for (int c = 0; c < cols; c++) out[o0 + c] /= s;
        }
        Var o = node(new Tensor(out, a.shape()), "softmax", a);
        o.backward = () -> {
            float[] g = o.grad().data();
            float[] ga = new float[g.length];
            for (int r = 0; r < rows; r++) {
                int o0 = r * cols;
                // ∂p_c/∂a_k = p_c (1[c=k] − p_k)  ⇒  ∂R/∂a_k = p_k (g_k − Σ_c g_c p_c)
                float dot = 0f;
                for (int c = 0; c < cols; c++) dot += g[o0 + c] * out[o0 + c];
                for (int k = 0; k < cols; k++) ga[o0 + k] = out[o0 + k] * (g[o0 + k] - dot);
            }
            a.accumulate(ga);
        };
        return o;
    }

    // ---------------------------------------------------------------- losses

    /** Squared error with the decks' convention: R = (1/N) Σ_n ½ ‖y_n − f(x_n)‖². */
    public static Var mse(Var f, Tensor y) {
        requireShape("mse", f, y);
        float[] p = f.value().data(), t = y.data();
        int n = rows(f.value());
        float s = 0f;
        for (int i = 0; i < p.length; i++) {
            float d = t[i] - p[i];
            s += 0.5f * d * d;
        }
        Var o = node(Tensor.scalar(s / n), "mse", f);
        o.backward = () -> {
            float g = o.grad().item() / n;
            float[] gf = new float[p.length];
            for (int i = 0; i < p.length; i++) gf[i] = -(t[i] - p[i]) * g; // −(y − f)
            f.accumulate(gf);
        };
        return o;
    }

    /** Smallest probability fed to a log, so that a confident wrong answer costs a finite loss. */
    public static final float PROB_FLOOR = 1e-7f;

    /** Cross-entropy over probabilities p (a softmax output): R = −(1/N) Σ_n Σ_c y_nc log p_nc. */
    public static Var crossEntropy(Var p, Tensor y) {
        requireShape("cross_entropy", p, y);
        float[] q = p.value().data(), t = y.data();
        int n = rows(p.value());
        float s = 0f;
        for (int i = 0; i < q.length; i++) if (t[i] != 0f) s -= t[i] * (float) StrictMath.log(Math.max(q[i], PROB_FLOOR));
        Var o = node(Tensor.scalar(s / n), "cross_entropy", p);
        o.backward = () -> {
            float g = o.grad().item() / n;
            float[] gp = new float[q.length];
            for (int i = 0; i < q.length; i++) gp[i] = t[i] == 0f ? 0f : -t[i] / Math.max(q[i], PROB_FLOOR) * g;
            p.accumulate(gp);
        };
        return o;
    }

    /** Binary cross-entropy over sigmoid outputs: R = −(1/N) Σ [y log p + (1−y) log(1−p)]. */
    public static Var binaryCrossEntropy(Var p, Tensor y) {
        requireShape("binary_cross_entropy", p, y);
        float[] q = p.value().data(), t = y.data();
        int n = rows(p.value());
        float s = 0f;
        for (int i = 0; i < q.length; i++) {
            float qi = clampProb(q[i]);
            s -= t[i] * (float) StrictMath.log(qi) + (1f - t[i]) * (float) StrictMath.log(1f - qi);
        }
        Var o = node(Tensor.scalar(s / n), "binary_cross_entropy", p);
        o.backward = () -> {
            float g = o.grad().item() / n;
            float[] gp = new float[q.length];
            for (int i = 0; i < q.length; i++) {
                float qi = clampProb(q[i]);
                gp[i] = (-t[i] / qi + (1f - t[i]) / (1f - qi)) * g;
            }
            p.accumulate(gp);
        };
        return o;
    }

    private static float clampProb(float q) {
        return Math.min(Math.max(q, PROB_FLOOR), 1f - PROB_FLOOR);
    }

    private static int rows(Tensor t) { return t.rank() == 2 ? t.dim(0) : 1; }

    private static void requireSame(String op, Var a, Var b) {
        if (!a.value().sameShape(b.value())) {
            throw new IllegalArgumentException(op + ": shapes " + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape()) + " differ");
        }
    }

    private static void requireShape(String op, Var a, Tensor y) {
        if (!a.value().sameShape(y)) {
            throw new IllegalArgumentException(op + ": prediction " + Arrays.toString(a.shape()) + " and target " + Arrays.toString(y.shape()) + " differ");
        }
    }
}
