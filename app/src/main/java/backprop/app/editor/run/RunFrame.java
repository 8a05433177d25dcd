package backprop.app.editor.run;

import backprop.app.draw.Metric;
import backprop.engine.trace.LayerStatistics;
import java.util.List;
import java.util.Map;

/**
 * What the editor draws of a run after some steps, made on the engine thread: the loss per step
 * (thinned when long), the newest step's statistics of each layer by the editor's node key, and
 * whether the run has ended and why.
 *
 * @param steps    updates made
 * @param epoch    epochs completed
 * @param total    updates the chosen epochs take
 * @param losses   R per step, for the loss curve (every step at first, then thinned: every 2nd, 4th, …)
 * @param loss     R of the newest step, before its update; NaN before the first
 * @param layers   the engine's statistics of the newest step, by node key (layers that record)
 * @param stopped  why training stopped early (the engine's message: step, layer, quantity), or null
 */
public record RunFrame(long steps, int epoch, long total, List<Metric> losses, float loss, Map<Integer, LayerStatistics> layers, String stopped) {
    public RunFrame {
        losses = List.copyOf(losses);
        layers = Map.copyOf(layers);
    }

    /** Every chosen epoch is done, or a value stopped it. */
    public boolean finished() { return stopped != null || steps >= total; }
}
