package backprop.app.depth;

/**
 * The configurations the Depth view compares, each a built-in network of the engine (10 hidden
 * layers of 24 units on the circle data set, the same seed): the decks' ways a deep network
 * learns or fails to.
 */
public enum DepthPreset {
    SIGMOID_UNIFORM("deep-sigmoid-uniform", "sigmoid · U(−1, 1)"),
    TANH_XAVIER("deep-tanh-xavier", "tanh · Xavier"),
    RELU_HE("deep-relu-he", "ReLU · He"),
    RELU_HE_BATCHNORM("deep-relu-he-batchnorm", "ReLU · He · batch norm"),
    SIGMOID_BATCHNORM("deep-sigmoid-batchnorm", "sigmoid · U(−1, 1) · batch norm"),
    SIGMOID_RESIDUAL("deep-sigmoid-residual", "sigmoid · U(−1, 1) · residual");

    /** The built-in model's name, as {@code flow --model} takes it. */
    public final String model;
    public final String label;

    DepthPreset(String model, String label) {
        this.model = model;
        this.label = label;
    }
}
