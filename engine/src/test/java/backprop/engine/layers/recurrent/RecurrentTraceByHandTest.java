package backprop.engine.layers.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.SpecReader;
import backprop.engine.tensor.Tensor;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.StepTrace;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * The 2-step, 2-unit examples worked by hand: one input feature, x = (0.5, −1), a
 * dense identity output ŷ_t = h_t · V + 0.1 with V = (0.6, −0.4), targets y = (0.2, −0.3),
 * loss Σ_t ½(y_t − ŷ_t)². Each step is written out on its own below (no loop over time), in
 * double precision, and the engine's trace must agree with it.
 */
class RecurrentTraceByHandTest {
    static final double X1 = 0.5, X2 = -1.0, Y1 = 0.2, Y2 = -0.3, C = 0.1;
    static final double[] V = {0.6, -0.4};
    static final double TOL = 2e-6;

    static double sig(double a) { return 1 / (1 + Math.exp(-a)); }

    // ------------------------------------------------------------------ LSTM
    static final double[] UI = {0.4, -0.3}, UF = {0.2, 0.5}, UO = {-0.6, 0.1}, UC = {0.7, -0.2};
    static final double[][] WI = {{0.1, 0.2}, {-0.3, 0.4}}, WF = {{0.5, -0.1}, {0.2, 0.3}}, WO = {{-0.2, 0.6}, {0.1, -0.5}}, WC = {{0.3, 0.1}, {-0.4, 0.2}};
    static final double[] BI = {0.1, -0.1}, BF = {1.0, 1.0}, BO = {0.0, 0.2}, BC = {-0.1, 0.05};

    @Test
    void lstm() throws Exception {
        double[] i1 = new double[2], f1 = new double[2], o1 = new double[2], g1 = new double[2], c1 = new double[2], h1 = new double[2];
        for (int j = 0; j < 2; j++) {   // step 1: h0 = c0 = 0
            i1[j] = sig(X1 * UI[j] + BI[j]);
            f1[j] = sig(X1 * UF[j] + BF[j]);
            o1[j] = sig(X1 * UO[j] + BO[j]);
            g1[j] = Math.tanh(X1 * UC[j] + BC[j]);
            c1[j] = i1[j] * g1[j];
            h1[j] = o1[j] * Math.tanh(c1[j]);
        }
        double[] i2 = new double[2], f2 = new double[2], o2 = new double[2], g2 = new double[2], c2 = new double[2], h2 = new double[2];
        for (int j = 0; j < 2; j++) {   // step 2
            i2[j] = sig(X2 * UI[j] + h1[0] * WI[0][j] + h1[1] * WI[1][j] + BI[j]);
            f2[j] = sig(X2 * UF[j] + h1[0] * WF[0][j] + h1[1] * WF[1][j] + BF[j]);
            o2[j] = sig(X2 * UO[j] + h1[0] * WO[0][j] + h1[1] * WO[1][j] + BO[j]);
            g2[j] = Math.tanh(X2 * UC[j] + h1[0] * WC[0][j] + h1[1] * WC[1][j] + BC[j]);
            c2[j] = f2[j] * c1[j] + i2[j] * g2[j];
            h2[j] = o2[j] * Math.tanh(c2[j]);
        }
        double e1 = h1[0] * V[0] + h1[1] * V[1] + C - Y1, e2 = h2[0] * V[0] + h2[1] * V[1] + C - Y2;
        // backward, step 2 (only the output reaches it)
        double[] dh2 = new double[2], dc2 = new double[2], ai = new double[2], af = new double[2], ao = new double[2], ag = new double[2];
        for (int j = 0; j < 2; j++) {
            dh2[j] = e2 * V[j];
            double t2 = Math.tanh(c2[j]);
            dc2[j] = dh2[j] * o2[j] * (1 - t2 * t2);
            ai[j] = dc2[j] * g2[j] * i2[j] * (1 - i2[j]);
            af[j] = dc2[j] * c1[j] * f2[j] * (1 - f2[j]);
            ao[j] = dh2[j] * t2 * o2[j] * (1 - o2[j]);
            ag[j] = dc2[j] * i2[j] * (1 - g2[j] * g2[j]);
        }
        // step 1: its own output, plus every gate of step 2 through W, plus c's path through f
        double[] dh1 = new double[2], dc1 = new double[2];
        for (int j = 0; j < 2; j++) {
            dh1[j] = e1 * V[j];
            for (int k = 0; k < 2; k++) dh1[j] += ai[k] * WI[j][k] + af[k] * WF[j][k] + ao[k] * WO[j][k] + ag[k] * WC[j][k];
            double t1 = Math.tanh(c1[j]);
            dc1[j] = dc2[j] * f2[j] + dh1[j] * o1[j] * (1 - t1 * t1);
        }
        // ∂R/∂U_f = Σ_t x_t · ∂R/∂(pre-activation of f_t); at step 1, ∂c_1/∂f_1 = c_0 = 0, so only step 2 counts
        double[] gradUf = new double[2];
        for (int j = 0; j < 2; j++) gradUf[j] = X2 * af[j];

        String lstm = """
                {"type": "lstm", "units": 2,
                 "U": {"i": [%s], "f": [%s], "o": [%s], "c": [%s]},
                 "W": {"i": %s, "f": %s, "o": %s, "c": %s},
                 "b": {"i": %s, "f": %s, "o": %s, "c": %s}}
                """.formatted(row(UI), row(UF), row(UO), row(UC), mat(WI), mat(WF), mat(WO), mat(WC), vec(BI), vec(BF), vec(BO), vec(BC));
        LayerTrace t = traceOf(lstm).layers().get(0);
        check(t, "i", i1, i2);
        check(t, "f", f1, f2);
        check(t, "o", o1, o2);
        check(t, "c_tilde", g1, g2);
        check(t, "c", c1, c2);
        check(t, "h", h1, h2);
        check(t, "dh", dh1, dh2);
        check(t, "dc", dc1, dc2);
        float[][] gu = t.matrix("gradU.f");
        for (int j = 0; j < 2; j++) assertEquals(gradUf[j], gu[0][j], TOL, "gradU.f[0][" + j + "]");
    }

