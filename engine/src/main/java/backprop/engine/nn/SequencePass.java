package backprop.engine.nn;

import java.util.Map;

/**
 * How a batch of sequences travels through the layers. A batch of N sequences of T steps is
 * one matrix of N·T rows, sample-major (row n·T + t is step t of sequence n), so that a dense
 * layer after a recurrent one applies at every step without knowing about time; only the
 * recurrent layers read T from here.
 *
 * @param steps        T
 * @param truncate     truncated backprop through time: the gradient crosses at most this many
 *                     steps back (windows of this length; 0 = the whole sequence)
 * @param forcedGates  gate values the user pinned, by gate key ("f" → 1.0, "i" → 0.0); a
 *                     forced gate is a constant, so no gradient flows through it
 */
public record SequencePass(int steps, int truncate, Map<String, Float> forcedGates) {

    public SequencePass {
        if (steps < 1) throw new IllegalArgumentException("a sequence needs at least one step, not " + steps);
        if (truncate < 0) throw new IllegalArgumentException("truncation must be 0 (off) or a number of steps, not " + truncate);
        forcedGates = forcedGates == null ? Map.of() : Map.copyOf(forcedGates);
    }

    public static SequencePass of(int steps) { return new SequencePass(steps, 0, Map.of()); }

    /** The forced value of a gate, or null when the gate computes its own. */
    public Float forced(String gate) { return forcedGates.get(gate); }
}
