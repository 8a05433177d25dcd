package backprop.engine.layers.recurrent;

import backprop.engine.backend.Backend;

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
        int hh = r.units, gw = r.width();
        addRecurrent(r, w, t, gw, be);
        for (int s = 0; s < r.n; s++) {
            int a = (s * r.steps + t) * gw, st = (s * r.steps + t) * hh;
            for (int j = 0; j < hh; j++) {
                for (int k = 0; k < 4; k++) r.keepPre(a + k * hh + j);
                float i = gate(r, I, r.act[a + j]);
                float f = gate(r, F, r.act[a + hh + j]);
                float o = gate(r, O, r.act[a + 2 * hh + j]);
                float g = Nonlinear.tanh(r.act[a + 3 * hh + j]);
                r.act[a + j] = i;
                r.act[a + hh + j] = f;
                r.act[a + 2 * hh + j] = o;
                r.act[a + 3 * hh + j] = g;
                float c = f * r.prevC(s, t, j) + i * g;   // keep part of the old memory, add some new
                float tc = Nonlinear.tanh(c);
                r.c[st + j] = c;
                r.tanhC[st + j] = tc;
                r.h[st + j] = o * tc;                      // expose part of it
            }
        }
    }

    @Override
    void backward(SequenceRun r, float[] w, int t, float[] dOut, float[] dhNext, float[] dcNext, Backend be) {
        int hh = r.units, gw = r.width();
        for (int s = 0; s < r.n; s++) {
            int a = (s * r.steps + t) * gw, st = (s * r.steps + t) * hh, sh = s * hh;
            for (int j = 0; j < hh; j++) {
                float i = r.act[a + j], f = r.act[a + hh + j], o = r.act[a + 2 * hh + j], g = r.act[a + 3 * hh + j];
                float tc = r.tanhC[st + j];
                float dh = dOut[st + j] + dhNext[sh + j];              // from the output and from step t + 1
                float dc = dcNext[sh + j] + dh * o * (1f - tc * tc);   // h = o tanh(c), plus c's own path forward
                r.dh[st + j] = dh;
                r.dc[st + j] = dc;
                r.dPre[a + j] = dc * g * gateSlope(r, I, i);                 // ∂c/∂i = c̃
                r.dPre[a + hh + j] = dc * r.prevC(s, t, j) * gateSlope(r, F, f); // ∂c/∂f = c_{t−1}
                r.dPre[a + 2 * hh + j] = dh * tc * gateSlope(r, O, o);        // ∂h/∂o = tanh(c)
                r.dPre[a + 3 * hh + j] = dc * i * (1f - g * g);               // ∂c/∂c̃ = i, tanh' = 1 − c̃²
                dcNext[sh + j] = dc * f;                                       // ∂c_t/∂c_{t−1} = f
            }
        }
        backThroughW(r, w, t, 0, gw, dhNext, false, be);                       // ∂R/∂h_{t−1} = dPre · Wᵀ
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
