package backprop.app.depth;

import backprop.engine.trace.LayerStatistics;
import backprop.engine.trace.StepStatistics;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Depth view draws, taken on the engine thread: one {@link Column} per configuration.
 * Only the engine's statistics and what is read straight off them.
 */
public record DepthFrame(List<Column> columns) {
    public DepthFrame {
        columns = List.copyOf(columns);
    }

    /**
     * One configuration after {@code steps} steps.
     *
     * @param ids     layer ids as in the network file, input side first
     * @param losses  R of every step so far
     * @param ratios  ‖Δw‖/‖w‖ of every step so far for each layer of {@code ratioIds}
     * @param first   the first step's statistics (null before it)
     * @param middle  the kept step nearest half-way (null before the first)
     * @param latest  the newest step's statistics (null before the first)
     * @param stopped why training stopped (a non-finite value), or null
     */
    public record Column(DepthConfig config, List<String> ids, long steps, FloatTrail.View losses, StepStatistics first, StepStatistics middle,
                         StepStatistics latest, String stopped, List<String> ratioIds, FloatTrail.View[] ratios) {
        /** The first, middle and last dense layer of a step: whose update ratios are plotted over time. */
        static int[] firstMiddleLast(StepStatistics s) {
            List<Integer> dense = new ArrayList<>();
            for (int k = 0; k < s.layers().size(); k++) if (s.layers().get(k).type().equals("dense")) dense.add(k);
            if (dense.size() < 3) return dense.stream().mapToInt(Integer::intValue).toArray();
            return new int[] {dense.get(0), dense.get(dense.size() / 2), dense.get(dense.size() - 1)};
        }

        /**
         * Indices of the weight layers (dense: their gradient norms are the bars), input side
         * first. Batch norm's γ and β have gradients too, but the decks' picture is one bar per
         * layer of weights, the same count in every column.
         */
        public List<Integer> weighted() {
            List<Integer> out = new ArrayList<>();
            if (latest == null) return out;
            for (int k = 0; k < latest.layers().size(); k++) {
                LayerStatistics l = latest.layers().get(k);
                if (l.type().equals("dense") && !Float.isNaN(l.gradNorm())) out.add(k);
            }
            return out;
        }

        /**
         * Indices of the layers whose output is a non-linearity (a dense layer's own g, or an
         * activation layer after batch norm): one histogram row per hidden layer and the output.
         */
        public List<Integer> activated() {
            List<Integer> out = new ArrayList<>();
            if (latest == null) return out;
            for (int k = 0; k < latest.layers().size(); k++) {
                LayerStatistics l = latest.layers().get(k);
                if (l.activation() != null && !l.activation().equals("identity")) out.add(k);
            }
            return out;
        }

        /**
         * First weighted layer's gradient norm over the last one's: how much smaller the
         * gradient is at the input end (NaN before the first step).
         */
        public double firstOverLast() {
            List<Integer> w = weighted();
            if (w.size() < 2) return Double.NaN;
            return latest.layers().get(w.get(0)).gradNorm() / (double) latest.layers().get(w.get(w.size() - 1)).gradNorm();
        }

        /**
         * Hidden layers whose units are mostly saturated or dead in the newest step, named for the
         * warning line (a confident output layer is meant to sit near 0 or 1, so it is not flagged).
         */
        public List<String> troubled() {
            List<String> out = new ArrayList<>();
            if (latest == null) return out;
            for (int k = 0; k < latest.layers().size() - 1; k++) {
                LayerStatistics l = latest.layers().get(k);
                if (l.saturated() > SATURATED_FLAG) out.add(ids.get(k) + " saturated " + Math.round(100 * l.saturated()) + " %");
                else if (l.dead() > DEAD_FLAG) out.add(ids.get(k) + " dead " + Math.round(100 * l.dead()) + " %");
            }
            return out;
        }
    }

    /** A layer is flagged when more than half its outputs sit where g′ is near 0, or a quarter of its ReLUs are dead. */
    static final float SATURATED_FLAG = 0.5f, DEAD_FLAG = 0.25f;

    /** The smallest and largest gradient norm over every column's newest step: the shared log scale. */
    public double[] gradientRange() {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (Column c : columns) {
            if (c.latest() == null) continue;
            for (LayerStatistics l : c.latest().layers()) {
                float g = l.gradNorm();
                if (!(g > 0) || Float.isInfinite(g)) continue;
                lo = Math.min(lo, g);
                hi = Math.max(hi, g);
            }
        }
        return hi == 0 ? new double[] {1e-6, 1} : new double[] {lo, hi};
    }
}
