package backprop.app.depth;

import backprop.engine.models.BuiltinModels;
import backprop.engine.models.DeepNetworks;
import backprop.engine.spec.DepthLimits;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import java.util.Locale;

/**
 * One column of the Depth view: a name and the network it trains. Either one of the built-in
 * {@link DepthPreset}s, or a network built from the view's controls by the engine's
 * {@link DeepNetworks} (on the presets' data, training settings and seed), checked against the
 * engine's depth limits before it is accepted.
 */
public record DepthConfig(String label, NetworkSpec spec, DepthPreset preset, DeepNetworks.Config custom, Training training) {
    /**
     * How a network of one's own trains: optimiser, learning rate and clipping by global norm
     * (0: none). Batches and the data set stay the presets', so columns stay comparable.
     */
    public record Training(String optimizer, double learningRate, double clipNorm) {
        public static final Training PRESETS = new Training("sgd", 0.1, 0);
    }

    /** The base every custom network takes its data, training and seed from. */
    static final String BASE = DepthPreset.RELU_HE.model;

    /**
     * This configuration on another data set: one of the 2-D sets (same number of points and
     * noise), or the MNIST digits, for which the engine gives the network 784 inputs and ten
     * softmax outputs ({@link DeepNetworks#onDigits}).
     */
    DepthConfig onData(String name) {
        NetworkSpec.DatasetSpec d = spec.dataset();
        if (d != null && name.equals(d.name())) return this;
        if (name.equals(DeepNetworks.DIGITS)) return new DepthConfig(label, DeepNetworks.onDigits(spec), preset, custom, training);
        NetworkSpec.DatasetSpec next = new NetworkSpec.DatasetSpec(name, d == null ? null : d.samples(), d == null ? null : d.noise(),
                d == null ? null : d.testRatio(), d == null ? null : d.seed(), null);
        return new DepthConfig(label, spec.withDataset(next), preset, custom, training);
    }

    public static DepthConfig of(DepthPreset p) {
        try {
            return new DepthConfig(p.label, BuiltinModels.spec(p.model), p, null, null);
        } catch (SpecException e) {
            throw new IllegalStateException(p.model + ": " + e.getMessage(), e);
        }
    }

    /**
     * A network from the controls; a choice outside the engine's limits is refused with the
     * limit's own one-line reason (an IllegalArgumentException).
     */
    public static DepthConfig custom(DeepNetworks.Config c) {
        return custom(c, Training.PRESETS);
    }

    /** As {@link #custom(DeepNetworks.Config)}, trained with {@code t}. */
    public static DepthConfig custom(DeepNetworks.Config c, Training t) {
        NetworkSpec spec;
        try {
            NetworkSpec base = BuiltinModels.spec(BASE);
            NetworkSpec.TrainingSpec b = base.training() != null ? base.training() : NetworkSpec.TrainingSpec.defaults();
            base = base.withTraining(new NetworkSpec.TrainingSpec(t.optimizer(), t.learningRate(), b.batchSize(), b.epochs(), b.l2(), b.momentum(),
                    b.beta1(), b.beta2(), b.rho(), b.epsilon(), b.validationSplit(), b.patience(), t.clipNorm() > 0 ? t.clipNorm() : null, b.truncate()));
            spec = DeepNetworks.spec(base, c);
            DepthLimits.check(spec, "this configuration");
        } catch (SpecException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        String init = c.initializer().type() + (c.initializer().scale() > 0 ? "(" + trim(c.initializer().scale()) + ")" : "");
        String label = c.hidden() + " × " + c.width() + " " + c.activation() + " · " + init
                + (c.batchNorm() ? " · BN" : "") + (c.residual() ? " · residual" : "")
                + (t.equals(Training.PRESETS) ? "" : " · " + t.optimizer() + " η " + trim(t.learningRate()) + (t.clipNorm() > 0 ? " · clip " + trim(t.clipNorm()) : ""));
        return new DepthConfig(label, spec, null, c, t);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2g", v);
    }
}
