package backprop.app.vanishing;

/**
 * Every choice the vanishing-gradient view offers, as one immutable value: the sequence length
 * T, the factor the recurrent weights W are multiplied by (1: the engine's own initialisation),
 * the clipping threshold of the exploding-gradient run, and the seed of the weights and inputs.
 */
public record VanishingSetup(int steps, double scale, double clip, long seed) {
    public static final int MIN_STEPS = 2, MAX_STEPS = 100;
    public static final double MIN_SCALE = 0.25, MAX_SCALE = 6;
    /** A scale where the plain RNN's W has a largest singular value well above 1. */
    public static final double EXPLODING_SCALE = 4;

    public static final VanishingSetup DEFAULT = new VanishingSetup(30, 1, 1, 7);

    public VanishingSetup {
        steps = Math.max(MIN_STEPS, Math.min(MAX_STEPS, steps));
        if (!(scale >= MIN_SCALE)) scale = MIN_SCALE;
        scale = Math.min(MAX_SCALE, scale);
        if (!(clip > 0)) clip = 1;
    }

    public VanishingSetup withSteps(int t) { return new VanishingSetup(t, scale, clip, seed); }

    public VanishingSetup withScale(double s) { return new VanishingSetup(steps, s, clip, seed); }

    public VanishingSetup withClip(double c) { return new VanishingSetup(steps, scale, c, seed); }

    public VanishingSetup withSeed(long s) { return new VanishingSetup(steps, scale, clip, s); }
}
