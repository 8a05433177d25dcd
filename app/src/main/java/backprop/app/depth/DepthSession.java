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

    DepthSession(List<DepthConfig> configs, long seed) {
        if (configs.size() < MIN_COLUMNS || configs.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException("compare " + MIN_COLUMNS + " to " + MAX_COLUMNS + " configurations, not " + configs.size());
        }
        this.seed = seed;
        for (DepthConfig c : configs) columns.add(new DepthColumn(c, seed));
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
