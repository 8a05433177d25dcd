package backprop.app.cnn;

import backprop.app.draw.Metric;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.StepTrace;
import backprop.engine.trace.TraceTensor;
import java.util.ArrayList;
import java.util.List;

/**
 * What the engine thread hands the view after each command: the training so far and every number
 * of the current input's pass through the network. Immutable; read on the FX thread.
 *
 * @param step      updates made so far
 * @param epochs    passes over the 8,000 training digits so far (fractional)
 * @param history   the chart points
 * @param inspected the trace of the current input (a batch of one), not updating anything
 * @param training  the last training step's trace (its weight gradients), null before the first
 * @param label     the input's label, −1 for a drawing
 * @param confusion the held-out table, when the view asks for it (else null)
 * @param top       the held-out digits that excite the chosen conv1 filter most
 */
record CnnFrame(long step, double epochs, List<Metric> history, StepTrace inspected, StepTrace training, int label, Confusion confusion,
        TopInputs top) {

    /** The image the network saw, [28·28]. */
    float[] input() { return inspected.input()[0]; }

    /** The softmax output for the input: ten probabilities. */
    float[] probabilities() { return inspected.output()[0]; }

    /** The digit with the largest probability. */
    int predicted() {
        float[] p = probabilities();
        int best = 0;
        for (int k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
        return best;
    }

    /** The input and then each image layer's output z, as traced (flatten and dense are not images). */
    List<FeatureMaps> maps() {
        List<FeatureMaps> out = new ArrayList<>();
        LayerTrace first = inspected.layers().get(0);
        TraceTensor in = first.tensor("input");
        out.add(new FeatureMaps("input", -1, 1, in.dim(1), in.dim(2), in.dim(3), in.data()));
        for (int i = 0; i < inspected.layers().size(); i++) {
            LayerTrace l = inspected.layers().get(i);
            TraceTensor z = l.tensor("z");
            if (z.rank() != 4) continue;
            out.add(new FeatureMaps(l.name(), i, 1, z.dim(1), z.dim(2), z.dim(3), z.data()));
        }
        return out;
    }

    /** Each conv layer's filters [F][C][K][K] as the current input's trace has them (the weights now). */
    List<FeatureMaps> filters() { return kernels(inspected, "weights", ""); }

    /** Each conv layer's ∂R/∂W from the last training step; empty before the first. */
    List<FeatureMaps> gradients() { return training == null ? List.of() : kernels(training, "gradWeights", "∂R/∂W "); }

    private static List<FeatureMaps> kernels(StepTrace t, String key, String prefix) {
        List<FeatureMaps> out = new ArrayList<>();
        for (int i = 0; i < t.layers().size(); i++) {
            LayerTrace l = t.layers().get(i);
            if (!"conv2d".equals(l.type())) continue;
            TraceTensor w = l.tensor(key);
            out.add(new FeatureMaps(prefix + l.name(), i, w.dim(0), w.dim(1), w.dim(2), w.dim(3), w.data()));
        }
        return out;
    }
}
