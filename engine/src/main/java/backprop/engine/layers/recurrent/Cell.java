package backprop.engine.layers.recurrent;

import backprop.engine.backend.Backend;

/**
 * The arithmetic of one cell type, one time step at a time, in three directions: forward,
 * backward (one step of backprop through time) and tangent (one step of forward-mode
 * differentiation, for the sensitivity views). Each subclass keeps the three side by side so a
 * student can check one against the other.
 *
 * <p>The products with the input, {@code x_t U + b}, are done for all steps at once before the
 * loop (one large matrix product instead of T small ones); a step adds the recurrent product
 * {@code h_{t−1} W} and applies the nonlinearities.
 */
abstract class Cell {
    final CellType type;

    Cell(CellType type) { this.type = type; }

    static Cell of(CellType type) {
        return switch (type) {
            case RNN -> new RnnCell();
            case LSTM -> new LstmCell();
            case GRU -> new GruCell();
        };
    }

    /** Step t: r.act's rows at t hold x_t U + b on entry and the gate values on exit; h (and c) at t are written. */
    abstract void forward(SequenceRun r, float[] w, int t, Backend be);

    /**
     * Step t of BPTT. {@code dOut} is ∂R/∂h_t from the layers above; {@code dhNext}/{@code dcNext}
     * hold ∂R/∂h_t, ∂R/∂c_t arriving from step t + 1 and are replaced by those for step t − 1.
     * Writes r.dh, r.dc (the totals at t) and r.dPre (at t).
     */
    abstract void backward(SequenceRun r, float[] w, int t, float[] dOut, float[] dhNext, float[] dcNext, Backend be);

    /**
     * One step of forward-mode differentiation on a one-sample run: P tangent directions.
     * {@code tpre} [P][G·H] holds on entry the directions' part of x_t U (zeros after the first
     * step); {@code th}, {@code tc} [P][H] hold the tangents of h_{t−1}, c_{t−1} and are
     * replaced by those of h_t, c_t.
     */
    abstract void tangent(SequenceRun r, float[] w, int t, int p, float[] tpre, float[] th, float[] tc, Backend be);

    /** dW = Σ_t (input of W at t)ᵀ · dPre_t, over every sample and step, in as few products as possible. */
    abstract void weightGradient(SequenceRun r, float[] dw, Backend be);

    // ---------------------------------------------------------------- shared helpers

    /** act[t] += h_{t−1} · W for the first {@code cols} columns (the recurrent product). */
    static void addRecurrent(SequenceRun r, float[] w, int t, int cols, Backend be) {
        int hh = r.units, gw = r.width();
        if (t == 0) {
            if (r.zeroStart()) return;
            be.gemm(false, false, r.n, cols, hh, 1f, r.h0, 0, hh, w, 0, gw, 1f, r.act, 0, r.steps * gw);
        } else {
            be.gemm(false, false, r.n, cols, hh, 1f, r.h, (t - 1) * hh, r.steps * hh, w, 0, gw, 1f, r.act, t * gw, r.steps * gw);
        }
    }

    /** out[N][H] = dPre_t[:, block cols] · W[:, block cols]ᵀ (+ out if {@code accumulate}). */
    static void backThroughW(SequenceRun r, float[] w, int t, int colOff, int cols, float[] out, boolean accumulate, Backend be) {
        int gw = r.width();
        be.gemm(false, true, r.n, r.units, cols, 1f, r.dPre, t * gw + colOff, r.steps * gw, w, colOff, gw,
                accumulate ? 1f : 0f, out, 0, r.units);
    }

    /** h_{t−1} for every row: h shifted down one step, h_0 in the first, [N·T][H]. */
    static float[] previousStates(SequenceRun r, float[] states, float[] initial) {
        int hh = r.units;
        float[] out = new float[r.n * r.steps * hh];
        for (int s = 0; s < r.n; s++) {
            System.arraycopy(initial, s * hh, out, s * r.steps * hh, hh);
            System.arraycopy(states, s * r.steps * hh, out, (s * r.steps + 1) * hh, (r.steps - 1) * hh);
        }
        return out;
    }

    /** dW[:, cols] += Aᵀ · dPre[:, cols] with A [N·T][H]. */
    static void gradFrom(SequenceRun r, float[] a, int colOff, int cols, float[] dw, Backend be) {
        int gw = r.width();
        be.gemm(true, false, r.units, cols, r.n * r.steps, 1f, a, 0, r.units, r.dPre, colOff, gw, 1f, dw, colOff, gw);
    }

    /** The gate's value: the forced one if the user pinned it, else σ(pre-activation). */
    static float gate(SequenceRun r, int block, float pre) {
        float f = r.forced[block];
        return Float.isNaN(f) ? Nonlinear.sigmoid(pre) : f;
    }

    /** σ'(a) = σ(1 − σ); zero for a forced gate, which is a constant. */
    static float gateSlope(SequenceRun r, int block, float g) {
        return Float.isNaN(r.forced[block]) ? g * (1f - g) : 0f;
    }
}
