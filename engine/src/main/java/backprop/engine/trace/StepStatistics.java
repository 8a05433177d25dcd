package backprop.engine.trace;

import java.util.List;

/**
 * The per-layer statistics of one training step.
 *
 * @param step   updates the model had before this step (0-based), as in {@code StepTrace}
 * @param loss   R on this batch before the update
 * @param layers one entry per layer, input side first
 */
public record StepStatistics(long step, float loss, List<LayerStatistics> layers) {
    public StepStatistics {
        layers = List.copyOf(layers);
    }

    /** The layer of that name, or null. */
    public LayerStatistics layer(String name) {
        for (LayerStatistics l : layers) if (l.name().equals(name)) return l;
        return null;
    }
}
