package backprop.engine.layers.norm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.engine.autodiff.Var;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.SpecReader;
import backprop.engine.tensor.Tensor;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import backprop.engine.trace.StepTrace;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * dense(identity) → batchnorm → activation(tanh) → dense(sigmoid) with mse: the engine's
 * gradients of every parameter against the same network's forward and backward pass written out
 * here in float64, formula by formula, without the engine.
 */
class BatchNormChainGradientTest {
    static final double[][] X = {{0.5, -1.0}, {1.5, 0.25}, {-0.75, 0.8}, {0.1, 2.0}};
    static final double[][] Y = {{0.2}, {0.9}, {0.4}, {0.7}};
    static final double[][] W1 = {{0.3, -0.6, 0.9}, {0.7, 0.2, -0.4}};
    static final double[] B1 = {0.1, -0.2, 0.05};
    static final double[] GAMMA = {1.2, 0.8, 1.5};
    static final double[] BETA = {0.1, -0.3, 0.2};
    static final double[][] W2 = {{0.5}, {-0.8}, {0.6}};
    static final double[] B2 = {0.05};

    static final String FILE = """
            {"format": "backprop-studio.network", "version": 1, "input": {"shape": [2]}, "loss": "mse",
             "layers": [
               {"type": "dense", "units": 3, "activation": "identity", "weights": [[0.3, -0.6, 0.9], [0.7, 0.2, -0.4]], "bias": [0.1, -0.2, 0.05]},
               {"type": "batchnorm", "gamma": [1.2, 0.8, 1.5], "beta": [0.1, -0.3, 0.2]},
               {"type": "activation", "activation": "tanh"},
               {"type": "dense", "units": 1, "activation": "sigmoid", "weights": [[0.5], [-0.8], [0.6]], "bias": [0.05]}]}
            """;

    @Test
    void everyGradientEqualsTheFloat64Computation() throws Exception {
        Model model = ModelFactory.build(SpecReader.parse(FILE, "chain"), 1);
        StepTrace t = new Trainer(model, TrainConfig.defaults()).trace(Tensor.matrix(toFloat(X)), Tensor.matrix(toFloat(Y)));
        Expected e = new Expected();
        assertEquals(e.loss, t.loss(), 1e-6, "R");
        List<Var> p = model.params(); // W1, b1, γ, β, W2, b2
        assertClose(flat(e.dW1), p.get(0), "∂R/∂W1");
        assertClose(e.db1, p.get(1), "∂R/∂b1 (0: the batch mean removes any bias)");
        assertClose(e.dGamma, p.get(2), "∂R/∂γ");
        assertClose(e.dBeta, p.get(3), "∂R/∂β");
        assertClose(flat(e.dW2), p.get(4), "∂R/∂W2");
        assertClose(e.dB2, p.get(5), "∂R/∂b2");
        // the trace's δ of the batchnorm layer is ∂L_n/∂ŝ, the per-sample form (× N)
        float[][] delta = t.layers().get(1).delta();
        for (int n = 0; n < 4; n++) for (int j = 0; j < 3; j++) assertEquals(4 * e.dShat[n][j], delta[n][j], 1e-6, "δ of batchnorm");
    }

    /** The whole pass by hand, in doubles. */
    static final class Expected {
        double loss;
        double[][] dW1 = new double[2][3], dW2 = new double[3][1], dShat = new double[4][3];
        double[] db1 = new double[3], dGamma = new double[3], dBeta = new double[3], dB2 = new double[1];

        Expected() {
            int n = 4;
            double[][] s = new double[n][3], xhat = new double[n][3], h = new double[n][3];
            double[] f = new double[n], mu = new double[3], sigma = new double[3];
            for (int i = 0; i < n; i++) for (int j = 0; j < 3; j++) s[i][j] = X[i][0] * W1[0][j] + X[i][1] * W1[1][j] + B1[j];
            for (int j = 0; j < 3; j++) {
                double m = 0, v = 0;
                for (int i = 0; i < n; i++) m += s[i][j] / n;
                for (int i = 0; i < n; i++) v += (s[i][j] - m) * (s[i][j] - m) / n; // biased
                mu[j] = m;
                sigma[j] = Math.sqrt(v + 1e-5);
            }
            for (int i = 0; i < n; i++) {
                double a2 = B2[0];
                for (int j = 0; j < 3; j++) {
                    xhat[i][j] = (s[i][j] - mu[j]) / sigma[j];
                    h[i][j] = Math.tanh(GAMMA[j] * xhat[i][j] + BETA[j]);
                    a2 += h[i][j] * W2[j][0];
                }
                f[i] = 1 / (1 + Math.exp(-a2));
                loss += 0.5 * (Y[i][0] - f[i]) * (Y[i][0] - f[i]) / n;
            }
            double[][] dS = new double[n][3];
            for (int i = 0; i < n; i++) {
                double da2 = (f[i] - Y[i][0]) / n * f[i] * (1 - f[i]);
                dB2[0] += da2;
                for (int j = 0; j < 3; j++) {
                    dW2[j][0] += h[i][j] * da2;
                    dShat[i][j] = da2 * W2[j][0] * (1 - h[i][j] * h[i][j]);
                    dGamma[j] += dShat[i][j] * xhat[i][j];
                    dBeta[j] += dShat[i][j];
                }
            }
            for (int j = 0; j < 3; j++) {
                double sum = 0, sumX = 0;
                for (int i = 0; i < n; i++) {
                    sum += dShat[i][j] * GAMMA[j];
                    sumX += dShat[i][j] * GAMMA[j] * xhat[i][j];
                }
                for (int i = 0; i < n; i++) dS[i][j] = (n * dShat[i][j] * GAMMA[j] - sum - xhat[i][j] * sumX) / (n * sigma[j]);
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 3; j++) {
                    db1[j] += dS[i][j];
                    for (int k = 0; k < 2; k++) dW1[k][j] += X[i][k] * dS[i][j];
                }
            }
        }
    }

    static void assertClose(double[] expected, Var param, String what) {
        float[] got = param.grad().data();
        assertEquals(expected.length, got.length, what);
        for (int i = 0; i < got.length; i++) {
            assertEquals(expected[i], got[i], 1e-6 + 1e-4 * Math.abs(expected[i]), what + "[" + i + "]");
        }
    }

    static double[] flat(double[][] m) {
        return java.util.Arrays.stream(m).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    static float[][] toFloat(double[][] m) {
        float[][] out = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new float[m[i].length];
            for (int j = 0; j < m[i].length; j++) out[i][j] = (float) m[i][j];
        }
        return out;
    }
}
