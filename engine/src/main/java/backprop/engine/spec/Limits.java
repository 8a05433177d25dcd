package backprop.engine.spec;

/**
 * Every limit on what a file or a command line may ask for that sizes memory or time, in one
 * place. The largest models the app teaches (LeNet-5 on 28×28 MNIST, a char-LSTM of 256 units
 * over 100-step sequences, a 784-128-10 MLP) fit with room to spare, and the largest network
 * these limits allow still trains in well under a 1 GB heap: 16 Mi parameters are 64 MB, and
 * weights, gradients, Adam's two moments and an early-stopping snapshot make five copies
 * (320 MB), next to at most 256 MB for one pass over the data.
 * docs/network-format.md ("Limits") has the same table with the reasons.
 *
 * <p>Phase 1 enforces the data-set limits in {@code Datasets}, overflow in {@code Tensor} and
 * {@code --epochs} on the command line; the reader enforces the rest once it is rewritten.
 */
public final class Limits {
    private Limits() {}

    /** Per input dimension: 28×28 MNIST flattened is 784; a 256×256 picture row is 256. */
    public static final int INPUT_DIMENSION = 65_536;
    /** Inputs in total: a 3×256×256 picture (196,608) fits. */
    public static final int INPUT_SIZE = 262_144;
    /** Units of one layer: the teaching models use at most 256; 256 times more still fits. */
    public static final int UNITS = 65_536;
    /** Pieces of one maxout unit: the decks use 2 to 5. */
    public static final int MAXOUT_PIECES = 16;
    /** Layers in a network: LeNet-5 has 7; a long list only slows the editor. */
    public static final int LAYERS = 256;
    /** Weights and biases of one layer: 4 Mi floats are 16 MB (784-128 is 100,480; LSTM-256 gates ~364 k). */
    public static final int LAYER_PARAMETERS = 4_194_304;
    /** Weights and biases in total: 64 MB, five copies while training with Adam stay under 320 MB. */
    public static final int PARAMETERS = 16_777_216;
    /** Samples in a data set: MNIST has 70,000. */
    public static final int SAMPLES = 100_000;
    /** Inputs of the majority truth table: 2^16 = 65,536 rows, under {@link #SAMPLES}. */
    public static final int MAJORITY_INPUTS = 16;
    /**
     * Numbers in one pass over the data, samples × the widest layer (input included): the
     * trainer evaluates the whole set as one batch. MNIST (60,000 × 784 = 47 M) fits; 256 MB.
     */
    public static final int PASS_VALUES = 67_108_864;
    /** Epochs of one run: a million epochs of XOR take minutes already; progress is shown. */
    public static final int EPOCHS = 1_000_000;
    /** Samples in one minibatch: more than {@link #SAMPLES} is the whole set anyway. */
    public static final int BATCH_SIZE = SAMPLES;
    /** Time steps of a sequence (recurrent lessons use 100-step character sequences). */
    public static final int SEQUENCE_LENGTH = 1_000;
    /**
     * Numbers in one generated sequence set, samples × steps × (features + outputs), inputs and
     * targets together. Sequences are kept as [N][T][F] arrays, one small array per step, so a
     * step costs a header besides its numbers: at the worst (one feature, one output) 16 Mi
     * numbers take about 400 MB; 1,000 character windows of 100 steps over an 80-character
     * alphabet (16 M) just fit, the bit and bracket sets of the lessons are far smaller.
     */
    public static final int SEQUENCE_VALUES = 16_777_216;
    /**
     * A text corpus for the character model: a long novel is 1 to 3 MB. Read, every character is
     * also kept as a 4-byte vocabulary index, so 32 MB of ASCII is about 160 MB in memory.
     */
    public static final long CORPUS_FILE_BYTES = 32L << 20;
    /** Channels of an image (LeNet-5's widest layer has 16; colour input has 3). */
    public static final int IMAGE_CHANNELS = 256;
    /** Height or width of an image in pixels (MNIST is 28). */
    public static final int IMAGE_SIDE = 1_024;
    /**
     * Numbers in one sample's output of an image layer, C·H·W (16 MB): LeNet-5's first
     * convolution has 6·28·28 = 4,704; 64 maps of 256×256 just fit.
     */
    public static final int IMAGE_VALUES = 4_194_304;
    /**
     * Multiply-adds of one conv2d layer for one sample, F·H'·W'·C·K·K: the time a convolution
     * takes, which its few weights do not bound. LeNet-5's second layer needs 240,000; 64 3×3
     * filters over a 3×256×256 picture 113 million; a layer at the limit takes about a second per
     * sample forward on the Java reference.
     */
    public static final long CONV_MULTIPLY_ADDS = 1L << 30;
    /** A network file: 64 MB of JSON holds about 4 M written-out weights, a parsed tree ~200 MB. */
    public static final long NETWORK_FILE_BYTES = 64L << 20;
    /** A lesson file: text and a few small networks. */
    public static final long LESSON_FILE_BYTES = 16L << 20;
    /** A saved session: networks plus a recorded history of steps. */
    public static final long SESSION_FILE_BYTES = 64L << 20;
    /** A data-set file: MNIST's 60,000 samples as CSV are about 110 MB; read streaming. */
    public static final long DATASET_FILE_BYTES = 128L << 20;
    /**
     * Classes of one classification table (distinct labels): the softmax output has a unit per
     * class and the confusion matrix a row and a column; MNIST has 10, a table of 100 labels is
     * already more a lookup than a lesson.
     */
    public static final int CLASSES = 100;
    /** Columns of a data table (features and the label): MNIST written as CSV has 785. */
    public static final int TABLE_COLUMNS = 4_096;
    /**
     * Rows of a table embedded in a network file ({@code $.dataset.table}): a small table a
     * lesson carries with it; anything larger belongs in a CSV file beside the network file.
     */
    public static final int EMBEDDED_ROWS = 1_000;
    /** Characters of a formula for a generated data set ({@code sin(3*x)}): room for any curve a lesson draws. */
    public static final int FORMULA_LENGTH = 256;
    /** Names (layers, networks): long enough for any label, short enough for a table column. */
    public static final int NAME_LENGTH = 256;
    /** JSON nesting depth: network files nest four deep (maxout weights); Jackson allows 1000. */
    public static final int JSON_DEPTH = 64;

    /**
     * Hidden layers of a network trained for gradient flow (the Depth view, {@code flow}): every
     * dense layer but the output. Twenty shows vanishing gradients plainly; more only slows the
     * classroom machine, and each layer's panels need room on screen.
     */
    public static final int DEPTH_HIDDEN_LAYERS = 20;
    /** Units of one dense layer there: the lessons use 16 to 32. */
    public static final int DEPTH_WIDTH = 256;
    /** The learning rate there: below 1e-5 nothing moves in a lesson, above 10 everything diverges at once. */
    public static final double DEPTH_RATE_MIN = 1e-5, DEPTH_RATE_MAX = 10;

    /** Refuses {@code value} above {@code limit}, naming what it is: "majority inputs: 31 is over the limit of 16". */
    public static long check(String what, long value, long limit) {
        if (value > limit) {
            throw new IllegalArgumentException(what + ": " + value + " is over the limit of " + limit);
        }
        return value;
    }
}
