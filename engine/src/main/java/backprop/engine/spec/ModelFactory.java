package backprop.engine.spec;

import backprop.engine.autodiff.Activation;
import backprop.engine.nn.Dense;
import backprop.engine.nn.Dropout;
import backprop.engine.nn.Initializer;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Loss;
import backprop.engine.nn.Maxout;
import backprop.engine.nn.Model;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import backprop.engine.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds a {@link Model} from a {@link NetworkSpec}. Weights the spec omits are drawn from one
 * {@link Random} seeded with the spec's seed (or the caller's), layer by layer in file order,
 * so the same spec and seed always give the same network.
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
        List<Layer> layers = new ArrayList<>();
        int in = spec.inputSize();
        int index = 0;
        for (LayerSpec l : spec.layers()) {
            index++;
            String name = l.name() != null ? l.name() : l.type() + index;
            Layer layer = switch (l.type()) {
                case "dropout" -> new Dropout(name, in, l.rate());
                case "maxout" -> maxout(name, l, in, r);
                default -> new Dense(name,
                        l.weights() != null ? Tensor.matrix(l.weights()[0]) : init(l, in, l.units(), r),
                        l.bias() != null ? Tensor.vector(l.bias()[0]) : Tensor.zeros(l.units()),
                        Activation.byName(l.activation(), l.alpha()));
            };
            layers.add(layer);
            in = layer.outputSize();
        }
        return new Model(spec.inputSize(), layers, Loss.byName(spec.loss()));
    }

    private static Layer maxout(String name, LayerSpec l, int in, Random r) {
        List<Tensor> w = new ArrayList<>(), b = new ArrayList<>();
        for (int k = 0; k < l.pieces(); k++) {
            w.add(l.weights() != null ? Tensor.matrix(l.weights()[k]) : init(l, in, l.units(), r));
            b.add(l.bias() != null ? Tensor.vector(l.bias()[k]) : Tensor.zeros(l.units()));
        }
        return new Maxout(name, w, b);
    }

    private static Tensor init(LayerSpec l, int in, int out, Random r) {
        Initializer init = l.initializer() == null ? Initializer.XAVIER : new Initializer(l.initializer().type(), l.initializer().scale());
        float[] w = new float[in * out];
        for (int i = 0; i < w.length; i++) w[i] = init.sample(r, in, out);
        return new Tensor(w, in, out);
    }
}
