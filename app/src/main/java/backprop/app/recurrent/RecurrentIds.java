package backprop.app.recurrent;

import backprop.engine.layers.recurrent.CellType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recurrent view's stable ids and controls, shared by its lesson probe and the live view so
 * both read a number the same way. Ids: {@code gate:K@tN}, quantity K of the timeline's columns
 * ({@link CellReadout#columns}: LSTM f, i, o, c_tilde, c, h; GRU z, r, h_tilde, h; RNN a, h) at
 * step N (1 to T) of the followed sequence and unit; {@code output} (the network's answer for that
 * sequence), {@code loss} (on the measured training sequences) and {@code test-accuracy}; and the
 * view's elements {@code rec-chart}, {@code rec-cell}, {@code rec-unrolled}, {@code rec-answer},
 * {@code rec-score}, {@code rec-force}. Controls: {@code cell} (lstm, gru, rnn), {@code units},
 * {@code steps}, {@code seed} (each builds a fresh network), {@code force:G} (0, 1 or auto, for
 * a gate G), {@code sample} (1 to 8) and {@code unit} (1 to H), both 1-based as on screen.
 */
public final class RecurrentIds {
    static final List<String> ELEMENTS = List.of("rec-chart", "rec-cell", "rec-unrolled", "rec-answer", "rec-score", "rec-force");
    static final Set<String> SETUP = Set.of("cell", "units", "steps", "seed");
    private static final Pattern GATE = Pattern.compile("gate:([a-z_]+)@t(\\d{1,3})");

    private RecurrentIds() {}

    static Optional<String> controlProblem(String control, String value) {
        boolean ok = switch (control) {
            case "cell" -> List.of("lstm", "gru", "rnn").contains(value);
            case "units" -> whole(value, RecurrentSetup.MIN_UNITS, RecurrentSetup.MAX_UNITS);
            case "steps" -> whole(value, RecurrentSetup.MIN_STEPS, RecurrentSetup.MAX_STEPS);
            case "seed" -> whole(value, 0, Integer.MAX_VALUE);
            case "sample" -> whole(value, 1, RecurrentSession.SHOWN);
            case "unit" -> whole(value, 1, RecurrentSetup.MAX_UNITS);
            default -> {
                if (!control.startsWith("force:")) {
                    yield false;
                }
                String gate = control.substring(6);
                yield List.of("f", "i", "o", "z", "r").contains(gate) && List.of("0", "1", "auto").contains(value);
            }
        };
        if (ok) return Optional.empty();
        if (!SETUP.contains(control) && !control.equals("sample") && !control.equals("unit") && !control.startsWith("force:")) {
            return Optional.of("the recurrent view has no control \"" + control + "\" (controls: cell, units, steps, seed, force:G, sample, unit)");
        }
        return Optional.of("\"" + value + "\" is not a value control \"" + control + "\" of the recurrent view takes");
    }

    private static boolean whole(String v, int min, int max) {
        if (!v.matches("\\d{1,10}")) return false;
        long n = Long.parseLong(v);
        return n >= min && n <= max;
    }

    /** The set-up after a step's controls. */
    static RecurrentSetup setup(RecurrentSetup s, Map<String, String> c) {
        if (c.containsKey("cell")) s = s.withCell(CellType.byType(c.get("cell")));
        if (c.containsKey("units")) s = s.withUnits(Integer.parseInt(c.get("units")));
        if (c.containsKey("steps")) s = s.withSteps(Integer.parseInt(c.get("steps")));
        if (c.containsKey("seed")) s = s.withSeed(Long.parseLong(c.get("seed")));
        return s;
    }

    static boolean rebuilds(Map<String, String> c) {
        for (String k : c.keySet()) if (SETUP.contains(k)) return true;
        return false;
    }

    /** A force control's value as the view-model takes it: null releases the gate. */
    static Float forced(String value) { return value.equals("auto") ? null : Float.parseFloat(value); }

    static List<String> ids(RecurrentSetup s) {
        List<String> out = new ArrayList<>(ELEMENTS);
        for (String k : CellReadout.columns(s.cell())) for (int t = 1; t <= s.steps(); t++) out.add("gate:" + k + "@t" + t);
        out.addAll(List.of("output", "loss", "test-accuracy"));
        return out;
    }

    /** The engine's number behind {@code id} in frame {@code f}, for sequence {@code sample} and unit {@code unit} (0-based); NaN if none. */
    static double value(RecurrentFrame f, int sample, int unit, String id) {
        switch (id) {
            case "output": return f.trace().output()[sample][0];
            case "loss": return f.metric().trainLoss();
            case "test-accuracy": return f.metric().testAccuracy();
            default: break;
        }
        Step s = step(id);
        if (s == null) return Double.NaN;
        Unrolled u = Unrolled.of(f.layer(), sample, s.t(), unit);
        if (!u.keys().contains(s.key()) || s.t() >= u.steps()) return Double.NaN;
        return u.value(s.key(), s.t(), unit);
    }

    /** A gate id's quantity and step (0-based), or null. */
    record Step(String key, int t) {}

    static Step step(String id) {
        Matcher m = GATE.matcher(id);
        return m.matches() && Integer.parseInt(m.group(2)) >= 1 ? new Step(m.group(1), Integer.parseInt(m.group(2)) - 1) : null;
    }
}
