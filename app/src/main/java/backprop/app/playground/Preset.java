package backprop.app.playground;

import backprop.app.playground.PlaygroundSetup.Hidden;
import backprop.app.playground.PlaygroundSetup.Kind;
import backprop.engine.data.Feature;
import backprop.engine.models.BuiltinModels;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecReader;
import java.util.List;

/**
 * Ready-made set-ups for the lessons of curriculum sections 1–3 (and a residual network). Each is an ordinary
 * {@link PlaygroundSetup}: picking one replaces the controls' values, and the user can go on
 * changing them from there.
 */
public enum Preset {
    PLAYGROUND("XOR quadrants (2-4-4-1 tanh)", "A fresh start: learn the XOR quadrants from random weights."),
    HANDBUILT_XOR("Hand-built XOR (step units)",
            "v1 = −1.5 + 2x1 − x2, v2 = −1.5 + 2x2 − x1, y = −0.5 + v1 + v2. Step units have no gradient: edit the weights by hand."),
    LEARNED_XOR("Learned XOR (2-2-1 sigmoid)", "The same shape learned by backprop from random weights. Turn on hidden space to see XOR become separable."),
    XOR_FEATURES("XOR from x1·x2 (no hidden layer)", "Give the network the product x1·x2 and one unit is enough: features instead of a hidden layer."),
    PERCEPTRON_AND("Perceptron: AND", "Rosenblatt's rule w ← w + η·t·φ(x) on the AND table: it converges."),
    PERCEPTRON_OR("Perceptron: OR", "Rosenblatt's rule on the OR table: it converges."),
    PERCEPTRON_XOR("Perceptron: XOR", "No line separates XOR: the rule never converges and the weights cycle."),
    ENCODER_838("8-3-8 encoder", "Eight one-hot vectors through three sigmoid units: each gets its own pattern of three hidden values. "
            + "The table shows the values and, beside them, the pattern rounded at 0.5: often a 3-bit code, sometimes with in-between levels."),
    CIRCLE("Circle", "A disc inside a ring: try x1² and x2² as features."),
    SPIRAL("Two spirals (deep)", "Six layers of eight tanh units on the spirals: the hardest set."),
    RESIDUAL_XOR("Residual XOR (skip connection)",
            "h3 = h1 + h2: the first layer's output skips the second and is added to it (dashed: fixed weight 1). Hover the add column."),
    IRIS("Iris (4 measurements, 3 species)",
            "Fisher's 150 irises: the network reads all four measurements; the map is a slice through two of them, the other two held at their mean."),
    CARS("Cars: stopping distance from speed",
            "Ezekiel's 50 cars of the 1920s: one input, one number to learn. The curve is the network's answer at every speed.");

    private final String title;
    private final String description;

    Preset(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() { return title; }

    public String description() { return description; }

    public PlaygroundSetup setup() {
        PlaygroundSetup d = PlaygroundSetup.defaults();
        List<Feature> xy = List.of(Feature.X1, Feature.X2);
        return switch (this) {
            case PLAYGROUND -> d;
            case HANDBUILT_XOR -> table(d, "xor").withHandBuilt(builtin("xor-handbuilt")).withHidden(List.of(new Hidden(2, "step")))
                    .withOutput("step").withLoss("mse").withOptimizer("sgd").withLearningRate(0.1);
            // The built-in `xor` model's settings, so the playground and `train --model xor` agree.
            case LEARNED_XOR -> table(d, "xor").withHidden(List.of(new Hidden(2, "sigmoid"))).withOutput("sigmoid").withLoss("mse")
                    .withOptimizer("sgd").withLearningRate(2.0).withBatchSize(0).withInitializer("uniform").withSeed(2);
            case XOR_FEATURES -> d.withFeatures(List.of(Feature.X1, Feature.X2, Feature.X1_TIMES_X2)).withHidden(List.of()).withLearningRate(0.1);
            case PERCEPTRON_AND -> perceptron(d, "and");
            case PERCEPTRON_OR -> perceptron(d, "or");
            case PERCEPTRON_XOR -> perceptron(d, "xor");
            case ENCODER_838 -> table(d, "encoder-838").withHidden(List.of(new Hidden(3, "sigmoid"))).withOutput("sigmoid").withLoss("mse")
                    .withOptimizer("adam").withLearningRate(0.05).withBatchSize(0).withSeed(7);
            case CIRCLE -> d.withDataset("circle").withFeatures(xy).withHidden(List.of(new Hidden(4, "tanh")));
            case RESIDUAL_XOR -> PlaygroundSetup.fromSpec(resource("residual-xor.json"), title);
            // All four columns standardised; 30 % of the flowers held out to test on.
            case IRIS -> d.withImported(shipped("iris")).withHidden(List.of(new Hidden(6, "tanh"))).withOptimizer("adam")
                    .withLearningRate(0.03).withBatchSize(16).withTestRatio(0.3).withSeed(3);
            case CARS -> d.withImported(shipped("cars")).withHidden(List.of(new Hidden(4, "tanh"))).withOptimizer("adam")
                    .withLearningRate(0.1).withBatchSize(8).withTestRatio(0.2).withSeed(6);
            case SPIRAL -> d.withDataset("spiral").withSamples(300).withNoise(0.1)
                    .withFeatures(List.of(Feature.X1, Feature.X2, Feature.SIN_X1, Feature.SIN_X2))
                    .withHidden(java.util.Collections.nCopies(6, new Hidden(8, "tanh"))).withLearningRate(0.01);
        };
    }

    private static PlaygroundSetup table(PlaygroundSetup d, String dataset) {
        return d.withDataset(dataset).withFeatures(List.of(Feature.X1, Feature.X2)).withTestRatio(0);
    }

    private static PlaygroundSetup perceptron(PlaygroundSetup d, String dataset) {
        return table(d, dataset).withKind(Kind.PERCEPTRON).withHidden(List.of()).withOutput("step").withLearningRate(1.0);
    }

    /** A network file kept beside this class (a copy of the one `train --spec` reads in the tests). */
    private static NetworkSpec resource(String file) {
        try (java.io.InputStream in = Preset.class.getResourceAsStream(file)) {
            if (in == null) throw new IllegalStateException("missing resource " + file);
            return SpecReader.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), file);
        } catch (java.io.IOException | SpecException e) {
            throw new IllegalStateException(file + " does not read: " + e.getMessage(), e);
        }
    }

    /** A table shipped with the engine (assets/tables/), every feature standardised. */
    private static PlaygroundSetup.Imported shipped(String name) {
        NetworkSpec.DatasetSpec spec = new NetworkSpec.DatasetSpec(name, null, null, null, null, null, null, null, null, null, null, null,
                NetworkSpec.Standardize.ALL, null);
        try {
            return new PlaygroundSetup.Imported(spec, backprop.engine.data.table.TablePresets.read(name, null, null));
        } catch (backprop.engine.data.table.TableException e) {
            throw new IllegalStateException("shipped table " + name + " does not read: " + e.getMessage(), e);
        }
    }

    private static NetworkSpec builtin(String name) {
        try {
            return BuiltinModels.spec(name);
        } catch (SpecException e) {
            throw new IllegalStateException("built-in model " + name + " does not read: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() { return title; }
}
