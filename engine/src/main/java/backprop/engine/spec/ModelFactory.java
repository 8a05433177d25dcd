package backprop.engine.spec;

import backprop.engine.layers.LayerKind;
import backprop.engine.layers.LayerKinds;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Loss;
import backprop.engine.nn.Model;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds a {@link Model} from a {@link NetworkSpec}. Weights the spec omits are drawn from one
 * {@link Random} seeded with the spec's seed (or the caller's), layer by layer in file order,
 * so the same spec and seed always give the same network. Each layer is built by its kind
 * ({@link LayerKinds}); merge layers draw nothing.
 */
public final class ModelFactory {
    private ModelFactory() {}

    public static final long DEFAULT_SEED = 42L;

    /** Builds with the spec's own seed, or {@link #DEFAULT_SEED}. */
    public static Model build(NetworkSpec spec) {
        return build(spec, spec.seed() != null ? spec.seed() : DEFAULT_SEED);
    }

    public static Model build(NetworkSpec spec, long seed) {
        Random r = new Random(seed);
        List<int[]> sources = Wiring.sources(spec.layers());
        List<Integer> sizes = new ArrayList<>(List.of(spec.inputSize()));
        List<Layer> layers = new ArrayList<>();
        for (int k = 0; k < spec.layers().size(); k++) {
            LayerSpec l = spec.layers().get(k);
            int[] src = sources.get(k), in = new int[src.length];
            for (int i = 0; i < src.length; i++) in[i] = sizes.get(src[i]);
            LayerKind<LayerSpec> kind = LayerKinds.of(l);
            Layer layer = kind.build(l, Wiring.name(l, k), in, r);
            layers.add(layer);
            sizes.add(layer.outputSize());
        }
        return new Model(spec.inputSize(), spec.steps(), layers, sources, Loss.byName(spec.loss()));
    }
}
