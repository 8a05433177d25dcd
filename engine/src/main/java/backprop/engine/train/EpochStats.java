package backprop.engine.train;

/**
 * One epoch's results, measured on the whole training (and validation) set after the epoch.
 * Validation fields are NaN when no validation set is used.
 */
public record EpochStats(int epoch, long steps, float loss, float accuracy, float validationLoss, float validationAccuracy) {}
