package backprop.engine.train;

import backprop.engine.data.Dataset;
import backprop.engine.data.Datasets;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;

/**
 * Everything a run needs besides the network, resolved in one place: the seed, the training
 * configuration and the data. The command line, the playground and the backprop view all
 * start from {@link #resolve}, so a default (seed 42, η 0.5, 200 points, …) lives here only
 * (and in {@link TrainConfig#defaults()}).
 *
 * @param seed     seeds omitted weights, shuffling, dropout and (unless the file says) the data
 * @param training the optimiser and its hyper-parameters
 * @param data     the dataset with its defaults filled in; null if the file names none
 */
public record RunSettings(long seed, TrainConfig training, DataSettings data) {

    /** Points drawn for the 2-D sets when the file does not say. */
    public static final int DEFAULT_SAMPLES = 200;

    /**
     * A dataset with nothing left open.
     *
     * @param seed seed of the generated points and of the test split
     */
    public record DataSettings(String name, int samples, double noise, double testRatio, long seed, int inputs) {
        /** Generates the points (all of them; split with {@link #testRatio}). */
        public Dataset generate() { return Datasets.byName(name, samples, noise, seed, inputs); }
    }

    /** The seed: the override (command line) wins, then the file's, then {@link ModelFactory#DEFAULT_SEED}. */
    public static long seed(NetworkSpec spec, Long override) {
        return override != null ? override : spec != null && spec.seed() != null ? spec.seed() : ModelFactory.DEFAULT_SEED;
    }

    /** The file's settings with the caller's overrides on top; any override may be null. */
    public static RunSettings resolve(NetworkSpec spec, Long seedOverride, Integer epochsOverride, Double lrOverride) {
        return resolve(spec, seedOverride, epochsOverride, lrOverride, DEFAULT_SAMPLES);
    }

    /** As above, with another number of points where the file gives none (the backprop view shows a few). */
    public static RunSettings resolve(NetworkSpec spec, Long seedOverride, Integer epochsOverride, Double lrOverride, int defaultSamples) {
        long seed = seed(spec, seedOverride);
        TrainConfig config = TrainConfig.from(spec == null ? null : spec.training(), seed);
        if (epochsOverride != null) config = config.withEpochs(epochsOverride);
        if (lrOverride != null) config = config.withLearningRate(lrOverride.floatValue());
        NetworkSpec.DatasetSpec d = spec == null ? null : spec.dataset();
        DataSettings data = d == null || d.name() == null ? null : new DataSettings(d.name(),
                d.samples() != null ? d.samples() : defaultSamples,
                d.noise() != null ? d.noise() : 0.0,
                d.testRatio() != null ? d.testRatio() : 0.0,
                d.seed() != null ? d.seed() : seed,
                d.inputs() != null ? d.inputs() : spec.inputSize());
        return new RunSettings(seed, config, data);
    }
}
