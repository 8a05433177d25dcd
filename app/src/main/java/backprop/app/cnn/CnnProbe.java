package backprop.app.cnn;

import backprop.app.view.LessonProbe;
import backprop.engine.data.MnistDigits;
import backprop.engine.layers.conv.ConvArithmetic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CNN view for a lesson, without a window: the same {@link CnnSession} (the built-in
 * {@code cnn-small} on the shipped digits, seeded minibatches) and the same trace of one held-out
 * digit, plus the convolution panel's arithmetic from {@link ConvArithmetic}.
 *
 * <p>Ids: {@code conv:out-side}, {@code conv:out-channels}, {@code conv:params},
 * {@code conv:multiply-adds} (the panel's convolution: a deck example or conv1 of the network, at
 * the stride and padding in force); {@code maps:L} (how many feature maps layer L has),
 * {@code map-side:L} (their side), {@code map:L/N} (map N of layer L, 1-based; its value is the
 * largest number in it), {@code filter:N} (conv1's filter N), {@code prob:K} (the probability of
 * digit K), {@code predicted} and {@code label}; elements {@code cnn-maps}, {@code cnn-filters},
 * {@code cnn-bars}, {@code cnn-prediction}, {@code cnn-formula}, {@code cnn-preset-shapes},
 * {@code cnn-preset-counts}, {@code cnn-chart}. Controls: {@code preset} (deck-32, deck-56, none),
 * {@code stride} (1 to 4), {@code padding} (0 to 3), {@code digit} (0 to 1999, a held-out digit),
 * {@code filter} (1 to 4).
 */
public final class CnnProbe implements LessonProbe {
    static final List<String> ELEMENTS = List.of("cnn-maps", "cnn-filters", "cnn-bars", "cnn-prediction", "cnn-formula",
            "cnn-preset-shapes", "cnn-preset-counts", "cnn-chart");
    /** conv1 of the network, sized like a preset, for the panel when no deck example is chosen. */
    static final ConvPreset NETWORK = new ConvPreset("conv1", 28, 1, 4, 3, 1, 1);

    private CnnSession session;
    private ConvPreset preset;
    private int stride = 1, padding = 1, digit;
    private CnnFrame frame;

    @Override
    public Optional<String> controlProblem(String control, String value) { return problem(control, value); }

    static Optional<String> problem(String control, String value) {
        boolean ok = switch (control) {
            case "preset" -> List.of("deck-32", "deck-56", "none").contains(value);
            case "stride" -> value.matches("[1-4]");
            case "padding" -> value.matches("[0-3]");
            case "digit" -> value.matches("\\d{1,4}") && Integer.parseInt(value) < 2000;
            case "filter" -> value.matches("[1-4]");
            default -> false;
        };
        return LessonProbe.refusal("cnn", List.of("preset", "stride", "padding", "digit", "filter"), control, value, ok);
    }

    /** The preset a control names (null: conv1 of the network). */
    static ConvPreset preset(String value) {
        return switch (value) {
            case "deck-32" -> ConvPreset.DECK_32;
            case "deck-56" -> ConvPreset.DECK_56;
            default -> null;
        };
    }

    @Override
    public void set(Map<String, String> c) {
        // A preset brings its own stride and padding; the step's stride and padding then adjust them, as in the view.
        if (c.containsKey("preset")) {
            preset = preset(c.get("preset"));
            if (preset != null) {
                stride = preset.stride();
                padding = preset.padding();
            }
        }
        if (c.containsKey("stride")) stride = Integer.parseInt(c.get("stride"));
        if (c.containsKey("padding")) padding = Integer.parseInt(c.get("padding"));
        if (c.containsKey("digit")) {
            digit = Integer.parseInt(c.get("digit"));
            frame = null;
        }
    }

    @Override
    public void train(int steps) {
        session().train(steps);
        frame = null;
    }

    private CnnSession session() {
        if (session == null) session = CnnSession.create(null);
        return session;
    }

    private CnnFrame frame() {
        if (frame == null) {
            CnnSession s = session();
            MnistDigits d = s.digits;
            int label = d.label(d.trainSize() + digit);
            frame = new CnnFrame(s.steps(), s.epochs(), s.history(), s.inspect(d.image(d.trainSize() + digit), label), s.lastTraining(), label, null, null);
        }
        return frame;
    }

    @Override
    public List<String> ids() {
        List<String> out = new ArrayList<>(ELEMENTS);
        out.addAll(List.of("conv:out-side", "conv:out-channels", "conv:params", "conv:multiply-adds", "predicted", "label"));
        for (int k = 0; k < MnistDigits.CLASSES; k++) out.add("prob:" + k);
        for (int n = 1; n <= NETWORK.filters(); n++) out.add("filter:" + n);
        for (FeatureMaps m : frame().maps()) {
            out.add("maps:" + m.title());
            out.add("map-side:" + m.title());
            for (int n = 1; n <= m.channels(); n++) out.add("map:" + m.title() + "/" + n);
        }
        return out;
    }

    @Override
    public double value(String id) {
        if (id.startsWith("conv:")) return arithmetic(preset, stride, padding, id);
        return value(frame(), id);
    }

    /** The panel's convolution: {@code p} (null: conv1 of the network) at {@code stride} and {@code padding}; NaN when it does not fit. */
    static double arithmetic(ConvPreset p, int stride, int padding, String id) {
        ConvPreset c = p == null ? NETWORK : p;
        ConvArithmetic.Window win = new ConvArithmetic.Window(c.kernel(), stride, padding);
        if (ConvArithmetic.problem(c.side(), win, "kernel") != null) return Double.NaN;
        int[] chw = {c.channels(), c.side(), c.side()};
        return switch (id) {
            case "conv:out-side" -> ConvArithmetic.convOutput(chw, c.filters(), win)[1];
            case "conv:out-channels" -> ConvArithmetic.convOutput(chw, c.filters(), win)[0];
            case "conv:params" -> ConvArithmetic.convParameters(c.channels(), c.filters(), c.kernel());
            case "conv:multiply-adds" -> ConvArithmetic.convMultiplyAdds(chw, c.filters(), win);
            default -> Double.NaN;
        };
    }

    /** The engine's number behind an id of the traced digit; NaN for an element or an unknown id. */
    static double value(CnnFrame f, String id) {
        try {
            return read(f, id);
        } catch (NumberFormatException e) {
            return Double.NaN; // "prob:x", "map:conv1/y": not an id of this view
        }
    }

    private static double read(CnnFrame f, String id) {
        if (id.equals("predicted")) return f.predicted();
        if (id.equals("label")) return f.label();
        if (id.startsWith("prob:")) {
            int k = Integer.parseInt(id.substring(5));
            return k >= 0 && k < f.probabilities().length ? f.probabilities()[k] : Double.NaN;
        }
        for (FeatureMaps m : f.maps()) {
            if (id.equals("maps:" + m.title())) return m.channels();
            if (id.equals("map-side:" + m.title())) return m.height();
            if (id.startsWith("map:" + m.title() + "/")) {
                int n = Integer.parseInt(id.substring(id.indexOf('/') + 1));
                if (n < 1 || n > m.channels()) return Double.NaN;
                float max = Float.NEGATIVE_INFINITY;
                for (float v : m.image(n - 1)) max = Math.max(max, v);
                return max;
            }
        }
        return Double.NaN;
    }
}
