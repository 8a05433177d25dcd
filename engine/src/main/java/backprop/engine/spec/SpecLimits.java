package backprop.engine.spec;

import backprop.engine.spec.NetworkSpec.DatasetSpec;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import backprop.engine.spec.NetworkSpec.TrainingSpec;
import backprop.engine.tensor.Shapes;

/**
 * Checks a network file that has been read against {@link Limits}, before anything is built
 * from it, naming the JSON path, the value and the limit. The reader does not allocate from
 * the sizes it reads (only written-out weights, which the file itself holds), so checking after
 * reading is safe. The command line calls this today; the reader calls it once it enforces
 * the limits itself (issue 21, phase 2).
 */
public final class SpecLimits {
    private SpecLimits() {}

    public static void check(NetworkSpec spec, String source) throws SpecException {
        int[] shape = spec.inputShape();
        for (int i = 0; i < shape.length; i++) {
            over(source, "$.input.shape[" + i + "]", "inputs along one dimension", shape[i], Limits.INPUT_DIMENSION, "");
        }
        over(source, "$.input.shape", "inputs in total", Shapes.product(shape), Limits.INPUT_SIZE, "");
        over(source, "$.layers", "layers", spec.layers().size(), Limits.LAYERS, "");
        long total = 0;
        int in = spec.inputSize();
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec l = spec.layers().get(i);
            if (l.type().equals("dropout")) continue;
            String p = "$.layers[" + i + "]";
            over(source, p + ".units", "units", l.units(), Limits.UNITS, "");
            if (l.type().equals("maxout")) over(source, p + ".pieces", "pieces", l.pieces(), Limits.MAXOUT_PIECES, "");
            long params = Shapes.layerParameters(in, l.units(), l.pieces());
            over(source, p, "weights and biases in this layer (" + in + " inputs × " + l.units() + " units"
                    + (l.pieces() > 1 ? " × " + l.pieces() + " pieces" : "") + ")", params, Limits.LAYER_PARAMETERS,
                    "; use fewer units or inputs");
            total += params;
            in = l.units();
        }
        over(source, "$.layers", "weights and biases in the network", total, Limits.PARAMETERS, "; use fewer or smaller layers");
        TrainingSpec t = spec.training();
        if (t != null && t.epochs() != null) over(source, "$.training.epochs", "epochs", t.epochs(), Limits.EPOCHS, "");
        if (t != null && t.batchSize() != null) over(source, "$.training.batchSize", "batch size", t.batchSize(), Limits.BATCH_SIZE, "");
        DatasetSpec d = spec.dataset();
        if (d != null && d.samples() != null) over(source, "$.dataset.samples", "samples", d.samples(), Limits.SAMPLES, "");
        if (d != null && d.inputs() != null) over(source, "$.dataset.inputs", "majority inputs", d.inputs(), Limits.MAJORITY_INPUTS, "");
    }

    private static void over(String source, String path, String what, long value, long limit, String hint) throws SpecException {
        if (value > limit) throw new SpecException(source, path, what + ": " + value + " is over the limit of " + limit + hint);
    }
}
