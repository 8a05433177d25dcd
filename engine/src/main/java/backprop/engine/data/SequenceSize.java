package backprop.engine.data;

import backprop.engine.spec.Limits;

/**
 * The size checks every sequence set passes before its arrays are allocated, so that a huge
 * request ends in a sentence naming the set and the number at fault rather than in an
 * OutOfMemoryError halfway through building it.
 */
final class SequenceSize {
    private SequenceSize() {}

    /**
     * Refuses {@code samples} outside 0 to {@link Limits#SAMPLES}, {@code steps} outside
     * {@code minSteps} to {@code maxSteps}, and a set of more than {@link Limits#SEQUENCE_VALUES}
     * numbers, inputs and targets together; {@code name} begins every message.
     */
    static void check(String name, int samples, int steps, int minSteps, int maxSteps, int features, int outputs) {
        if (samples < 0 || samples > Limits.SAMPLES) {
            throw new IllegalArgumentException(name + ": " + samples + " samples is outside the allowed range of 0 to "
                    + Limits.SAMPLES + " (the limit on samples in a data set)");
        }
        if (steps < minSteps || steps > maxSteps) {
            throw new IllegalArgumentException(name + ": " + steps + " steps per sequence is outside the allowed range of "
                    + minSteps + " to " + maxSteps + " steps");
        }
        // In longs: 100,000 × 1,000 × a few hundred outputs overflows an int.
        long values = (long) samples * steps * ((long) features + outputs);
        if (values > Limits.SEQUENCE_VALUES) {
            throw new IllegalArgumentException(name + ": " + samples + " samples × " + steps + " steps × (" + features
                    + " inputs + " + outputs + " outputs) = " + values + " numbers, over the limit of " + Limits.SEQUENCE_VALUES
                    + " for a sequence set; ask for fewer samples or shorter sequences");
        }
    }

    /** A vector of {@code size} zeros with a 1 at {@code index}: how a symbol enters or leaves a network. */
    static float[] oneHot(int index, int size) {
        float[] v = new float[size];
        v[index] = 1f;
        return v;
    }
}
