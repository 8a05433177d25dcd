package backprop.engine.train;

import backprop.engine.autodiff.Activation;
import backprop.engine.autodiff.Var;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Recorder;
import backprop.engine.trace.Histogram;
import backprop.engine.trace.LayerStatistics;
import backprop.engine.trace.StepStatistics;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures {@link LayerStatistics} from the nodes a {@link Recorder} collected, in three moments
 * of a step: after the forward pass (every output finite?), after the backward pass (histograms,
 * fractions, norms; the weights before the update are copied, or kept by reference where the
 * trainer writes the update to a copy of its own) and after the update (‖Δw‖).
 * It reads the arrays in place, one pass over each, so recording costs a few percent of a step.
 * The first value that is not finite stops the step with a {@link TrainingDivergedException}
 * naming the step, the layer and the quantity.
 */
public final class StatisticsRecorder {
    private final long step;
    private final float learningRate;
    private final List<Recorder.Entry> entries;
    private List<OutputFigures> outputs;
    private List<LayerStatistics> measured;
    private List<float[][]> weightsBefore;
    private final boolean weightsStay;

    public StatisticsRecorder(long step, float learningRate, Recorder recorder) {
        this(step, learningRate, recorder, false);
    }

    /**
     * {@code weightsStay}: the caller guarantees the weights' arrays are not written until the
     * step is over (the trainer's copy on write in a traced step), so they are kept by reference
     * instead of copied.
     */
    public StatisticsRecorder(long step, float learningRate, Recorder recorder, boolean weightsStay) {
        this.weightsStay = weightsStay;
        this.step = step;
        this.learningRate = learningRate;
        this.entries = recorder.entries();
    }

    /**
     * After the forward pass, in one pass over each layer's output z, input side first: its
     * histogram, saturated and dead fractions, and whether every value is finite.
     */
    public void checkForward() {
        outputs = new ArrayList<>();
        for (Recorder.Entry e : entries) {
            OutputFigures f = OutputFigures.of(e.layer().activation(), e.z().value());
            if (f == null) finite(e.z().value().data(), e.layer(), "output z"); // names the value
            outputs.add(f);
        }
    }

    /** After the backward pass, before clipping and the update. */
    public void afterBackward(int batch) {
        int layers = entries.size();
        double[] deltaSquares = new double[layers], gradSquares = new double[layers];
        for (int k = layers - 1; k >= 0; k--) { // the order backprop found them in
            Recorder.Entry e = entries.get(k);
            Var deltaNode = e.a() != null ? e.a() : e.z();
            if (deltaNode.hasGrad()) {
                deltaSquares[k] = Reductions.sumOfSquares(deltaNode.grad().data());
                if (!Double.isFinite(deltaSquares[k])) finite(deltaNode.grad().data(), e.layer(), "δ");
            }
            for (Var w : e.layer().weightParameters()) {
                double g = Reductions.sumOfSquares(w.grad().data());
                if (!Double.isFinite(g)) finite(w.grad().data(), e.layer(), "gradient of " + w.label());
                gradSquares[k] += g;
            }
        }
        List<LayerStatistics> out = new ArrayList<>();
        weightsBefore = new ArrayList<>();
        for (int k = 0; k < layers; k++) {
            Layer layer = entries.get(k).layer();
            List<Var> weights = layer.weightParameters();
            float gradNorm = Float.NaN, weightNorm = Float.NaN;
            float[][] kept = null;
            if (!weights.isEmpty()) {
                double w = 0;
                kept = new float[weights.size()][];
                for (int i = 0; i < weights.size(); i++) {
                    float[] v = weights.get(i).value().data();
                    if (weightsStay) {
                        kept[i] = v;
                        w += Reductions.sumOfSquares(v);
                    } else {
                        kept[i] = new float[v.length];
                        w += Reductions.copyAndSumSquares(v, kept[i]);
                    }
                }
                gradNorm = (float) Math.sqrt(gradSquares[k]);
                weightNorm = (float) Math.sqrt(w);
            }
            weightsBefore.add(kept);
            // the tape holds ∂R/∂a = ∂L_n/∂a / N; the per-sample δ is N times that
            float deltaNorm = (float) Math.sqrt(deltaSquares[k] * batch);
            Activation g = layer.activation();
            OutputFigures f = outputs.get(k);
            out.add(new LayerStatistics(layer.name(), layer.type(), g == null ? null : g.id(), gradNorm, weightNorm, deltaNorm,
                    f.saturated(), f.dead(), Float.NaN, f.histogram()));
        }
        measured = out;
    }

    /** The statistics without an update (a trace of a pass that changes nothing). */
    public StepStatistics withoutUpdate(float loss) {
        return new StepStatistics(step, loss, measured);
    }

    /** After the update: ‖w_after − w_before‖/‖w_before‖ per layer; refuses weights that overflowed. */
    public StepStatistics afterUpdate(float loss) {
        List<LayerStatistics> out = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            float[][] before = weightsBefore.get(k);
            LayerStatistics s = measured.get(k);
            if (before == null) {
                out.add(s);
                continue;
            }
            List<Var> weights = entries.get(k).layer().weightParameters();
            double d = 0;
            for (int i = 0; i < before.length; i++) {
                float[] now = weights.get(i).value().data();
                double di = Reductions.sumSquaredDifferences(now, before[i]);
                if (!Double.isFinite(di)) finite(now, entries.get(k).layer(), "weight " + weights.get(i).label() + " after the update");
                d += di;
            }
            out.add(s.withUpdateRatio((float) (Math.sqrt(d) / s.weightNorm())));
        }
        return new StepStatistics(step, loss, out);
    }

    private void finite(float[] values, Layer layer, String what) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new TrainingDivergedException("step " + step + ": layer " + layer.name() + ": " + what + " became " + v
                        + " (learning rate " + learningRate + " is probably too large for this network)");
            }
        }
    }
}
