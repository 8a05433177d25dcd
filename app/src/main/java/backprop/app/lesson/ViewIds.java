package backprop.app.lesson;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The stable ids a lesson may name in each view it can drive: the controls a step may set (with
 * what values they take) and the elements it may highlight. The Backprop view's highlights are
 * its timeline points ({@link TimelinePoints}); the Playground's are the ids its nodes carry.
 * A lesson naming anything else fails {@code lesson check}.
 */
public final class ViewIds {
    public static final String BACKPROP = "backprop";
    public static final String PLAYGROUND = "playground";
    /** Every view a lesson can open: these two, and the views driven through probes ({@link LessonProbes}). */
    public static final List<String> VIEWS = java.util.stream.Stream.concat(java.util.stream.Stream.of(BACKPROP, PLAYGROUND),
            LessonProbes.views().stream()).toList();

    private static final Predicate<String> NUMBER = v -> parses(v) && Double.parseDouble(v) >= 0;
    private static final Predicate<String> WHOLE = v -> v.matches("\\d{1,9}");
    private static final Predicate<String> BOOLEAN = v -> v.equals("true") || v.equals("false");

    private static final Map<String, Map<String, Predicate<String>>> CONTROLS = Map.of(
            BACKPROP, Map.of("sample", WHOLE, "predict-mode", BOOLEAN),
            PLAYGROUND, Map.of(
                    "learning-rate", v -> NUMBER.test(v) && Double.parseDouble(v) > 0,
                    "activation", v -> List.of("relu", "tanh", "sigmoid", "identity", "leaky_relu", "elu", "softplus", "step").contains(v),
                    "noise", NUMBER,
                    "l2", NUMBER,
                    "batch-size", WHOLE,
                    "optimizer", v -> List.of("sgd", "momentum", "rmsprop", "adam").contains(v),
                    "seed", WHOLE,
                    "preset", v -> presets().contains(v)));

    /** Elements of the Playground a lesson may highlight: the ids its nodes carry. */
    public static final List<String> PLAYGROUND_ELEMENTS = List.of("pg-network-card", "pg-output-card", "pg-chart", "pg-settings",
            "pg-hidden-space", "pg-table", "pg-legend", "pg-preset", "pg-seed", "pg-counter", "pg-perceptron");

    private ViewIds() {}

    /** Why {@code control = value} cannot be set in {@code view}, or empty. */
    public static Optional<String> controlProblem(String view, String control, String value) {
        Map<String, Predicate<String>> known = CONTROLS.getOrDefault(view, Map.of());
        Predicate<String> ok = known.get(control);
        if (ok == null) return Optional.of("the " + view + " view has no control \"" + control + "\" (controls: " + String.join(", ", known.keySet().stream().sorted().toList()) + ")");
        if (!ok.test(value)) {
            return Optional.of("\"" + value + "\" is not a value control \"" + control + "\" of the " + view + " view takes"
                    + (control.equals("preset") ? " (presets: " + String.join(", ", presets()) + ")" : ""));
        }
        return Optional.empty();
    }

    /** The Playground's presets as a lesson names them: {@code perceptron-xor} for {@code Preset.PERCEPTRON_XOR}. */
    public static List<String> presets() {
        return java.util.Arrays.stream(backprop.app.playground.Preset.values()).map(ViewIds::presetId).toList();
    }

    public static String presetId(backprop.app.playground.Preset p) {
        return p.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static boolean parses(String v) {
        try {
            return Double.isFinite(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
