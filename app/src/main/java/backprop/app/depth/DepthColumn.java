package backprop.app.depth;

import backprop.engine.data.Dataset;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.Wiring;
import backprop.engine.trace.StepStatistics;
import backprop.engine.train.FlowRun;
import backprop.engine.train.RunSettings;
import backprop.engine.train.TrainingDivergedException;
import java.util.ArrayList;
import java.util.List;

/**
 * One configuration training on the engine thread: a {@link FlowRun} of the preset's network
 * with the per-layer statistics of every step, as {@code flow --model} prints them. Keeps the
 * first step's figures, the newest, and a thinned history (every step up to {@link #KEEP}, then
 * every second, fourth, …) from which the middle of the run is read. Stops for good at the first
 * non-finite value, keeping what came before.
 */
final class DepthColumn {
    /** Statistics kept before the history is thinned to every other one. */
    static final int KEEP = 2_000;

    final DepthConfig config;
    final List<String> ids = new ArrayList<>();
    private final List<String> idList;
    private final FlowRun flow;
    private final List<StepStatistics> kept = new ArrayList<>();
    private final FloatTrail losses = new FloatTrail();
    /** ‖Δw‖/‖w‖ of the first, middle and last weight layer, every step (one trail each). */
    private FloatTrail[] ratios;
    private int[] traced;
    private int stride = 1;
    private long steps;
    private StepStatistics first, latest;
    private String stopped;

    /** {@code config} from {@code seed}, its training samples taken from {@code data} (which may hand the same set to several columns). */
    DepthColumn(DepthConfig config, long seed, java.util.function.Function<RunSettings.DataSettings, Dataset> data) {
        this.config = config;
        NetworkSpec spec = config.spec();
        for (int k = 0; k < spec.layers().size(); k++) ids.add(Wiring.id(spec.layers().get(k), k));
        RunSettings run = RunSettings.resolve(spec, seed, null, null);
        Model model = ModelFactory.build(spec, run.seed());
        flow = new FlowRun(model, run.training(), data.apply(run.data()));
        idList = List.copyOf(ids);
    }

    /** The training samples, split off as {@code flow} and {@code train} split them. */
    static Dataset trainingSet(RunSettings.DataSettings d) {
        Dataset all = d.generate();
        return d.testRatio() == 0 ? all : all.split(d.testRatio(), d.seed()).train();
    }

    /** Up to {@code n} more steps; nothing once stopped. */
    void step(int n) {
        for (int i = 0; i < n && stopped == null; i++) {
            StepStatistics s;
            try {
                s = flow.step();
            } catch (TrainingDivergedException e) {
                stopped = e.getMessage();
                return;
            }
            steps++;
            if (first == null) first = s;
            latest = s;
            losses.add(s.loss());
            if (traced == null) {
                traced = DepthFrame.Column.firstMiddleLast(s);
                ratios = new FloatTrail[traced.length];
                for (int j = 0; j < traced.length; j++) ratios[j] = new FloatTrail();
            }
            for (int j = 0; j < traced.length; j++) ratios[j].add(s.layers().get(traced[j]).updateRatio());
            if (steps % stride == 0) kept.add(s);
            if (kept.size() > KEEP) thin();
        }
    }

    private void thin() {
        List<StepStatistics> half = new ArrayList<>(kept.size() / 2 + 1);
        for (int i = 1; i < kept.size(); i += 2) half.add(kept.get(i));
        kept.clear();
        kept.addAll(half);
        stride *= 2;
    }

    /**
     * An immutable picture of this column now, in time independent of the steps trained: the
     * histories are handed over as views of their append-only trails, not copied.
     */
    DepthFrame.Column frame() {
        StepStatistics middle = null;
        if (!kept.isEmpty()) {
            long want = latest.step() / 2;
            // kept is in step order: the nearest is found by bisection, not by a walk through all of it.
            int lo = 0, hi = kept.size() - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (kept.get(mid).step() < want) lo = mid + 1;
                else hi = mid;
            }
            middle = kept.get(lo);
            if (lo > 0 && Math.abs(kept.get(lo - 1).step() - want) <= Math.abs(middle.step() - want)) middle = kept.get(lo - 1);
        }
        int lines = traced == null ? 0 : traced.length;
        FloatTrail.View[] ratio = new FloatTrail.View[lines];
        List<String> ratioIds = new ArrayList<>();
        for (int j = 0; j < lines; j++) {
            ratio[j] = ratios[j].view();
            ratioIds.add(ids.get(traced[j]));
        }
        return new DepthFrame.Column(config, idList, steps, losses.view(), first, middle, latest, stopped, List.copyOf(ratioIds), ratio);
    }
}
