package backprop.app.draw;

/**
 * Measurements after some training update, one point of the loss and accuracy charts. Its own
 * type (not a playground one) so that any view's {@link LossChart} can draw its runs.
 */
public record Metric(long step, int epoch, float trainLoss, float testLoss, float trainAccuracy, float testAccuracy) {}
