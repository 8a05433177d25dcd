package backprop.app.vanishing;

import backprop.app.view.LessonProbe;
import backprop.engine.layers.recurrent.CellType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vanishing-gradient view for a lesson, without a window: {@link VanishingSession#compute}
 * on the lesson's set-up, the call the view-model makes. Ids: {@code sens:C@tN} (‖∂hₜ/∂h₁‖ of cell
 * C = rnn, lstm or gru at step N), {@code input-sens:C@tN} (‖∂hₜ/∂x₁‖), {@code singular:rnn} (the
 * plain RNN's largest singular value of W), and the elements {@code vn-unrolled},
 * {@code vn-state-plot}, {@code vn-clip-plot}, {@code vn-scale}, {@code vn-steps}. Controls:
 * {@code steps} (2 to 100), {@code scale} (0.25 to 6), {@code clip}, {@code seed}.
 */
public final class VanishingProbe implements LessonProbe {
    static final List<String> ELEMENTS = List.of("vn-unrolled", "vn-state-plot", "vn-clip-plot", "vn-scale", "vn-steps");
    private static final Pattern SENS = Pattern.compile("(sens|input-sens):(rnn|lstm|gru)@t(\\d{1,3})");

    private VanishingSetup setup = VanishingSetup.DEFAULT;
    private VanishingFrame frame;

    @Override
    public Optional<String> controlProblem(String control, String value) {
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        boolean ok = switch (control) {
            case "steps" -> value.matches("\\d{1,3}") && v >= VanishingSetup.MIN_STEPS && v <= VanishingSetup.MAX_STEPS;
            case "scale" -> v >= VanishingSetup.MIN_SCALE && v <= VanishingSetup.MAX_SCALE;
            case "clip" -> v > 0 && v <= 1e6;
            case "seed" -> value.matches("\\d{1,9}");
            default -> false;
        };
        return LessonProbe.refusal("vanishing", List.of("steps", "scale", "clip", "seed"), control, value, ok);
    }

    @Override
    public void set(Map<String, String> controls) {
        setup = setup(setup, controls);
        frame = null;
    }

    /** The set-up after a step's controls (shared with the view). */
    static VanishingSetup setup(VanishingSetup s, Map<String, String> c) {
        if (c.containsKey("steps")) s = s.withSteps(Integer.parseInt(c.get("steps")));
        if (c.containsKey("scale")) s = s.withScale(Double.parseDouble(c.get("scale")));
        if (c.containsKey("clip")) s = s.withClip(Double.parseDouble(c.get("clip")));
        if (c.containsKey("seed")) s = s.withSeed(Long.parseLong(c.get("seed")));
        return s;
    }

    /** The view computes everything from the set-up; nothing trains step by step. */
    @Override
    public void train(int steps) { }

    @Override
    public List<String> ids() { return ids(setup); }

    static List<String> ids(VanishingSetup s) {
        List<String> out = new ArrayList<>(ELEMENTS);
        for (CellType c : VanishingSession.CELLS) {
            for (int t = 1; t <= s.steps(); t++) {
                out.add("sens:" + c.type() + "@t" + t);
                out.add("input-sens:" + c.type() + "@t" + t);
            }
        }
        out.add("singular:rnn");
        return out;
    }

    @Override
    public double value(String id) {
        if (frame == null) frame = VanishingSession.compute(setup);
        return value(frame, id);
    }

    /** The engine's number behind {@code id} in {@code f}; NaN for an element or an unknown id. */
    static double value(VanishingFrame f, String id) {
        if (id.equals("singular:rnn")) return f.rnnLargestSingular();
        Matcher m = SENS.matcher(id);
        if (!m.matches()) return Double.NaN;
        int t = Integer.parseInt(m.group(3));
        VanishingFrame.CellCurves c = f.cell(CellType.byType(m.group(2).toLowerCase(Locale.ROOT)));
        float[] curve = m.group(1).equals("sens") ? c.toState() : c.toInput();
        return t >= 1 && t <= curve.length ? curve[t - 1] : Double.NaN;
    }
}
