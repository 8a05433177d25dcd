package backprop.app.depth;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine side of the Depth view: two to four configurations trained in lock step from the
 * same seed on the same data, one {@link DepthColumn} each. Confined to the view-model's worker.
 */
final class DepthSession {
    static final int MIN_COLUMNS = 1, MAX_COLUMNS = 4;

    private final List<DepthColumn> columns = new ArrayList<>();
    final long seed;

    /** The 2-D data sets every column can train on (the same for all columns). */
    static final List<String> DATASETS = List.of("circle", "xor-2d", "gaussians", "spiral");

    DepthSession(List<DepthConfig> configs, long seed) {
        this(configs, seed, "circle");
    }

    DepthSession(List<DepthConfig> configs, long seed, String dataset) {
        if (configs.size() < MIN_COLUMNS || configs.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException("compare " + MIN_COLUMNS + " to " + MAX_COLUMNS + " configurations, not " + configs.size());
        }
        this.seed = seed;
        if (!DATASETS.contains(dataset)) throw new IllegalArgumentException("the Depth view trains on " + String.join(", ", DATASETS) + ", not " + dataset);
        for (DepthConfig c : configs) columns.add(new DepthColumn(c.onData(dataset), seed));
    }

    /** {@code n} more steps in every column that has not stopped. */
    DepthFrame step(int n) {
        for (DepthColumn c : columns) c.step(n);
        return frame();
    }

    DepthFrame frame() {
        List<DepthFrame.Column> out = new ArrayList<>();
        for (DepthColumn c : columns) out.add(c.frame());
        return new DepthFrame(out);
    }
}
