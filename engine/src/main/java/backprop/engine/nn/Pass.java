package backprop.engine.nn;

import java.util.Random;

/**
 * What a forward pass needs to know besides its input: whether it is training (dropout is on
 * only then), the random source for dropout masks, the recorder, which is null unless a trace
 * was asked for, so that plain training pays nothing for traces, and, for sequences, how the
 * rows of a batch form sequences ({@link SequencePass}; null for everything else).
 */
public record Pass(boolean training, Random random, Recorder recorder, SequencePass sequence) {

    public Pass(boolean training, Random random, Recorder recorder) {
        this(training, random, recorder, null);
    }

    public static Pass inference() { return new Pass(false, null, null); }

    /** This pass for a batch of sequences. */
    public Pass withSequence(SequencePass s) { return new Pass(training, random, recorder, s); }

    /** T: the steps of each sequence (1 when the batch is not made of sequences). */
    public int steps() { return sequence == null ? 1 : sequence.steps(); }
}