    // ------------------------------------------------------------------ GRU
    static final double[] UZ = {0.3, -0.5}, UR = {0.6, 0.2}, UH = {-0.4, 0.8};
    static final double[][] WZ = {{0.2, -0.1}, {0.4, 0.3}}, WR = {{-0.3, 0.5}, {0.1, 0.2}}, WH = {{0.5, -0.2}, {0.3, 0.6}};
    static final double[] BZ = {0.1, 0.0}, BR = {-0.2, 0.1}, BH = {0.05, -0.05};

    @Test
    void gru() throws Exception {
        double[] z1 = new double[2], r1 = new double[2], hh1 = new double[2], h1 = new double[2];
        for (int j = 0; j < 2; j++) {   // step 1: h0 = 0, so r ∘ h0 = 0
            z1[j] = sig(X1 * UZ[j] + BZ[j]);
            r1[j] = sig(X1 * UR[j] + BR[j]);
            hh1[j] = Math.tanh(X1 * UH[j] + BH[j]);
            h1[j] = z1[j] * hh1[j];
        }
        double[] z2 = new double[2], r2 = new double[2], hh2 = new double[2], h2 = new double[2];
        for (int j = 0; j < 2; j++) {
            z2[j] = sig(X2 * UZ[j] + h1[0] * WZ[0][j] + h1[1] * WZ[1][j] + BZ[j]);
            r2[j] = sig(X2 * UR[j] + h1[0] * WR[0][j] + h1[1] * WR[1][j] + BR[j]);
        }
        for (int j = 0; j < 2; j++) {
            hh2[j] = Math.tanh(X2 * UH[j] + r2[0] * h1[0] * WH[0][j] + r2[1] * h1[1] * WH[1][j] + BH[j]);
            h2[j] = (1 - z2[j]) * h1[j] + z2[j] * hh2[j];
        }
        double e1 = h1[0] * V[0] + h1[1] * V[1] + C - Y1, e2 = h2[0] * V[0] + h2[1] * V[1] + C - Y2;
        double[] dh2 = new double[2], az = new double[2], ah = new double[2], ar = new double[2], drh = new double[2];
        for (int j = 0; j < 2; j++) {
            dh2[j] = e2 * V[j];
            az[j] = dh2[j] * (hh2[j] - h1[j]) * z2[j] * (1 - z2[j]);
            ah[j] = dh2[j] * z2[j] * (1 - hh2[j] * hh2[j]);
        }
        for (int j = 0; j < 2; j++) drh[j] = ah[0] * WH[j][0] + ah[1] * WH[j][1];   // ∂R/∂(r∘h1)_j
        for (int j = 0; j < 2; j++) ar[j] = drh[j] * h1[j] * r2[j] * (1 - r2[j]);
        double[] dh1 = new double[2];
        for (int j = 0; j < 2; j++) {
            dh1[j] = e1 * V[j] + dh2[j] * (1 - z2[j]) + drh[j] * r2[j];
            for (int k = 0; k < 2; k++) dh1[j] += az[k] * WZ[j][k] + ar[k] * WR[j][k];
        }
        String gru = """
                {"type": "gru", "units": 2,
                 "U": {"z": [%s], "r": [%s], "h": [%s]},
                 "W": {"z": %s, "r": %s, "h": %s},
                 "b": {"z": %s, "r": %s, "h": %s}}
                """.formatted(row(UZ), row(UR), row(UH), mat(WZ), mat(WR), mat(WH), vec(BZ), vec(BR), vec(BH));
        LayerTrace t = traceOf(gru).layers().get(0);
        check(t, "z", z1, z2);
        check(t, "r", r1, r2);
        check(t, "h_tilde", hh1, hh2);
        check(t, "h", h1, h2);
        check(t, "dh", dh1, dh2);
        // ∂R/∂W_h[k][j] = (r2 ∘ h1)_k · ah_j (step 1's r∘h0 is zero)
        float[][] gw = t.matrix("gradW.h");
        for (int k = 0; k < 2; k++) for (int j = 0; j < 2; j++) assertEquals(r2[k] * h1[k] * ah[j], gw[k][j], TOL, "gradW.h");
    }

