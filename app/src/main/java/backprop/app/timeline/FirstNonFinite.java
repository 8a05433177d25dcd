package backprop.app.timeline;

import backprop.engine.trace.StepTrace;

/**
 * The first value of a training step, in the timeline's order, that is not a finite number (an
 * overflow to ∞, or NaN), with the sample whose timeline reaches it first: where a diverging
 * run must stop and what it must point at. Every sample is searched, because the forward values
 * and δs differ per sample.
 *
 * @param sample the sample whose timeline shows it earliest
 * @param index  its position in that timeline
 * @param what   the quantity in words ("∂R/∂w x1→h2", "a of h1", "loss R")
 * @param value  the value itself (NaN or ±∞)
 */
public record FirstNonFinite(int sample, int index, String what, double value) {
    /**
     * Null when every value of the step is finite. {@code shown} is the sample on screen: it wins
     * a tie (values after the loss are the same in every sample's timeline), so the view stays on it.
     */
    public static FirstNonFinite in(StepTrace trace, int shown) {
        FirstNonFinite best = null;
        int first = Math.max(0, Math.min(shown, trace.batchSize() - 1));
        for (int k = 0; k < trace.batchSize(); k++) {
            int n = k == 0 ? first : k <= first ? k - 1 : k;
            Timeline t = Timeline.of(trace, n);
            int end = best == null ? t.size() : best.index;
            for (int i = 0; i < end; i++) {
                TimelineStep s = t.step(i);
                if (!Double.isFinite(s.value())) {
                    best = new FirstNonFinite(n, i, StepFormulas.of(t, s, false).shortLabel(), s.value());
                    break;
                }
            }
        }
        return best;
    }
}
