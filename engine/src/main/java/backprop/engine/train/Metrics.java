package backprop.engine.train;

import backprop.engine.tensor.Tensor;

/** Accuracy the way the playground reports it, and the regression error. */
public final class Metrics {
    private Metrics() {}

    /**
     * Fraction of rows classified correctly. One output: prediction ≥ 0.5 against target ≥ 0.5.
     * Several outputs: the arg-max of the prediction against the arg-max of the target.
     */
    public static float accuracy(Tensor prediction, Tensor target) {
        int n = prediction.dim(0), c = prediction.dim(1);
        int correct = 0;
        for (int r = 0; r < n; r++) {
            if (c == 1) {
                if ((prediction.get(r, 0) >= 0.5f) == (target.get(r, 0) >= 0.5f)) correct++;
            } else if (argmax(prediction, r) == argmax(target, r)) {
                correct++;
            }
        }
        return n == 0 ? 0f : (float) correct / n;
    }

    /** Mean of (y − ŷ)² over every row and output: the usual MSE, without the ½ of the mse loss. */
    public static float meanSquaredError(Tensor prediction, Tensor target) {
        int n = prediction.dim(0), c = prediction.dim(1);
        double sum = 0;
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < c; j++) {
                double d = prediction.get(r, j) - target.get(r, j);
                sum += d * d;
            }
        }
        return n == 0 ? 0f : (float) (sum / ((double) n * c));
    }

    public static int argmax(Tensor t, int row) {
        int c = t.dim(1), best = 0;
        for (int j = 1; j < c; j++) if (t.get(row, j) > t.get(row, best)) best = j;
        return best;
    }
}
