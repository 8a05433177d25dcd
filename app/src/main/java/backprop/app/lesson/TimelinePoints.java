package backprop.app.lesson;

import backprop.app.timeline.NodeNames;
import backprop.app.timeline.Timeline;
import backprop.app.timeline.TimelineStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Stable names for the points of the Backprop view's timeline, the way a lesson writes them:
 * {@code a of h1}, {@code z of o}, {@code loss}, {@code δ of h1}, {@code ∂R/∂w of x1→h1},
 * {@code ∂R/∂b of h1}, {@code new w of x1→h1}, {@code new b of h1}. Nodes are named as the view
 * names them ({@link NodeNames}). ASCII spellings are accepted too: {@code delta}, {@code dR/dw},
 * {@code ->}.
 */
public final class TimelinePoints {
    private TimelinePoints() {}

    /** The name of timeline step {@code s}. */
    public static String name(Timeline t, TimelineStep s) {
        NodeNames n = t.names();
        String node = s.layer() < 0 ? "" : n.ofLayer(s.layer(), s.unit());
        String edge = s.from() < 0 ? "" : n.plain(s.layer(), s.from()) + "→" + node;
        return switch (s.kind()) {
            case FORWARD_A -> "a of " + node;
            case FORWARD_Z -> "z of " + node;
            case LOSS -> "loss";
            case DELTA -> "δ of " + node;
            case GRAD_W -> "∂R/∂w of " + edge;
            case GRAD_B -> "∂R/∂b of " + node;
            case UPDATE_W -> "new w of " + edge;
            case UPDATE_B -> "new b of " + node;
        };
    }

    /** Index of the step called {@code name} in {@code t}, or −1. */
    public static int find(Timeline t, String name) {
        String want = normal(name);
        for (int i = 0; i < t.size(); i++) if (normal(name(t, t.step(i))).equals(want)) return i;
        return -1;
    }

    /** Every point's name, in timeline order (for messages and the docs). */
    public static List<String> names(Timeline t) {
        List<String> out = new ArrayList<>();
        for (TimelineStep s : t.steps()) out.add(name(t, s));
        return out;
    }

    static String normal(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)
                .replace("delta", "δ").replace("dr/dw", "∂r/∂w").replace("dr/db", "∂r/∂b")
                .replace("->", "→").replace(" → ", "→");
    }
}
