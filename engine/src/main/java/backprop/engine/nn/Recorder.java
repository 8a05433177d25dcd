package backprop.engine.nn;

import backprop.engine.autodiff.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects, layer by layer, the graph nodes a trace is made from: the layer's inputs, its
 * pre-activation {@code a} (null where a layer has none) and its output {@code z}. After the
 * backward pass their gradients hold the δs.
 */
public final class Recorder {
    /** The nodes of one layer in one forward pass. */
    public record Entry(Layer layer, List<Var> inputs, Var a, Var z) {
        /** The only (or first) input. */
        public Var input() { return inputs.get(0); }
    }

    private final List<Entry> entries = new ArrayList<>();

    public void record(Layer layer, List<Var> inputs, Var a, Var z) {
        entries.add(new Entry(layer, List.copyOf(inputs), a, z));
    }

    public void record(Layer layer, Var input, Var a, Var z) {
        record(layer, List.of(input), a, z);
    }

    public List<Entry> entries() { return entries; }
}
