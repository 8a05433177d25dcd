package backprop.engine.layers.recurrent;

import backprop.engine.backend.Backend;

/** The vanilla RNN step: {@code h_t = tanh(x_t U + h_{t−1} W + b)}. */
final class RnnCell extends Cell {

    RnnCell() { super(CellType.RNN); }

    @Override
    void forward(SequenceRun r, float[] w, int t, Backend be) {
        int hh = r.units;
        addRecurrent(r, w, t, hh, be);
        for (int s = 0; s < r.n; s++) {
            int st = (s * r.steps + t) * hh;
            for (int j = 0; j < hh; j++) {
                r.keepPre(st + j);
                r.h[st + j] = Nonlinear.tanh(r.act[st + j]);   // act keeps a, the trace's pre-activation
            }
        }
    }

    @Override
    void backward(SequenceRun r, float[] w, int t, float[] dOut, float[] dhNext, float[] dcNext, Backend be) {
        int hh = r.units;
        for (int s = 0; s < r.n; s++) {
            int st = (s * r.steps + t) * hh, sh = s * hh;
            for (int j = 0; j < hh; j++) {
                float dh = dOut[st + j] + dhNext[sh + j];
                float h = r.h[st + j];
                r.dh[st + j] = dh;
                r.dPre[st + j] = dh * (1f - h * h);   // tanh' = 1 − h²
            }
        }
        backThroughW(r, w, t, 0, hh, dhNext, false, be);   // the only way back in time: through W
    }

    @Override
    void tangent(SequenceRun r, float[] w, int t, int p, float[] tpre, float[] th, float[] tc, Backend be) {
        int hh = r.units;
        be.gemm(false, false, p, hh, hh, 1f, th, 0, hh, w, 0, hh, 1f, tpre, 0, hh);
        for (int q = 0; q < p; q++) {
            for (int j = 0; j < hh; j++) {
                float h = r.h[t * hh + j];
                th[q * hh + j] = (1f - h * h) * tpre[q * hh + j];
            }
        }
    }

    @Override
    void weightGradient(SequenceRun r, float[] dw, Backend be) {
        gradFrom(r, previousStates(r, r.h, r.h0), 0, r.units, dw, be);
    }
}
