package backprop.engine.layers.recurrent;

import backprop.engine.backend.Backend;
import backprop.engine.backend.java.Lanes;
import java.util.Arrays;

/**
 * The LSTM step. Blocks: i | f | o | c̃.
 * <pre>
 *   i = σ(x U_i + h_{t−1} W_i + b_i)   f = σ(…_f)   o = σ(…_o)   c̃ = tanh(…_c)
 *   c_t = f ∘ c_{t−1} + i ∘ c̃          h_t = o ∘ tanh(c_t)
 * </pre>
 */
final class LstmCell extends Cell {
    private static final int I = 0, F = 1, O = 2, G = 3;

    LstmCell() { super(CellType.LSTM); }

    @Override
    void forward(SequenceRun r, float[] w, int t, Backend be) {
        addRecurrent(r, w, t, r.width(), be);
        Lanes.forEach(r.n, s -> forwardSample(r, t, s));   // samples are independent: see Lanes
    }

    /**
     * Step t of sample s after the recurrent product. Block by block over contiguous memory
     * (all of i | f | o in one σ pass, then c̃, c, tanh c, h) rather than unit by unit: the
     * same float operations on every element, in a loop the JIT compiles tightly.
     */
    private static void forwardSample(SequenceRun r, int t, int s) {
        int hh = r.units, a = (s * r.steps + t) * r.width(), st = (s * r.steps + t) * hh;
        float[] act = r.act, cs = r.c, tanhC = r.tanhC, h = r.h;
        r.keepPre(a, r.width());
        gates(r, act, a, hh);
        Nonlinear.tanh(act, a + G * hh, act, a + G * hh, hh);
        float[] cPrev = t == 0 ? r.c0 : cs;
        int p = t == 0 ? s * hh : st - hh, i = a + I * hh, f = a + F * hh, g = a + G * hh;
        for (int j = 0; j < hh; j++) cs[st + j] = act[f + j] * cPrev[p + j] + act[i + j] * act[g + j];   // keep part of the old memory, add some new
        Nonlinear.tanh(cs, st, tanhC, st, hh);
        int o = a + O * hh;
        for (int j = 0; j < hh; j++) h[st + j] = act[o + j] * tanhC[st + j];                             // expose part of it
    }

    /** σ over the three gate blocks in place, or a block's forced value where the user pinned it. */
    private static void gates(SequenceRun r, float[] act, int a, int hh) {
        if (Float.isNaN(r.forced[I]) && Float.isNaN(r.forced[F]) && Float.isNaN(r.forced[O])) {
            Nonlinear.sigmoid(act, a, act, a, 3 * hh);
            return;
        }
        for (int k = I; k <= O; k++) {
            int from = a + k * hh;
            if (Float.isNaN(r.forced[k])) Nonlinear.sigmoid(act, from, act, from, hh);
            else Arrays.fill(act, from, from + hh, r.forced[k]);
        }
    }

    @Override
    void backward(SequenceRun r, float[] w, int t, float[] dOut, float[] dhNext, float[] dcNext, Backend be) {
        Lanes.forEach(r.n, s -> backwardSample(r, t, s, dOut, dhNext, dcNext));
        backThroughW(r, w, t, 0, r.width(), dhNext, false, be);               // ∂R/∂h_{t−1} = dPre · Wᵀ
    }

    /** Step t of BPTT for sample s: its rows of dh, dc, dPre at t, and its ∂R/∂c_{t−1} in dcNext. */
    private static void backwardSample(SequenceRun r, int t, int s, float[] dOut, float[] dhNext, float[] dcNext) {
        int hh = r.units, a = (s * r.steps + t) * r.width(), st = (s * r.steps + t) * hh, sh = s * hh;
        float[] act = r.act, tanhC = r.tanhC, dPre = r.dPre, dhAt = r.dh, dcAt = r.dc;
        float[] cPrev = t == 0 ? r.c0 : r.c;
        int p = t == 0 ? sh : st - hh;
        // A forced gate is a constant: its slope is zero (as gateSlope says), decided once per row.
        boolean freeI = Float.isNaN(r.forced[I]), freeF = Float.isNaN(r.forced[F]), freeO = Float.isNaN(r.forced[O]);
        for (int j = 0; j < hh; j++) {
            float i = act[a + j], f = act[a + hh + j], o = act[a + 2 * hh + j], g = act[a + 3 * hh + j];
            float tc = tanhC[st + j];
            float dh = dOut[st + j] + dhNext[sh + j];              // from the output and from step t + 1
            float dc = dcNext[sh + j] + dh * o * (1f - tc * tc);   // h = o tanh(c), plus c's own path forward
            dhAt[st + j] = dh;
            dcAt[st + j] = dc;
            dPre[a + j] = dc * g * (freeI ? i * (1f - i) : 0f);                    // ∂c/∂i = c̃
            dPre[a + hh + j] = dc * cPrev[p + j] * (freeF ? f * (1f - f) : 0f);    // ∂c/∂f = c_{t−1}
            dPre[a + 2 * hh + j] = dh * tc * (freeO ? o * (1f - o) : 0f);          // ∂h/∂o = tanh(c)
            dPre[a + 3 * hh + j] = dc * i * (1f - g * g);                          // ∂c/∂c̃ = i, tanh' = 1 − c̃²
            dcNext[sh + j] = dc * f;                                               // ∂c_t/∂c_{t−1} = f
        }
    }

    @Override
    void tangent(SequenceRun r, float[] w, int t, int p, float[] tpre, float[] th, float[] tc, Backend be) {
        int hh = r.units, gw = r.width();
        be.gemm(false, false, p, gw, hh, 1f, th, 0, hh, w, 0, gw, 1f, tpre, 0, gw);
        int a = t * gw, st = t * hh;
        for (int q = 0; q < p; q++) {
            for (int j = 0; j < hh; j++) {
                float i = r.act[a + j], f = r.act[a + hh + j], o = r.act[a + 2 * hh + j], g = r.act[a + 3 * hh + j];
                float ti = gateSlope(r, I, i) * tpre[q * gw + j];
                float tf = gateSlope(r, F, f) * tpre[q * gw + hh + j];
                float to = gateSlope(r, O, o) * tpre[q * gw + 2 * hh + j];
                float tg = (1f - g * g) * tpre[q * gw + 3 * hh + j];
                float tcn = tf * r.prevC(0, t, j) + f * tc[q * hh + j] + ti * g + i * tg;
                float tcv = r.tanhC[st + j];
                tc[q * hh + j] = tcn;
                th[q * hh + j] = to * tcv + o * (1f - tcv * tcv) * tcn;
            }
        }
    }

    @Override
    void weightGradient(SequenceRun r, float[] dw, Backend be) {
        gradFrom(r, previousStates(r, r.h, r.h0), 0, r.width(), dw, be);
    }
}
