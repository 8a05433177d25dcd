package backprop.engine.autodiff;

/**
 * The one rule for where a unit counts as saturated, used by the per-layer statistics
 * ({@code LayerStatistics.saturated}) and by the Depth view's activation gallery: where its
 * derivative g′ is under a tenth of the largest g′ it ever has, so a δ passing back through it
 * keeps less than a tenth of what it could. For sigmoid and tanh, whose g′ is a function of their
 * output, the rule reads straight off the output: sigmoid g′ = g(1 − g), at most ¼; tanh
 * g′ = 1 − g², at most 1.
 *
 * <p>(The Playground's {@code UnitActivity} counts something else: units whose output sits
 * within 0.01 of a bound for every sample of the batch.)
 */
public final class Saturation {
    private Saturation() {}

    /** The share of g′'s peak under which a unit is saturated. */
    public static final float FLAT = 0.1f;

    /** Whether a derivative of {@code gPrime} is under {@link #FLAT} of {@code peak}, the largest |g′|. */
    public static boolean flat(float gPrime, float peak) {
        return Math.abs(gPrime) < FLAT * peak;
    }

    /**
     * The limit under which the derivative computed from the output counts as saturated: FLAT·¼
     * for sigmoid (compare g(1 − g) with it), FLAT for tanh (compare 1 − g²); NaN for any other g,
     * whose saturation is not counted.
     */
    public static float outputLimit(String activation) {
        return switch (activation) {
            case "sigmoid" -> FLAT * 0.25f;
            case "tanh" -> FLAT;
            default -> Float.NaN;
        };
    }
}
