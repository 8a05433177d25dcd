package backprop.engine.data;

import backprop.engine.spec.Limits;
import java.util.List;
import java.util.Random;

/**
 * Sequence sets for recurrent networks (curriculum §7), generated from a seed: the same
 * arguments give bit-identical data. Each is checked against {@link Limits} before anything is
 * allocated ({@link SequenceSize}).
 */
public final class SequenceDatasets {
    private SequenceDatasets() {}

    /** Names accepted by {@link #byName}. */
    public static final List<String> NAMES = List.of("remember-first-bit", "bracket-depth");

    /** Shortest remember-first-bit sequence: the first bit has to be carried past at least one more. */
    public static final int REMEMBER_MIN_STEPS = 2;
    /**
     * Longest remember-first-bit sequence: by 100 steps a plain RNN's gradient has long vanished
     * and an LSTM still copes, which is the lesson; longer only makes the epochs slower.
     */
    public static final int REMEMBER_MAX_STEPS = 100;
    /** The depth {@link #byName} gives bracket-depth: deep enough to need counting, five classes. */
    public static final int DEFAULT_MAX_DEPTH = 4;

    /**
     * The named set; bracket-depth nests at most {@link #DEFAULT_MAX_DEPTH} deep.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones) or
     *                                  sizes past the limits
     */
    public static SequenceData byName(String name, int samples, int steps, long seed) {
        return switch (name) {
            case "remember-first-bit" -> rememberFirstBit(samples, steps, seed);
            case "bracket-depth" -> bracketDepth(samples, steps, DEFAULT_MAX_DEPTH, seed);
            default -> throw new IllegalArgumentException("unknown sequence dataset '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        };
    }

    /**
     * {@code steps} random bits per sequence (one feature, 0 or 1); the one target, after the last
     * step, is the first bit (y is [N][1][1]). Half the first bits are 1 (one more when N is odd),
     * in a seeded order, so always answering one class scores 50%.
     */
    public static SequenceData rememberFirstBit(int samples, int steps, long seed) {
        SequenceSize.check("remember-first-bit", samples, steps, REMEMBER_MIN_STEPS, REMEMBER_MAX_STEPS, 1, 1);
        Random r = new Random(seed);
        int[] order = Dataset.permutation(samples, r);
        float[][][] x = new float[samples][steps][1], y = new float[samples][1][1];
        for (int n = 0; n < samples; n++) {
            float first = order[n] % 2;
            x[n][0][0] = first;
            for (int t = 1; t < steps; t++) x[n][t][0] = r.nextInt(2);
            y[n][0][0] = first;
        }
        return new SequenceData("remember-first-bit", x, y, List.of("bit"));
    }

    /**
     * Strings of '(' and ')' (one-hot, features "(" and ")") whose depth never goes below 0 nor
     * above {@code maxDepth}: at depth 0 the next bracket opens, at {@code maxDepth} it closes,
     * otherwise either is equally likely. The target at every step is the depth after that
     * bracket, one-hot over 0 to {@code maxDepth}, so the network has to count.
     */
    public static SequenceData bracketDepth(int samples, int steps, int maxDepth, long seed) {
        if (maxDepth < 1 || maxDepth > Limits.SEQUENCE_LENGTH) {
            throw new IllegalArgumentException("bracket-depth: a maximum depth of " + maxDepth
                    + " is outside the allowed range of 1 to " + Limits.SEQUENCE_LENGTH);
        }
        SequenceSize.check("bracket-depth", samples, steps, 1, Limits.SEQUENCE_LENGTH, 2, maxDepth + 1);
        Random r = new Random(seed);
        float[][][] x = new float[samples][steps][], y = new float[samples][steps][];
        for (int n = 0; n < samples; n++) {
            int depth = 0;
            for (int t = 0; t < steps; t++) {
                boolean open = depth == 0 || (depth < maxDepth && r.nextBoolean());
                depth += open ? 1 : -1;
                x[n][t] = SequenceSize.oneHot(open ? 0 : 1, 2);
                y[n][t] = SequenceSize.oneHot(depth, maxDepth + 1);
            }
        }
        return new SequenceData("bracket-depth", x, y, List.of("(", ")"));
    }
}
