package backprop.app.lesson;

import backprop.app.cnn.CnnProbe;
import backprop.app.depth.DepthProbe;
import backprop.app.graph.GraphProbe;
import backprop.app.recurrent.RecurrentProbe;
import backprop.app.text.TextProbe;
import backprop.app.vanishing.VanishingProbe;
import backprop.app.view.LessonProbe;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The views a lesson drives through their stable ids and probes ({@link LessonProbe}): view id →
 * a fresh probe. The Backprop view's network mode and the Playground are driven as before
 * ({@link TimelinePoints}, {@link ViewIds}); {@code graph} is the Backprop view in its
 * computational-graph mode.
 */
public final class LessonProbes {
    public static final String GRAPH = "graph";
    public static final String RECURRENT = "recurrent";
    public static final String VANISHING = "gradients";
    public static final String TEXT = "text";
    public static final String CNN = "cnn";
    public static final String DEPTH = "depth";

    private static final Map<String, Supplier<LessonProbe>> PROBES = new LinkedHashMap<>();

    static {
        PROBES.put(GRAPH, GraphProbe::new);
        PROBES.put(RECURRENT, RecurrentProbe::new);
        PROBES.put(VANISHING, VanishingProbe::new);
        PROBES.put(TEXT, TextProbe::new);
        PROBES.put(CNN, CnnProbe::new);
        PROBES.put(DEPTH, DepthProbe::new);
    }

    private LessonProbes() {}

    public static boolean has(String view) { return PROBES.containsKey(view); }

    /** A fresh probe of {@code view}, or null when the view is not driven by a probe. */
    public static LessonProbe create(String view) {
        Supplier<LessonProbe> f = PROBES.get(view);
        return f == null ? null : f.get();
    }

    public static java.util.Set<String> views() { return PROBES.keySet(); }
}
