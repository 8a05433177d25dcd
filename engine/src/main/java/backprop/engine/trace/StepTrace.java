package backprop.engine.trace;

import java.util.List;

/**
 * The engine's record of one training step, at the granularity a teacher narrates. It is the
 * single source of truth for every number a view shows about that step.
 *
 * @param step         how many updates the model had received before this step (0-based)
 * @param loss         R on this batch, before the update (without the L2 term)
 * @param lossName     "mse", "cross_entropy", "binary_cross_entropy"
 * @param input        the batch, [n][inputs]
 * @param target       the targets, [n][outputs]
 * @param output       the network's output, [n][outputs]
 * @param layers       one entry per layer, input to output
 * @param optimizer    optimiser description ("sgd η=0.5"), null if no update was made
 * @param learningRate η
 * @param parameters   every parameter of the model (maxout pieces included): before, gradient, after
 * @param backend      the name of the backend whose kernels computed this step ("java", "openblas")
 * @param statistics   each layer's statistics for this step (histogram, norms, fractions), input side
 *                     first; null in an untraced step's result
 */
public record StepTrace(long step, float loss, String lossName, float[][] input, float[][] target, float[][] output,
                        List<LayerTrace> layers, String optimizer, float learningRate, List<ParameterTrace> parameters,
                        String backend, List<LayerStatistics> statistics) {

    public int batchSize() { return input.length; }
}
