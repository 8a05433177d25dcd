package backprop.app.recurrent;

import backprop.app.draw.Metric;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.StepTrace;

/**
 * One recorded moment of training, handed from the engine thread to the FX thread and kept in
 * the history: after {@code step} updates, the engine's trace of the shown sequences (forward
 * and backward, no update) and the loss and accuracy measured on the training and test sets.
 * {@code forced} says which gates the user pinned when it was recorded ("" when none), as the
 * trace itself reports it.
 */
public record RecurrentFrame(long step, int epoch, StepTrace trace, Metric metric) {

    /** The recurrent layer's part of the trace (it is the network's first layer). */
    public LayerTrace layer() { return trace.layers().get(0); }

    /** The gates the engine ran forced, as its trace writes them ("f = 1.0, i = 0.0"), or "". */
    public String forced() {
        String f = layer().attributes().get("forced");
        return f == null ? "" : f;
    }
}
