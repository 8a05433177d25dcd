package backprop.engine.layers;

import backprop.engine.gradcheck.GradCheck;
import backprop.engine.nn.Layer;
import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/**
 * Everything the engine needs to know about one kind of layer, in one place: its fields in a
 * network file (read with validation, written back), how it builds, and how it is checked.
 * The built {@link Layer} holds the rest: its forward pass on the tape, which parameters L2
 * penalises and what it records in a trace. Registering the kind in {@link LayerKinds} is all
 * it takes for the reader, the writer, the factory, the trainer and the gradient check to know
 * it; docs/ARCHITECTURE.md has the recipe.
 *
 * @param <S> the kind's spec record
 */
public interface LayerKind<S extends LayerSpec> {
    /** The type name in network files ("dense"). */
    String type();

    /** The name a layer palette shows ("Dense (fully connected)"). */
    String displayName();

    /** The kind's own fields (the common type, name, id and from are not listed). */
    List<Field> fields();

    Class<S> specClass();

    /**
     * Whether the layer reads sequences and carries a state along them (rnn, lstm, gru). A
     * network with such a layer takes input of shape [T, features]; every other kind then
     * works on each step alone.
     */
    default boolean readsSequences() { return false; }

    /**
     * Whether it reads images, [channels, height, width] travelling as rows of C·H·W numbers in
     * NCHW order (conv2d, pooling, flatten). The reader refuses an image fed to a kind that does
     * not, with "add a flatten layer first".
     */
    default boolean readsImages() { return false; }

    /** Whether it reads vectors: every kind but the ones that need an image's height and width. */
    default boolean readsVectors() { return true; }

    /** How many inputs it takes: 1 for all but merge layers. */
    default int minInputs() { return 1; }

    default int maxInputs() { return 1; }

    /**
     * Reads the kind's fields of one layer object at JSON path {@code path}; only fields of
     * {@link #fields()} are present (the reader checked). {@code inputSizes} are the sizes of
     * the layers it reads, so shapes (weights, merges) are checked here: a spec that reads builds.
     */
    S read(JsonNode node, String path, Common common, int[] inputSizes, SpecFields fields) throws SpecException;

    /**
     * Reads as {@link #read}, knowing the full shape of each input: [C, H, W] for an image,
     * [size] for a vector. Kinds that work on images override this to check their geometry and
     * keep the shape in their spec; every other kind reads with sizes alone.
     */
    default S readShaped(JsonNode node, String path, Common common, int[][] inputShapes, SpecFields fields) throws SpecException {
        return read(node, path, common, sizes(inputShapes), fields);
    }

    /** The shape of its output: [C, H, W] for an image, else [its output size]. */
    default int[] outputShape(S spec, int[][] inputShapes) {
        return new int[] {outputSize(spec, sizes(inputShapes))};
    }

    /** The size of each shape: the product of its sides (a shape the reader checked fits an int). */
    static int[] sizes(int[][] shapes) {
        int[] out = new int[shapes.length];
        for (int i = 0; i < shapes.length; i++) out[i] = Math.toIntExact(backprop.engine.tensor.Shapes.product(shapes[i]));
        return out;
    }

    /**
     * How many weights and biases it will hold, computed from the spec without allocating
     * anything (long arithmetic through {@code Shapes}), so the reader can hold a layer to
     * {@code Limits.LAYER_PARAMETERS} before the factory builds it.
     */
    default long parameterCount(S spec, int[] inputSizes) { return 0; }

    /**
     * Multiply-adds of one sample's forward pass through the layer, for one step of a sequence:
     * each product of a value with a learned weight, summed into an output (dense n_in → n_out:
     * n_in·n_out; the bias adds are not counted, as in most papers' figures). Layers without
     * weights (activations, pooling, merges, dropout) count 0. A network over T steps runs every
     * layer at every step, so its total is T times the sum; {@code inputShapes} are as in
     * {@link #outputShape}. Long arithmetic through {@code Shapes}, nothing allocated.
     */
    default long multiplyAdds(S spec, int[][] inputShapes) { return 0; }

    /** The size of its output, given the sizes of its inputs. */
    int outputSize(S spec, int[] inputSizes);

    /** Writes the kind's fields (the writer has written type, name, id and from). */
    void write(S spec, ObjectNode node);

    /** Builds the layer; omitted weights are drawn from {@code seeded}, row by row. */
    Layer build(S spec, String name, int[] inputSizes, Random seeded);

    /** The spec with the built layer's current weights written in (for saving a trained net). */
    default S withWeights(S spec, Layer built) { return spec; }

    /** The activation of its output, for the loss checks (softmax for cross_entropy); null if none. */
    default String outputActivation(S spec) { return null; }

    /** Gradient-check rows for this kind (analytic against finite differences), drawn from {@code r}. */
    default List<GradCheck.Result> gradChecks(Random r) { return List.of(); }
}
