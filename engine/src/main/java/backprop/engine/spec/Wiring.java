package backprop.engine.spec;

import backprop.engine.spec.NetworkSpec.LayerSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the layers of a (validated) spec connect: each layer's name and id, and the nodes it
 * reads. Node 0 is the input, node k + 1 the output of layer k; a layer without {@code from}
 * reads the node before it, so a file without any {@code from} is a plain stack.
 */
public final class Wiring {
    private Wiring() {}

    /** What {@code from} calls the network's input. */
    public static final String INPUT = "input";

    /** The layer's name: its own, else its type and position counting from 1 ("dense2"). */
    public static String name(LayerSpec l, int index) {
        return l.name() != null ? l.name() : l.type() + (index + 1);
    }

    /** The id {@code from} refers to: the explicit id, else the name. */
    public static String id(LayerSpec l, int index) {
        return l.id() != null ? l.id() : name(l, index);
    }

    /** The nodes each layer reads, for {@code Model}; the spec must have passed the reader. */
    public static List<int[]> sources(List<LayerSpec> layers) {
        Map<String, Integer> ids = new HashMap<>();
        List<int[]> out = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            LayerSpec l = layers.get(k);
            if (l.from() == null) {
                out.add(new int[] {k});
            } else {
                int[] src = new int[l.from().size()];
                for (int i = 0; i < src.length; i++) {
                    String ref = l.from().get(i);
                    src[i] = ref.equals(INPUT) ? 0 : ids.get(ref) + 1;
                }
                out.add(src);
            }
            ids.put(id(l, k), k);
        }
        return out;
    }
}
