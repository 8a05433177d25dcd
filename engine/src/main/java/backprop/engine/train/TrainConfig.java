package backprop.engine.train;

import backprop.engine.spec.NetworkSpec.TrainingSpec;

/**
 * Hyper-parameters of a training run, with defaults filled in.
 *
 * @param batchSize       0 = full batch (gradient descent), 1 = online SGD, m = minibatches of m
 * @param l2              λ of the penalty (λ/2)·Σ w² over weights (not biases)
 * @param validationSplit fraction held out for early stopping (0: none)
 * @param patience        epochs without validation improvement before stopping
 * @param seed            seeds shuffling and dropout (initial weights come from the model's seed)
 * @param clipNorm        the largest global gradient norm; larger gradients are scaled down to it (0 = off)
 * @param truncate        truncated backprop through time: steps a gradient crosses at most (0 = all)
 */
public record TrainConfig(String optimizer, float learningRate, int batchSize, int epochs, float l2,
                          float momentum, float beta1, float beta2, float rho, float epsilon,
                          float validationSplit, int patience, long seed,
                          float clipNorm, int truncate) {

    public static TrainConfig defaults() {
        return new TrainConfig("sgd", 0.5f, 0, 1000, 0f, 0.9f, 0.9f, 0.999f, 0.9f, 1e-8f, 0f, 20, 42L, 0f, 0);
    }

    /** Defaults overridden by whatever the spec sets. */
    public static TrainConfig from(TrainingSpec t, long seed) {
        TrainConfig d = defaults();
        if (t == null) return d.withSeed(seed);
        return new TrainConfig(
                t.optimizer() != null ? t.optimizer() : d.optimizer,
                t.learningRate() != null ? t.learningRate().floatValue() : d.learningRate,
                t.batchSize() != null ? t.batchSize() : d.batchSize,
                t.epochs() != null ? t.epochs() : d.epochs,
                t.l2() != null ? t.l2().floatValue() : d.l2,
                t.momentum() != null ? t.momentum().floatValue() : d.momentum,
                t.beta1() != null ? t.beta1().floatValue() : d.beta1,
                t.beta2() != null ? t.beta2().floatValue() : d.beta2,
                t.rho() != null ? t.rho().floatValue() : d.rho,
                t.epsilon() != null ? t.epsilon().floatValue() : d.epsilon,
                t.validationSplit() != null ? t.validationSplit().floatValue() : d.validationSplit,
                t.patience() != null ? t.patience() : d.patience,
                seed,
                t.clipNorm() != null ? t.clipNorm().floatValue() : d.clipNorm,
                t.truncate() != null ? t.truncate() : d.truncate);
    }

    /** The optimisers {@link #createOptimizer} knows, for choosers and messages. */
    public static final java.util.List<String> OPTIMIZERS = java.util.List.of("sgd", "momentum", "rmsprop", "adam");

    public Optimizer createOptimizer() {
        return switch (optimizer) {
            case "sgd" -> new Sgd(learningRate);
            case "momentum" -> new Momentum(learningRate, momentum);
            case "rmsprop" -> new RmsProp(learningRate, rho, epsilon);
            case "adam" -> new Adam(learningRate, beta1, beta2, epsilon);
            default -> throw new IllegalArgumentException("unknown optimizer '" + optimizer + "' (known: " + String.join(", ", OPTIMIZERS) + ")");
        };
    }

    public TrainConfig withSeed(long s) { return new TrainConfig(optimizer, learningRate, batchSize, epochs, l2, momentum, beta1, beta2, rho, epsilon, validationSplit, patience, s, clipNorm, truncate); }

    public TrainConfig withEpochs(int e) { return new TrainConfig(optimizer, learningRate, batchSize, e, l2, momentum, beta1, beta2, rho, epsilon, validationSplit, patience, seed, clipNorm, truncate); }

    public TrainConfig withLearningRate(float lr) { return new TrainConfig(optimizer, lr, batchSize, epochs, l2, momentum, beta1, beta2, rho, epsilon, validationSplit, patience, seed, clipNorm, truncate); }

    public TrainConfig withBatchSize(int b) { return new TrainConfig(optimizer, learningRate, b, epochs, l2, momentum, beta1, beta2, rho, epsilon, validationSplit, patience, seed, clipNorm, truncate); }

    public TrainConfig withOptimizer(String o) { return new TrainConfig(o, learningRate, batchSize, epochs, l2, momentum, beta1, beta2, rho, epsilon, validationSplit, patience, seed, clipNorm, truncate); }

    public TrainConfig withL2(float v) { return new TrainConfig(optimizer, learningRate, batchSize, epochs, v, momentum, beta1, beta2, rho, epsilon, validationSplit, patience, seed, clipNorm, truncate); }

    public TrainConfig withClipping(float norm, int steps) { return new TrainConfig(optimizer, learningRate, batchSize, epochs, l2, momentum, beta1, beta2, rho, epsilon, validationSplit, patience, seed, norm, steps); }

    public TrainConfig withValidation(float split, int pat) { return new TrainConfig(optimizer, learningRate, batchSize, epochs, l2, momentum, beta1, beta2, rho, epsilon, split, pat, seed, clipNorm, truncate); }
}
