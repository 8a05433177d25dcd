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
 * fractions, norms; the weights are copied, the only copy it makes) and after the update (‖Δw‖).
 * It reads the arrays in place, one pass over each, so recording costs a few percent of a step.
 * The first value that is not finite stops the step with a {@link TrainingDivergedException}
 * naming the step, the layer and the quantity.
 */
public final class StatisticsRecorder {
    private final long step;
    private final float learningRate;
    private final List<Recorder.Entry> entries;
    private List<LayerStatistics> measured;
    private List<float[][]> weightsBefore;

    public StatisticsRecorder(long step, float learningRate, Recorder recorder) {
        this.step = step;
        this.learningRate = learningRate;
        this.entries = recorder.entries();
    }

    /** After the forward pass: every layer's output z is finite, input side first. */
    public void checkForward() {
        for (Recorder.Entry e : entries) finite(e.z().value().data(), e.layer(), "output z");
    }

    /** After the backward pass, before clipping and the update. */
    public void afterBackward(int batch) {
        List<LayerStatistics> out = new ArrayList<>();
        weightsBefore = new ArrayList<>();
        for (int k = entries.size() - 1; k >= 0; k--) { // the order backprop found them in
            Recorder.Entry e = entries.get(k);
            Var deltaNode = e.a() != null ? e.a() : e.z();
            if (deltaNode.hasGrad()) finite(deltaNode.grad().data(), e.layer(), "δ");
            for (Var w : e.layer().weightParameters()) finite(w.grad().data(), e.layer(), "gradient of " + w.label());
        }
        for (Recorder.Entry e : entries) {
            Layer layer = e.layer();
            List<Var> weights = layer.weightParameters();
            float gradNorm = Float.NaN, weightNorm = Float.NaN;
            float[][] copies = null;
            if (!weights.isEmpty()) {
                double g = 0, w = 0;
                copies = new float[weights.size()][];
                for (int i = 0; i < weights.size(); i++) {
                    g += sumOfSquares(weights.get(i).grad().data());
                    float[] v = weights.get(i).value().data();
                    w += sumOfSquares(v);
                    copies[i] = v.clone();
                }
                gradNorm = (float) Math.sqrt(g);
                weightNorm = (float) Math.sqrt(w);
            }
            weightsBefore.add(copies);
            Var deltaNode = e.a() != null ? e.a() : e.z();
            // the tape holds ∂R/∂a = ∂L_n/∂a / N; the per-sample δ is N times that
            float deltaNorm = deltaNode.hasGrad() ? (float) Math.sqrt(sumOfSquares(deltaNode.grad().data()) * batch) : 0f;
            float[] z = e.z().value().data();
            int units = z.length / Math.max(1, e.z().value().dim(0));
            Activation g = layer.activation();
            out.add(new LayerStatistics(layer.name(), layer.type(), g == null ? null : g.id(), gradNorm, weightNorm, deltaNorm,
                    saturated(g, z), dead(g, z, units), Float.NaN, histogram(z)));
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
                finite(now, entries.get(k).layer(), "weight " + weights.get(i).label() + " after the update");
                for (int j = 0; j < now.length; j++) {
                    double diff = (double) now[j] - before[i][j];
                    d += diff * diff;
                }
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

    private static double sumOfSquares(float[] v) {
        double s = 0;
        for (float x : v) s += (double) x * x;
        return s;
    }

    /** g′ below a tenth of its peak; only sigmoid and tanh have bounds to saturate at. */
    static float saturated(Activation g, float[] z) {
        if (g == null || z.length == 0) return Float.NaN;
        boolean sigmoid = g.id().equals("sigmoid");
        if (!sigmoid && !g.id().equals("tanh")) return Float.NaN;
        int count = 0;
        for (float v : z) {
            float slope = sigmoid ? v * (1f - v) : 1f - v * v;
            if (slope < (sigmoid ? 0.025f : 0.1f)) count++;
        }
        return (float) count / z.length;
    }

    /** ReLU units that are 0 for every sample: no gradient reaches their weights this step. */
    static float dead(Activation g, float[] z, int units) {
        if (g == null || !g.id().equals("relu") || z.length == 0) return Float.NaN;
        int rows = z.length / units, dead = 0;
        for (int j = 0; j < units; j++) {
            boolean zero = true;
            for (int n = 0; n < rows && zero; n++) zero = z[n * units + j] == 0f;
            if (zero) dead++;
        }
        return (float) dead / units;
    }

    static int[] histogram(float[] z) {
        int[] counts = new int[Histogram.BINS];
        for (float v : z) counts[Histogram.bin(v)]++;
        return counts;
    }
}
