package backprop.engine.models;

import backprop.engine.data.Dataset;
import backprop.engine.data.Datasets;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.train.RunSettings;
import backprop.engine.spec.SpecReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The models that ship with the engine, by name. Network models are ordinary network files
 * kept as resources (so they double as examples of the format); the perceptron models use
 * the perceptron learning rule instead of backpropagation.
 */
public final class BuiltinModels {
    private BuiltinModels() {}

    /** How a built-in model is trained. */
    public enum Kind { NETWORK, PERCEPTRON }

    /** A built-in model: its name, how it trains, what it shows, and its dataset. */
    public record Builtin(String name, Kind kind, String description, String dataset) {}

    private static final List<Builtin> ALL = List.of(
            new Builtin("perceptron-and", Kind.PERCEPTRON, "perceptron rule on AND: converges", "and"),
            new Builtin("perceptron-or", Kind.PERCEPTRON, "perceptron rule on OR: converges", "or"),
            new Builtin("perceptron-xor", Kind.PERCEPTRON, "perceptron rule on XOR: never converges (not linearly separable)", "xor"),
            new Builtin("xor-handbuilt", Kind.NETWORK, "step units with the lecture's hand-set weights", "xor"),
            new Builtin("xor", Kind.NETWORK, "2-2-1 sigmoid network learning XOR by backprop", "xor"),
            new Builtin("encoder-838", Kind.NETWORK, "8-3-8 encoder: one-hot codes through 3 hidden units", "encoder-838"),
            new Builtin("lenet", Kind.NETWORK, "LeNet-5 on 28×28 MNIST digits: two conv + max-pool stages, dense 120-84-10", "mnist"),
            new Builtin("cnn-small", Kind.NETWORK, "two small conv layers (4 and 8 filters of 3×3) on MNIST digits, to explore", "mnist"),
            new Builtin("remember-first-bit-lstm", Kind.NETWORK, "LSTM (8 units) recalls the first of 20 bits after the last one", "remember-first-bit"),
            new Builtin("remember-first-bit-rnn", Kind.NETWORK, "tanh RNN on the same task: the gradient vanishes over 19 steps", "remember-first-bit"),
            new Builtin("char-lstm", Kind.NETWORK, "character-level LSTM language model on a text (the built-in novel, or --corpus FILE)", "corpus"),
            new Builtin("deep-sigmoid-uniform", Kind.NETWORK, "10 hidden sigmoid layers, U(−1, 1) weights: vanishing gradients", "circle"),
            new Builtin("deep-tanh-xavier", Kind.NETWORK, "10 hidden tanh layers with Xavier initialisation", "circle"),
            new Builtin("deep-relu-he", Kind.NETWORK, "10 hidden ReLU layers with He initialisation", "circle"),
            new Builtin("deep-relu-he-batchnorm", Kind.NETWORK, "10 hidden ReLU layers, He, batch norm before each ReLU", "circle"),
            new Builtin("deep-sigmoid-batchnorm", Kind.NETWORK, "the sigmoid U(−1, 1) network with batch norm before each sigmoid", "circle"),
            new Builtin("deep-sigmoid-residual", Kind.NETWORK, "the sigmoid U(−1, 1) network with an add around every two layers", "circle"));

    /** The data sets of the models over sequences; they come from SequenceDatasets or a text, not from Datasets. */
    private static final java.util.Set<String> SEQUENCE_DATASETS = java.util.Set.of("remember-first-bit", "bracket-depth", "corpus");

    /** Whether a built-in model reads sequences (its data is not a {@link Dataset} of vectors). */
    public static boolean isSequence(String name) { return SEQUENCE_DATASETS.contains(get(name).dataset()); }

    public static List<Builtin> list() { return ALL; }

    public static Builtin get(String name) {
        for (Builtin b : ALL) if (b.name().equals(name)) return b;
        throw new IllegalArgumentException("unknown model '" + name + "' (known: "
                + String.join(", ", ALL.stream().map(Builtin::name).toList()) + ")");
    }

    /** The network file of a NETWORK model. */
    public static NetworkSpec spec(String name) throws SpecException {
        Builtin b = get(name);
        if (b.kind() != Kind.NETWORK) throw new IllegalArgumentException(name + " is a perceptron, not a network file");
        String resource = "/backprop/engine/models/" + name + ".json";
        try (InputStream in = BuiltinModels.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return SpecReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in model " + name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The dataset a built-in model trains on; a network whose file sets the data's size and noise gets them from there. */
    public static Dataset dataset(String name) {
        if (isSequence(name)) throw new IllegalArgumentException(name + " trains on sequences ('" + get(name).dataset() + "'), not on a data set of vectors");
        if (get(name).kind() == Kind.NETWORK) {
            try {
                RunSettings.DataSettings d = RunSettings.resolve(spec(name), null, null, null).data();
                if (d != null) return d.generate();
            } catch (SpecException e) {
                throw new IllegalStateException(e); // the built-in files are read by the tests
            }
        }
        return Datasets.byName(get(name).dataset(), 0, 0, 0, 0);
    }
}
