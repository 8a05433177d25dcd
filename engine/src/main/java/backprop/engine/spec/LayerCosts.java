package backprop.engine.spec;

import backprop.engine.layers.LayerKind;
import backprop.engine.layers.LayerKinds;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What each layer of a network that read costs, as its kind computes it: the shape of its output,
 * its weights and biases, and the multiply-adds of one sample's forward pass. This is the one walk
 * over a network's wiring that summaries (the editor's footer, its text export) take, so the
 * figures a user sees are the kinds' own and the arithmetic of "T steps" is written once.
 *
 * @param inputShape the input's shape per step: [C, H, W] for an image, else [features]
 * @param steps      T for a network over sequences, else 0
 * @param layers     one entry per layer, in file order
 */
public record LayerCosts(int[] inputShape, int steps, List<Layer> layers) {

    /**
     * One layer's figures.
     *
     * @param outputShape  per step: [C, H, W] for an image, else [size]
     * @param parameters   weights and biases ({@link LayerKind#parameterCount})
     * @param multiplyAdds per sample, all T steps of a sequence included ({@link LayerKind#multiplyAdds} × T)
     */
    public record Layer(int[] outputShape, long parameters, long multiplyAdds) {}

    public LayerCosts {
        layers = List.copyOf(layers);
    }

    /** The figures of every layer of {@code spec}, which the reader accepted. */
    public static LayerCosts of(NetworkSpec spec) {
        int[] in = spec.inputShape();
        int[] first = spec.isImage() ? in.clone() : new int[] {in[in.length - 1]};
        long perSample = Math.max(1, spec.steps());
        List<int[]> shapes = new ArrayList<>();
        shapes.add(first);
        List<int[]> sources = Wiring.sources(spec.layers());
        List<Layer> out = new ArrayList<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec l = spec.layers().get(i);
            LayerKind<LayerSpec> kind = LayerKinds.of(l);
            int[][] inputs = new int[sources.get(i).length][];
            for (int j = 0; j < inputs.length; j++) inputs[j] = shapes.get(sources.get(i)[j]);
            int[] shape = kind.outputShape(l, inputs);
            shapes.add(shape);
            out.add(new Layer(shape, kind.parameterCount(l, LayerKind.sizes(inputs)), Math.multiplyExact(kind.multiplyAdds(l, inputs), perSample)));
        }
        return new LayerCosts(first, spec.steps(), out);
    }

    /** Weights and biases of the whole network. */
    public long parameters() { return layers.stream().mapToLong(Layer::parameters).sum(); }

    /** Multiply-adds of one sample's forward pass through the whole network. */
    public long multiplyAdds() { return layers.stream().mapToLong(Layer::multiplyAdds).sum(); }
}
