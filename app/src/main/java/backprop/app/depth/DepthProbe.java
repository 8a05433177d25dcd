package backprop.app.depth;

import backprop.app.view.LessonProbe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Depth view for a lesson, without a window: the same {@link DepthSession} (columns trained
 * in lock step from one seed on one data set) the view-model drives, started from the view's
 * defaults on first use and again whenever a step sets a control. Controls: {@code columns} (one
 * to four presets, comma-separated: {@code sigmoid-uniform}, {@code tanh-xavier}, {@code relu-he},
 * {@code relu-he-batchnorm}, {@code sigmoid-batchnorm}, {@code sigmoid-residual}), {@code seed},
 * {@code data} (circle, xor-2d, gaussians, spiral). Ids, for each column's preset P:
 * {@code ratio:P} (the first weight layer's gradient norm over the last one's, newest step),
 * {@code loss:P} (the newest loss); elements {@code dp-lower-plot}, {@code dp-seed}, {@code dp-data}.
 */
public final class DepthProbe implements LessonProbe {
    static final List<String> ELEMENTS = List.of("dp-lower-plot", "dp-seed", "dp-data");

    /** What a lesson has chosen: the columns, the seed and the data set. */
    record Choice(List<DepthConfig> configs, long seed, String data) {
        static final Choice DEFAULT = new Choice(DepthViewModel.DEFAULT, 1, "circle");

        Choice with(Map<String, String> c) {
            List<DepthConfig> k = c.containsKey("columns") ? Arrays.stream(c.get("columns").split(",")).map(s -> DepthConfig.of(preset(s.strip()))).toList() : configs;
            return new Choice(k, c.containsKey("seed") ? Long.parseLong(c.get("seed")) : seed, c.getOrDefault("data", data));
        }
    }

    private Choice choice = Choice.DEFAULT;
    private DepthSession session;
    private DepthFrame frame;

    static String id(DepthPreset p) { return p.name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    static DepthPreset preset(String id) {
        for (DepthPreset p : DepthPreset.values()) if (id(p).equals(id)) return p;
        return null;
    }

    @Override
    public Optional<String> controlProblem(String control, String value) {
        boolean ok = switch (control) {
            case "columns" -> {
                String[] parts = value.split(",");
                yield parts.length >= DepthSession.MIN_COLUMNS && parts.length <= DepthSession.MAX_COLUMNS
                        && Arrays.stream(parts).allMatch(p -> preset(p.strip()) != null);
            }
            case "seed" -> value.matches("\\d{1,9}");
            case "data" -> DepthSession.DATASETS.contains(value);
            default -> false;
        };
        Optional<String> no = LessonProbe.refusal("depth", List.of("columns", "seed", "data"), control, value, ok);
        return no.map(line -> line + (control.equals("columns") && line.startsWith("\"") ? " (one to four of: " + String.join(", ", Arrays.stream(DepthPreset.values()).map(DepthProbe::id).toList()) + ")" : ""));
    }

    @Override
    public void set(Map<String, String> controls) {
        choice = choice.with(controls);
        start();
    }

    private void start() {
        session = new DepthSession(choice.configs(), choice.seed(), choice.data());
        frame = session.frame();
    }

    @Override
    public void train(int steps) {
        if (session == null) start();
        frame = session.step(steps);
    }

    @Override
    public List<String> ids() {
        List<String> out = new ArrayList<>(ELEMENTS);
        for (DepthConfig c : choice.configs()) {
            if (c.preset() == null) continue;
            out.add("ratio:" + id(c.preset()));
            out.add("loss:" + id(c.preset()));
        }
        return out;
    }

    @Override
    public double value(String id) {
        if (session == null) start();
        return value(frame, id);
    }

    /** The engine's number behind {@code id} in {@code f}; NaN for an element, an unknown id or before the first step. */
    static double value(DepthFrame f, String id) {
        for (DepthFrame.Column c : f.columns()) {
            if (c.config().preset() == null) continue;
            String p = id(c.config().preset());
            if (id.equals("ratio:" + p)) return c.firstOverLast();
            if (id.equals("loss:" + p)) return c.losses().length() == 0 ? Double.NaN : c.losses().get(c.losses().length() - 1);
        }
        return Double.NaN;
    }
}
