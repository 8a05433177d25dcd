package backprop.app.vanishing;

import backprop.engine.layers.recurrent.CellType;
import java.util.List;

/**
 * What the engine computed for one {@link VanishingSetup}, handed to the FX thread as an
 * immutable snapshot (the arrays are never written after the session built them).
 *
 * @param setup the choices these numbers belong to
 * @param cells RNN, LSTM and GRU in that order
 * @param clip  the exploding-gradient training run with and without clipping
 * @param rnnLargestSingular the largest singular value of the plain RNN's W, as the engine measured it
 */
public record VanishingFrame(VanishingSetup setup, List<CellCurves> cells, ClipRun clip, float rnnLargestSingular) {

    /**
     * One cell's sensitivities over t = 1 … T.
     *
     * @param toInput ‖∂h_t/∂x_1‖ ({@code Sensitivity.toFirstInput(...).norm()})
     * @param toState ‖∂h_t/∂h_1‖ ({@code Sensitivity.toFirstState(...).norm()})
     */
    public record CellCurves(CellType cell, float[] toInput, float[] toState) {}

    /**
     * Two copies of the same RNN trained on the same batches with plain gradient descent: one
     * unclipped, one clipped by global norm at {@code threshold}. Norms are the global gradient
     * norms the trainer measured at each step; a run that diverged stops early
     * ({@code divergedAt}: the step whose loss was not finite, or −1).
     *
     * @param unclipped       ‖g‖ of the unclipped run
     * @param clippedBefore   ‖g‖ of the clipped run before clipping
     * @param clippedApplied  ‖g‖ of the clipped run after clipping: what the update used
     */
    public record ClipRun(float threshold, float learningRate, float[] unclipped, float[] clippedBefore, float[] clippedApplied,
                          float[] lossUnclipped, float[] lossClipped, int divergedAt) {}

    public CellCurves cell(CellType type) {
        for (CellCurves c : cells) if (c.cell() == type) return c;
        throw new IllegalArgumentException("no " + type);
    }
}