    // ------------------------------------------------------------------ RNN
    static final double[] U = {0.9, -0.7}, B = {0.1, -0.2};
    static final double[][] W = {{0.5, -0.3}, {0.2, 0.8}};

    @Test
    void rnn() throws Exception {
        double[] a1 = new double[2], h1 = new double[2], a2 = new double[2], h2 = new double[2];
        for (int j = 0; j < 2; j++) {
            a1[j] = X1 * U[j] + B[j];
            h1[j] = Math.tanh(a1[j]);
        }
        for (int j = 0; j < 2; j++) {
            a2[j] = X2 * U[j] + h1[0] * W[0][j] + h1[1] * W[1][j] + B[j];
            h2[j] = Math.tanh(a2[j]);
        }
        double e1 = h1[0] * V[0] + h1[1] * V[1] + C - Y1, e2 = h2[0] * V[0] + h2[1] * V[1] + C - Y2;
        double[] dh2 = new double[2], da2 = new double[2], dh1 = new double[2];
        for (int j = 0; j < 2; j++) {
            dh2[j] = e2 * V[j];
            da2[j] = dh2[j] * (1 - h2[j] * h2[j]);
        }
        for (int j = 0; j < 2; j++) dh1[j] = e1 * V[j] + da2[0] * W[j][0] + da2[1] * W[j][1];
        String rnn = """
                {"type": "rnn", "units": 2, "U": [%s], "W": %s, "b": %s}
                """.formatted(row(U), mat(W), vec(B));
        StepTrace st = traceOf(rnn);
        LayerTrace t = st.layers().get(0);
        check(t, "a", a1, a2);
        check(t, "h", h1, h2);
        check(t, "dh", dh1, dh2);
        float[] gb = t.vector("gradB");
        for (int j = 0; j < 2; j++) assertEquals(da2[j] + dh1[j] * (1 - h1[j] * h1[j]), gb[j], TOL, "gradB");
        double r = 0.5 * e1 * e1 + 0.5 * e2 * e2;
        assertEquals(r, st.loss(), TOL, "R = Σ_t ½(y_t − ŷ_t)² for one sample");
    }

    // ------------------------------------------------------------------ helpers

    static StepTrace traceOf(String layer) throws Exception {
        String json = """
                {"format": "backprop-studio.network", "version": 1, "input": {"shape": [2, 1]}, "loss": "mse",
                 "layers": [%s, {"type": "dense", "units": 1, "activation": "identity", "weights": [[0.6], [-0.4]], "bias": [0.1]}]}
                """.formatted(layer);
        Model m = ModelFactory.build(SpecReader.parse(json, "hand.json"));
        Trainer tr = new Trainer(m, TrainConfig.defaults());
        return tr.trace(new Tensor(new float[] {(float) X1, (float) X2}, 1, 2, 1), new Tensor(new float[] {(float) Y1, (float) Y2}, 1, 2, 1));
    }

    /** Quantity {@code key} of the one sample at steps 1 and 2 ([N][T][H] = [1][2][2]). */
    static void check(LayerTrace t, String key, double[] step1, double[] step2) {
        float[] d = t.tensor(key).data();
        assertEquals(4, d.length, key);
        for (int j = 0; j < 2; j++) {
            assertEquals(step1[j], d[j], TOL, key + " at step 1, unit " + (j + 1));
            assertEquals(step2[j], d[2 + j], TOL, key + " at step 2, unit " + (j + 1));
        }
    }

    static String row(double[] v) { return vec(v); }

    static String vec(double[] v) { return "[" + v[0] + ", " + v[1] + "]"; }

    static String mat(double[][] m) { return "[" + vec(m[0]) + ", " + vec(m[1]) + "]"; }
}
