package backprop.app.editor.run;

import backprop.engine.data.Dataset;
import backprop.engine.data.Datasets;
import backprop.engine.spec.LayerCosts;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.train.RunSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's built-in data sets a network can train on: those whose samples have as many
 * features as the network has inputs and as many targets as its last layer has outputs. The
 * network's own data set, when it names one that fits, comes first. The sizes are read from the
 * sets the engine generates (once per set and input count), never written down here.
 */
public final class RunDatasets {
    /** [features, targets] per "name@inputs": the digits are read once, not per check. */
    private static final Map<String, int[]> SIZES = new ConcurrentHashMap<>();

    private RunDatasets() {}

    /** The fitting sets, or empty with {@link #whyNone} saying why. Engine thread (the digits may load). */
    public static List<String> fitting(NetworkSpec spec) {
        List<String> out = new ArrayList<>();
        if (spec.steps() > 0 || spec.layers().isEmpty()) return out;
        int inputs = spec.inputSize();
        List<LayerCosts.Layer> layers = LayerCosts.of(spec).layers();
        long outputs = backprop.engine.tensor.Shapes.product(layers.get(layers.size() - 1).outputShape());
        String own = spec.dataset() == null ? null : spec.dataset().name();
        for (String name : Datasets.NAMES) {
            int[] size = SIZES.computeIfAbsent(name + "@" + inputs, k -> sizeOf(name, inputs));
            if (size[0] == inputs && size[1] == outputs) {
                if (name.equals(own)) out.add(0, name);
                else out.add(name);
            }
        }
        return out;
    }

    /** One sentence for an empty {@link #fitting} list. */
    public static String whyNone(NetworkSpec spec) {
        if (spec.steps() > 0) return "the built-in data sets are not sequences; train a recurrent network in the Recurrent view";
        return "no built-in data set has " + spec.inputSize() + " inputs and as many targets as the last layer has units";
    }

    private static int[] sizeOf(String name, int inputs) {
        try {
            Dataset d = Datasets.byName(name, RunSettings.DEFAULT_SAMPLES, 0, 1, inputs);
            return new int[] {d.inputs(), d.outputs()};
        } catch (RuntimeException e) { // a set that cannot have this many inputs (majority of 100)
            return new int[] {-1, -1};
        }
    }
}
