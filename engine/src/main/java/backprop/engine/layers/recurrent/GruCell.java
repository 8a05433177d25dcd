package backprop.engine.layers.recurrent;

import backprop.engine.backend.Backend;

/**
 * The GRU step. Blocks: z | r | h̃.
 * <pre>
 *   z = σ(x U_z + h_{t−1} W_z + b_z)     r = σ(x U_r + h_{t−1} W_r + b_r)
 *   h̃ = tanh(x U_h + (r ∘ h_{t−1}) W_h + b_h)
 *   h_t = (1 − z) ∘ h_{t−1} + z ∘ h̃      (z = 1 takes the new candidate entirely)
 * </pre>
 * W_h multiplies r ∘ h_{t−1}, not h_{t−1}, so its product waits until r is known.
 */
final class GruCell extends Cell {
    private static final int Z = 0, R = 1;

    GruCell() { super(CellType.GRU); }

    @Override
    void forward(SequenceRun r, float[] w, int t, Backend be) {
        int hh = r.units, gw = r.width();
        addRecurrent(r, w, t, 2 * hh, be);
        for (int s = 0; s < r.n; s++) {
            int a = (s * r.steps + t) * gw, st = (s * r.steps + t) * hh;
            for (int j = 0; j < hh; j++) {
                r.keepPre(a + j);
                r.keepPre(a + hh + j);
                float z = gate(r, Z, r.act[a + j]);
                float rg = gate(r, R, r.act[a + hh + j]);
                r.act[a + j] = z;
                r.act[a + hh + j] = rg;
                r.rh[st + j] = rg * r.prevH(s, t, j);   // the reset gate decides how much past the candidate sees
            }
        }
        // act[h̃ block] += (r ∘ h_{t−1}) W_h
        be.gemm(false, false, r.n, hh, hh, 1f, r.rh, t * hh, r.steps * hh, w, 2 * hh, gw, 1f, r.act, t * gw + 2 * hh, r.steps * gw);
        for (int s = 0; s < r.n; s++) {
            int a = (s * r.steps + t) * gw, st = (s * r.steps + t) * hh;
            for (int j = 0; j < hh; j++) {
                r.keepPre(a + 2 * hh + j);
                float cand = Nonlinear.tanh(r.act[a + 2 * hh + j]);
                float z = r.act[a + j];
                r.act[a + 2 * hh + j] = cand;
                r.h[st + j] = (1f - z) * r.prevH(s, t, j) + z * cand;
            }
        }
    }

    @Override
    void backward(SequenceRun r, float[] w, int t, float[] dOut, float[] dhNext, float[] dcNext, Backend be) {
        int hh = r.units, gw = r.width();
        float[] drh = new float[r.n * hh];
        float[] dhPrev = new float[r.n * hh];
        for (int s = 0; s < r.n; s++) {
            int a = (s * r.steps + t) * gw, st = (s * r.steps + t) * hh, sh = s * hh;
            for (int j = 0; j < hh; j++) {
                float z = r.act[a + j], cand = r.act[a + 2 * hh + j], hp = r.prevH(s, t, j);
                float dh = dOut[st + j] + dhNext[sh + j];
                r.dh[st + j] = dh;
                r.dPre[a + j] = dh * (cand - hp) * gateSlope(r, Z, z);     // ∂h/∂z = h̃ − h_{t−1}
                r.dPre[a + 2 * hh + j] = dh * z * (1f - cand * cand);       // ∂h/∂h̃ = z, tanh' = 1 − h̃²
                dhPrev[sh + j] = dh * (1f - z);                             // the direct path to h_{t−1}
            }
        }
        // ∂R/∂(r ∘ h_{t−1}) = dPre_h · W_hᵀ
        be.gemm(false, true, r.n, hh, hh, 1f, r.dPre, t * gw + 2 * hh, r.steps * gw, w, 2 * hh, gw, 0f, drh, 0, hh);
        for (int s = 0; s < r.n; s++) {
            int a = (s * r.steps + t) * gw, sh = s * hh;
            for (int j = 0; j < hh; j++) {
                float rg = r.act[a + hh + j], hp = r.prevH(s, t, j);
                r.dPre[a + hh + j] = drh[sh + j] * hp * gateSlope(r, R, rg);  // ∂(r∘h)/∂r = h_{t−1}
                dhPrev[sh + j] += drh[sh + j] * rg;                           // ∂(r∘h)/∂h = r
            }
        }
        backThroughW(r, w, t, 0, 2 * hh, dhPrev, true, be);                   // through W_z and W_r
        System.arraycopy(dhPrev, 0, dhNext, 0, dhPrev.length);
    }

    @Override
    void tangent(SequenceRun r, float[] w, int t, int p, float[] tpre, float[] th, float[] tc, Backend be) {
        int hh = r.units, gw = r.width();
        be.gemm(false, false, p, 2 * hh, hh, 1f, th, 0, hh, w, 0, gw, 1f, tpre, 0, gw);
        int a = t * gw;
        float[] trh = new float[p * hh], tz = new float[p * hh];
        for (int q = 0; q < p; q++) {
            for (int j = 0; j < hh; j++) {
                float z = r.act[a + j], rg = r.act[a + hh + j], hp = r.prevH(0, t, j);
                tz[q * hh + j] = gateSlope(r, Z, z) * tpre[q * gw + j];
                float tr = gateSlope(r, R, rg) * tpre[q * gw + hh + j];
                trh[q * hh + j] = tr * hp + rg * th[q * hh + j];
            }
        }
        be.gemm(false, false, p, hh, hh, 1f, trh, 0, hh, w, 2 * hh, gw, 1f, tpre, 2 * hh, gw);
        for (int q = 0; q < p; q++) {
            for (int j = 0; j < hh; j++) {
                float z = r.act[a + j], cand = r.act[a + 2 * hh + j], hp = r.prevH(0, t, j);
                float tcand = (1f - cand * cand) * tpre[q * gw + 2 * hh + j];
                float tzv = tz[q * hh + j];
                th[q * hh + j] = -tzv * hp + (1f - z) * th[q * hh + j] + tzv * cand + z * tcand;
            }
        }
    }

    @Override
    void weightGradient(SequenceRun r, float[] dw, Backend be) {
        int hh = r.units;
        gradFrom(r, previousStates(r, r.h, r.h0), 0, 2 * hh, dw, be);
        gradFrom(r, r.rh, 2 * hh, hh, dw, be);
    }
}
