package backprop.engine.models;

import backprop.engine.layers.activation.ActivationSpec;
import backprop.engine.layers.dense.DenseSpec;
import backprop.engine.layers.merge.AddKind;
import backprop.engine.layers.merge.MergeSpec;
import backprop.engine.layers.norm.BatchNormSpec;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.NetworkSpec.InitSpec;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import backprop.engine.data.MnistDigits;
import java.util.ArrayList;
import java.util.List;

/**
 * The layers of a deep MLP for watching gradients flow, from the choices a view offers: depth,
 * width, activation, initialiser, batch norm, residual paths. The deep-* presets are this
 * builder's output (DeepNetworksTest holds them to it), so a view's controls and the shipped
 * files describe the same networks.
 *
 * <p>With batch norm each hidden layer is {@code dense(identity) → batchnorm → activation};
 * without, one {@code dense} with the activation. With residual paths the first hidden layer
 * maps the input to the width, then an {@code add} joins every two layers with what came before
 * them, and a layer left over at the end stands alone. The output is one sigmoid unit.
 */
public final class DeepNetworks {
    private DeepNetworks() {}

    /**
     * One configuration.
     *
     * @param hidden      hidden layers (1 to {@code Limits.DEPTH_HIDDEN_LAYERS})
     * @param width       units per hidden layer
     * @param activation  g of the hidden layers ("sigmoid", "tanh", "relu", …)
     * @param initializer how the weights are drawn, e.g. {@code new InitSpec("uniform", 1)} or {@code ("he", 0)}
     * @param batchNorm   batch norm between each linear layer and its g
     * @param residual    an add around every two hidden layers
     */
    public record Config(int hidden, int width, String activation, InitSpec initializer, boolean batchNorm, boolean residual) {}

    /** {@code base} (a deep-* preset: its data, training and seed) with the layers of {@code c}. */
    public static NetworkSpec spec(NetworkSpec base, Config c) {
        return base.withLayers(layers(c));
    }

    /** The data set name of {@link #onDigits}. */
    public static final String DIGITS = "mnist";

    /**
     * {@code spec} (a deep network of this class) trained on the engine's MNIST digits instead of
     * 2-D points: each 28×28 image flattened to 784 inputs, the one sigmoid output replaced by ten
     * softmax units (same initialiser) and the loss by cross-entropy. Hidden layers, training
     * settings and seed stay as they are, so the same comparison runs on real images.
     */
    public static NetworkSpec onDigits(NetworkSpec spec) {
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        if (!(layers.get(layers.size() - 1) instanceof DenseSpec out)) {
            throw new IllegalArgumentException(spec.name() + ": the last layer is not dense, so it cannot become ten softmax units");
        }
        layers.set(layers.size() - 1, new DenseSpec(out.common(), MnistDigits.CLASSES, "softmax", out.alpha(), out.initializer(), null, null));
        int pixels = MnistDigits.builtin().rows() * MnistDigits.builtin().cols();
        return new NetworkSpec(spec.name(), spec.description(), new int[] {pixels}, layers, "cross_entropy", spec.seed(), spec.training(),
                new NetworkSpec.DatasetSpec(DIGITS, null, null, null, null, null));
    }

    public static List<LayerSpec> layers(Config c) {
        List<LayerSpec> out = new ArrayList<>();
        String previous = null; // the id the next add joins with
        int sums = 0;
        for (int k = 1; k <= c.hidden(); k++) {
            String id = c.residual() ? "h" + k : null;
            hidden(out, c, id);
            boolean closesBlock = c.residual() && k > 1 && k % 2 == 1 && k <= 1 + 2 * ((c.hidden() - 1) / 2);
            if (closesBlock) {
                String sum = "sum" + ++sums;
                out.add(new MergeSpec(AddKind.TYPE, new Common(null, sum, List.of(previous, id))));
                previous = sum;
            } else if (k == 1) {
                previous = id;
            }
        }
        out.add(new DenseSpec(Common.NONE, 1, "sigmoid", Float.NaN, c.initializer(), null, null));
        return out;
    }

    /** One hidden layer; {@code id} names its output (the activation's with batch norm). */
    private static void hidden(List<LayerSpec> out, Config c, String id) {
        if (!c.batchNorm()) {
            out.add(new DenseSpec(new Common(null, id, null), c.width(), c.activation(), Float.NaN, c.initializer(), null, null));
            return;
        }
        out.add(new DenseSpec(Common.NONE, c.width(), "identity", Float.NaN, c.initializer(), null, null));
        out.add(BatchNormSpec.of());
        out.add(new ActivationSpec(new Common(null, id, null), c.activation(), Float.NaN));
    }
}
