package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code trace} on the three recurrent cells against backprop through time worked by hand. Each
 * network (specs/lstm-by-hand.json, gru-by-hand.json, rnn-by-hand.json) has 2 units, 1 input
 * feature, every weight written out, and a linear output ŷ_t = h_t · V + 0.1 with V = (0.6, −0.4)
 * at both steps; mse over the steps, L_n = Σ_t ½(y_t − ŷ_t)². Two sequences are traced at once,
 * so the gradients are checked as the batch average R = (1/N) Σ_n L_n while every per-step
 * quantity (and dh, the per-sample ∂L_n/∂h_t) is checked sample by sample.
 *
 * <p>The hand computation writes step 1 and step 2 out separately (no loop over time) in double
 * precision, the way a student would on paper; only the two units of a step share a loop.
 */
class RecurrentTraceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TOL = 2e-6;

    /** Two sequences of two steps (one feature), and a target at each step. */
    static final double[][] X = {{0.5, -1.0}, {1.0, 0.25}}, Y = {{0.2, -0.3}, {-0.1, 0.4}};
    static final String INPUT = "[[[0.5], [-1.0]], [[1.0], [0.25]]]", TARGET = "[[[0.2], [-0.3]], [[-0.1], [0.4]]]";
    static final double[] V = {0.6, -0.4};
    static final double C = 0.1;

    static double sig(double a) { return 1 / (1 + Math.exp(-a)); }

    /** What one sample's hand computation gives: per-step quantities [t][j] and the gradient of its own loss L_n. */
    static final class Hand {
        final Map<String, double[][]> steps = new LinkedHashMap<>();
        final Map<String, double[][]> gradU = new LinkedHashMap<>(), gradW = new LinkedHashMap<>();
        final Map<String, double[]> gradB = new LinkedHashMap<>();
        double loss;
        double[] output = new double[2];

        void step(String key, double[] t1, double[] t2) { steps.put(key, new double[][] {t1, t2}); }

        /**
         * One block's shared weights: ∂L/∂U[0][j] = x_1·p_1[j] + x_2·p_2[j], ∂L/∂W[m][j] = r_1[m]·p_1[j]
         * + r_2[m]·p_2[j] with r_1 = h_0 = 0, so only step 2 counts, and ∂L/∂b[j] = p_1[j] + p_2[j]; p_t
         * is ∂L/∂(pre-activation) of the block at step t, r_2 what W multiplies at step 2.
         */
        void block(String key, double x1, double x2, double[] p1, double[] p2, double[] r2) {
            gradU.put(key, new double[][] {{x1 * p1[0] + x2 * p2[0], x1 * p1[1] + x2 * p2[1]}});
            gradW.put(key, new double[][] {{r2[0] * p2[0], r2[0] * p2[1]}, {r2[1] * p2[0], r2[1] * p2[1]}});
            gradB.put(key, new double[] {p1[0] + p2[0], p1[1] + p2[1]});
        }

        /** ŷ_t = h_t·V + c; returns e_t = ŷ_t − y_t and adds ½e_t² to the loss. */
        double out(int t, double[] h, double y) {
            output[t] = h[0] * V[0] + h[1] * V[1] + C;
            double e = output[t] - y;
            loss += 0.5 * e * e;
            return e;
        }
    }

    // ------------------------------------------------------------------ LSTM
    static final double[] UI = {0.4, -0.3}, UF = {0.2, 0.5}, UO = {-0.6, 0.1}, UC = {0.7, -0.2};
    static final double[][] WI = {{0.1, 0.2}, {-0.3, 0.4}}, WF = {{0.5, -0.1}, {0.2, 0.3}}, WO = {{-0.2, 0.6}, {0.1, -0.5}}, WC = {{0.3, 0.1}, {-0.4, 0.2}};
    static final double[] BI = {0.1, -0.1}, BF = {1.0, 1.0}, BO = {0.0, 0.2}, BC = {-0.1, 0.05};

    static Hand lstm(double x1, double x2, double y1, double y2) {
        Hand hand = new Hand();
        double[] i1 = new double[2], f1 = new double[2], o1 = new double[2], g1 = new double[2], c1 = new double[2], h1 = new double[2];
        for (int j = 0; j < 2; j++) {   // step 1: h0 = c0 = 0, so W plays no part
            i1[j] = sig(x1 * UI[j] + BI[j]);
            f1[j] = sig(x1 * UF[j] + BF[j]);
            o1[j] = sig(x1 * UO[j] + BO[j]);
            g1[j] = Math.tanh(x1 * UC[j] + BC[j]);
            c1[j] = f1[j] * 0 + i1[j] * g1[j];
            h1[j] = o1[j] * Math.tanh(c1[j]);
        }
        double[] i2 = new double[2], f2 = new double[2], o2 = new double[2], g2 = new double[2], c2 = new double[2], h2 = new double[2];
        for (int j = 0; j < 2; j++) {   // step 2: x_2 U + h_1 W + b for every gate
            i2[j] = sig(x2 * UI[j] + h1[0] * WI[0][j] + h1[1] * WI[1][j] + BI[j]);
            f2[j] = sig(x2 * UF[j] + h1[0] * WF[0][j] + h1[1] * WF[1][j] + BF[j]);
            o2[j] = sig(x2 * UO[j] + h1[0] * WO[0][j] + h1[1] * WO[1][j] + BO[j]);
            g2[j] = Math.tanh(x2 * UC[j] + h1[0] * WC[0][j] + h1[1] * WC[1][j] + BC[j]);
            c2[j] = f2[j] * c1[j] + i2[j] * g2[j];
            h2[j] = o2[j] * Math.tanh(c2[j]);
        }
        double e1 = hand.out(0, h1, y1), e2 = hand.out(1, h2, y2);
        // step 2 backward: only its own output reaches h_2
        double[] dh2 = new double[2], dc2 = new double[2], pi2 = new double[2], pf2 = new double[2], po2 = new double[2], pg2 = new double[2];
        for (int j = 0; j < 2; j++) {
            dh2[j] = e2 * V[j];
            double t2 = Math.tanh(c2[j]);
            dc2[j] = dh2[j] * o2[j] * (1 - t2 * t2);
            pi2[j] = dc2[j] * g2[j] * i2[j] * (1 - i2[j]);
            pf2[j] = dc2[j] * c1[j] * f2[j] * (1 - f2[j]);
            po2[j] = dh2[j] * t2 * o2[j] * (1 - o2[j]);
            pg2[j] = dc2[j] * i2[j] * (1 - g2[j] * g2[j]);
        }
        // step 1 backward: its own output, every gate of step 2 through W, and the cell's path through f_2
        double[] dh1 = new double[2], dc1 = new double[2], pi1 = new double[2], pf1 = new double[2], po1 = new double[2], pg1 = new double[2];
        for (int j = 0; j < 2; j++) {
            dh1[j] = e1 * V[j];
            for (int k = 0; k < 2; k++) dh1[j] += pi2[k] * WI[j][k] + pf2[k] * WF[j][k] + po2[k] * WO[j][k] + pg2[k] * WC[j][k];
        }
        for (int j = 0; j < 2; j++) {
            double t1 = Math.tanh(c1[j]);
            dc1[j] = dc2[j] * f2[j] + dh1[j] * o1[j] * (1 - t1 * t1);
            pi1[j] = dc1[j] * g1[j] * i1[j] * (1 - i1[j]);
            pf1[j] = dc1[j] * 0 * f1[j] * (1 - f1[j]);   // ∂c_1/∂f_1 = c_0 = 0
            po1[j] = dh1[j] * t1 * o1[j] * (1 - o1[j]);
            pg1[j] = dc1[j] * i1[j] * (1 - g1[j] * g1[j]);
        }
        hand.step("i", i1, i2);
        hand.step("f", f1, f2);
        hand.step("o", o1, o2);
        hand.step("c_tilde", g1, g2);
        hand.step("c", c1, c2);
        hand.step("h", h1, h2);
        hand.step("dh", dh1, dh2);
        hand.step("dc", dc1, dc2);
        hand.block("i", x1, x2, pi1, pi2, h1);
        hand.block("f", x1, x2, pf1, pf2, h1);
        hand.block("o", x1, x2, po1, po2, h1);
        hand.block("c", x1, x2, pg1, pg2, h1);
        return hand;
    }

    @Test
    void lstmTraceEqualsTheHandComputation() throws Exception {
        JsonNode t = trace("lstm-by-hand.json");
        Hand[] hand = {lstm(X[0][0], X[0][1], Y[0][0], Y[0][1]), lstm(X[1][0], X[1][1], Y[1][0], Y[1][1])};
        check(t, hand, List.of("i", "f", "o", "c_tilde", "c", "h", "dh", "dc"), List.of("i", "f", "o", "c"));
        JsonNode layer = t.get("layers").get(0);
        assertEquals("[[0.2,0.5]]", compact(layer.get("U").get("f")), "U as the file wrote it, keyed by gate");
        assertEquals("[[-0.2,0.6],[0.1,-0.5]]", compact(layer.get("W").get("o")));
        assertEquals("[1.0,1.0]", compact(layer.get("b").get("f")));
    }

    // ------------------------------------------------------------------ GRU
    static final double[] UZ = {0.3, -0.5}, UR = {0.6, 0.2}, UH = {-0.4, 0.8};
    static final double[][] WZ = {{0.2, -0.1}, {0.4, 0.3}}, WR = {{-0.3, 0.5}, {0.1, 0.2}}, WH = {{0.5, -0.2}, {0.3, 0.6}};
    static final double[] BZ = {0.1, 0.0}, BR = {-0.2, 0.1}, BH = {0.05, -0.05};

    static Hand gru(double x1, double x2, double y1, double y2) {
        Hand hand = new Hand();
        double[] z1 = new double[2], r1 = new double[2], hh1 = new double[2], h1 = new double[2];
        for (int j = 0; j < 2; j++) {   // step 1: h0 = 0, so r_1 ∘ h_0 = 0
            z1[j] = sig(x1 * UZ[j] + BZ[j]);
            r1[j] = sig(x1 * UR[j] + BR[j]);
            hh1[j] = Math.tanh(x1 * UH[j] + BH[j]);
            h1[j] = (1 - z1[j]) * 0 + z1[j] * hh1[j];
        }
        double[] z2 = new double[2], r2 = new double[2], rh = new double[2], hh2 = new double[2], h2 = new double[2];
        for (int j = 0; j < 2; j++) {   // step 2, the gates first: h̃ needs all of r_2
            z2[j] = sig(x2 * UZ[j] + h1[0] * WZ[0][j] + h1[1] * WZ[1][j] + BZ[j]);
            r2[j] = sig(x2 * UR[j] + h1[0] * WR[0][j] + h1[1] * WR[1][j] + BR[j]);
            rh[j] = r2[j] * h1[j];
        }
        for (int j = 0; j < 2; j++) {
            hh2[j] = Math.tanh(x2 * UH[j] + rh[0] * WH[0][j] + rh[1] * WH[1][j] + BH[j]);
            h2[j] = (1 - z2[j]) * h1[j] + z2[j] * hh2[j];
        }
        double e1 = hand.out(0, h1, y1), e2 = hand.out(1, h2, y2);
        double[] dh2 = new double[2], pz2 = new double[2], ph2 = new double[2], pr2 = new double[2], drh = new double[2];
        for (int j = 0; j < 2; j++) {
            dh2[j] = e2 * V[j];
            pz2[j] = dh2[j] * (hh2[j] - h1[j]) * z2[j] * (1 - z2[j]);
            ph2[j] = dh2[j] * z2[j] * (1 - hh2[j] * hh2[j]);
        }
        for (int m = 0; m < 2; m++) drh[m] = ph2[0] * WH[m][0] + ph2[1] * WH[m][1];   // ∂L/∂(r_2 ∘ h_1)_m
        for (int j = 0; j < 2; j++) pr2[j] = drh[j] * h1[j] * r2[j] * (1 - r2[j]);
        // step 1: its output, the (1 − z_2) path, the r_2 ∘ h_1 path into h̃_2, and the gates z_2, r_2 through W
        double[] dh1 = new double[2], pz1 = new double[2], ph1 = new double[2], pr1 = new double[2];
        for (int j = 0; j < 2; j++) {
            dh1[j] = e1 * V[j] + dh2[j] * (1 - z2[j]) + drh[j] * r2[j];
            for (int k = 0; k < 2; k++) dh1[j] += pz2[k] * WZ[j][k] + pr2[k] * WR[j][k];
        }
        for (int j = 0; j < 2; j++) {
            pz1[j] = dh1[j] * (hh1[j] - 0) * z1[j] * (1 - z1[j]);
            ph1[j] = dh1[j] * z1[j] * (1 - hh1[j] * hh1[j]);
            pr1[j] = 0;   // r_1 multiplies h_0 = 0
        }
        hand.step("z", z1, z2);
        hand.step("r", r1, r2);
        hand.step("h_tilde", hh1, hh2);
        hand.step("h", h1, h2);
        hand.step("dh", dh1, dh2);
        hand.block("z", x1, x2, pz1, pz2, h1);
        hand.block("r", x1, x2, pr1, pr2, h1);
        hand.block("h", x1, x2, ph1, ph2, rh);   // W_h multiplies r_2 ∘ h_1, not h_1
        return hand;
    }

    @Test
    void gruTraceEqualsTheHandComputation() throws Exception {
        JsonNode t = trace("gru-by-hand.json");
        Hand[] hand = {gru(X[0][0], X[0][1], Y[0][0], Y[0][1]), gru(X[1][0], X[1][1], Y[1][0], Y[1][1])};
        check(t, hand, List.of("z", "r", "h_tilde", "h", "dh"), List.of("z", "r", "h"));
        assertEquals("[[0.5,-0.2],[0.3,0.6]]", compact(t.get("layers").get(0).get("W").get("h")));
    }

    // ------------------------------------------------------------------ RNN
    static final double[] U = {0.9, -0.7}, B = {0.1, -0.2};
    static final double[][] W = {{0.5, -0.3}, {0.2, 0.8}};

    static Hand rnn(double x1, double x2, double y1, double y2) {
        Hand hand = new Hand();
        double[] a1 = new double[2], h1 = new double[2], a2 = new double[2], h2 = new double[2];
        for (int j = 0; j < 2; j++) {
            a1[j] = x1 * U[j] + B[j];
            h1[j] = Math.tanh(a1[j]);
        }
        for (int j = 0; j < 2; j++) {
            a2[j] = x2 * U[j] + h1[0] * W[0][j] + h1[1] * W[1][j] + B[j];
            h2[j] = Math.tanh(a2[j]);
        }
        double e1 = hand.out(0, h1, y1), e2 = hand.out(1, h2, y2);
        double[] dh2 = new double[2], pa2 = new double[2], dh1 = new double[2], pa1 = new double[2];
        for (int j = 0; j < 2; j++) {
            dh2[j] = e2 * V[j];
            pa2[j] = dh2[j] * (1 - h2[j] * h2[j]);
        }
        for (int j = 0; j < 2; j++) {
            dh1[j] = e1 * V[j] + pa2[0] * W[j][0] + pa2[1] * W[j][1];
            pa1[j] = dh1[j] * (1 - h1[j] * h1[j]);
        }
        hand.step("a", a1, a2);
        hand.step("h", h1, h2);
        hand.step("dh", dh1, dh2);
        hand.block("", x1, x2, pa1, pa2, h1);
        return hand;
    }

    @Test
    void rnnTraceEqualsTheHandComputation() throws Exception {
        JsonNode t = trace("rnn-by-hand.json");
        Hand[] hand = {rnn(X[0][0], X[0][1], Y[0][0], Y[0][1]), rnn(X[1][0], X[1][1], Y[1][0], Y[1][1])};
        check(t, hand, List.of("a", "h", "dh"), List.of(""));
        JsonNode layer = t.get("layers").get(0);
        assertEquals("[[0.9,-0.7]]", compact(layer.get("U")), "the RNN's weights are plain arrays, no gate keys");
        assertEquals("[[0.5,-0.3],[0.2,0.8]]", compact(layer.get("W")));
        assertEquals("[0.1,-0.2]", compact(layer.get("b")));
    }

    // ------------------------------------------------------------------ comparing

    static JsonNode trace(String spec) throws Exception {
        CliRun run = CliRun.of("trace", "--spec", CliRun.spec(spec), "--input", INPUT, "--target", TARGET);
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err());
        return JSON.readTree(run.out());
    }

    /**
     * The whole trace against two samples' hand computations: loss and output, every step's
     * quantities (steps[t][key][n][j]), z = h and delta = dh as [N][T][H], and gradU, gradW,
     * gradB averaged over the batch; {@code blocks} are the gate keys ("" for the RNN's plain arrays).
     */
    static void check(JsonNode t, Hand[] hand, List<String> stepKeys, List<String> blocks) {
        int n = hand.length;
        assertEquals(n, t.get("batchSize").asInt());
        assertEquals((hand[0].loss + hand[1].loss) / n, t.get("loss").asDouble(), TOL, "R = (1/N) Σ_n Σ_t ½(y − ŷ)²");
        assertEquals(X[1][1], t.get("input").get(1).get(1).get(0).asDouble(), 1e-7, "input as [N][T][features]");
        for (int s = 0; s < n; s++) {
            for (int step = 0; step < 2; step++) {
                assertEquals(hand[s].output[step], t.get("output").get(s).get(step).get(0).asDouble(), TOL, "output[" + s + "][" + step + "]");
            }
        }
        JsonNode layer = t.get("layers").get(0);
        JsonNode steps = layer.get("steps");
        assertEquals(2, steps.size(), "one object per time step");
        for (int step = 0; step < 2; step++) {
            assertEquals(stepKeys, fieldNames(steps.get(step)), "the quantities of a step, in order");
            for (String key : stepKeys) {
                for (int s = 0; s < n; s++) {
                    for (int j = 0; j < 2; j++) {
                        String what = key + " at step " + (step + 1) + ", sample " + s + ", unit " + (j + 1);
                        assertEquals(hand[s].steps.get(key)[step][j], steps.get(step).get(key).get(s).get(j).asDouble(), TOL, what);
                    }
                }
            }
            for (int s = 0; s < n; s++) {
                for (int j = 0; j < 2; j++) {
                    assertEquals(hand[s].steps.get("h")[step][j], layer.get("z").get(s).get(step).get(j).asDouble(), TOL, "z is h");
                    assertEquals(hand[s].steps.get("dh")[step][j], layer.get("delta").get(s).get(step).get(j).asDouble(), TOL, "delta is dh");
                }
            }
        }
        for (String k : blocks) {
            JsonNode gu = k.isEmpty() ? layer.get("gradU") : layer.get("gradU").get(k);
            JsonNode gw = k.isEmpty() ? layer.get("gradW") : layer.get("gradW").get(k);
            JsonNode gb = k.isEmpty() ? layer.get("gradB") : layer.get("gradB").get(k);
            for (int unit = 0; unit < 2; unit++) {
                int j = unit;
                assertEquals(mean(hand, h -> h.gradU.get(k)[0][j]), gu.get(0).get(j).asDouble(), TOL, "gradU." + k + "[0][" + j + "]");
                assertEquals(mean(hand, h -> h.gradB.get(k)[j]), gb.get(j).asDouble(), TOL, "gradB." + k + "[" + j + "]");
                for (int m = 0; m < 2; m++) {
                    int row = m;
                    assertEquals(mean(hand, h -> h.gradW.get(k)[row][j]), gw.get(m).get(j).asDouble(), TOL, "gradW." + k + "[" + m + "][" + j + "]");
                }
            }
        }
        if (!blocks.get(0).isEmpty()) {
            assertEquals(blocks, fieldNames(layer.get("gradU")), "gradU keyed like the file's U");
            assertEquals(blocks, fieldNames(layer.get("b")));
        }
        for (String v1 : List.of("weights", "bias", "a", "gPrime", "gradWeights", "gradBias")) assertTrue(layer.get(v1).isNull(), v1 + " is null");
        JsonNode dense = t.get("layers").get(1);
        assertEquals(3, depth(dense.get("z")), "the dense layer after it applies at every step: [N][T][units]");
        assertEquals(hand[1].output[1], dense.get("z").get(1).get(1).get(0).asDouble(), TOL);
    }

    private static double mean(Hand[] hand, java.util.function.ToDoubleFunction<Hand> f) {
        double sum = 0;
        for (Hand h : hand) sum += f.applyAsDouble(h);
        return sum / hand.length;
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> names = new java.util.ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int depth(JsonNode n) { return n.isArray() ? 1 + depth(n.get(0)) : 0; }

    private static String compact(JsonNode n) throws Exception { return JSON.writeValueAsString(n); }
}
