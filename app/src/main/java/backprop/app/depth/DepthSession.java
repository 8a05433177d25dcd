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

    /**
     * The data sets every column can train on (the same for all columns): the Playground's 2-D
     * points, and the engine's MNIST digits (the 8,000 training images, flattened).
     */
    static final List<String> DATASETS = List.of("circle", "xor-2d", "gaussians", "spiral", backprop.engine.models.DeepNetworks.DIGITS);

    DepthSession(List<DepthConfig> configs, long seed) {
        this(configs, seed, "circle");
    }

    DepthSession(List<DepthConfig> configs, long seed, String dataset) {
        if (configs.size() < MIN_COLUMNS || configs.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException("compare " + MIN_COLUMNS + " to " + MAX_COLUMNS + " configurations, not " + configs.size());
        }
        this.seed = seed;
        if (!DATASETS.contains(dataset)) throw new IllegalArgumentException("the Depth view trains on " + String.join(", ", DATASETS) + ", not " + dataset);
        // Columns on the same data share one copy of it (8,000 digits are 25 MB of floats); training only reads it.
        java.util.Map<backprop.engine.train.RunSettings.DataSettings, backprop.engine.data.Dataset> data = new java.util.HashMap<>();
        for (DepthConfig c : configs) columns.add(new DepthColumn(c.onData(dataset), seed, d -> data.computeIfAbsent(d, DepthColumn::trainingSet)));
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
