package backprop.engine.layers.conv;

import backprop.engine.autodiff.Activation;
import backprop.engine.autodiff.Var;
import backprop.engine.gradcheck.GradCheck;
import backprop.engine.gradcheck.Inputs;
import backprop.engine.gradcheck.LayerChecks;
import backprop.engine.gradcheck.TapeCheck;
import backprop.engine.nn.Model;
import backprop.engine.nn.Pass;
import backprop.engine.nn.Recorder;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecReader;
import backprop.engine.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Gradient checks of the convolution: one layer over several geometries (stride, padding,
 * channels, a non-square image), w.r.t. its input, filters and biases; and a whole small CNN
 * (conv → max pool → flatten → dense softmax, cross-entropy + L2) through the trainer.
 */
final class ConvChecks {
    private ConvChecks() {}

    /** One geometry: a batch of 2 images of c×h×w through f filters of k×k. */
    private record Case(int c, int h, int w, int f, int k, int stride, int padding, Activation act) {
        String name() {
            return "conv2d " + k + "×" + k + " stride " + stride + " padding " + padding + ", " + c + "→" + f + " channels, "
                    + h + "×" + w + " (" + act + ")";
        }
    }

    private static final List<Case> CASES = List.of(
            new Case(1, 5, 5, 2, 3, 1, 0, Activation.TANH),
            new Case(2, 5, 5, 3, 3, 2, 1, Activation.IDENTITY),
            new Case(3, 4, 6, 2, 2, 2, 0, Activation.SIGMOID),
            new Case(2, 4, 4, 2, 5, 1, 2, Activation.TANH),
            new Case(3, 3, 3, 2, 1, 1, 0, Activation.RELU));

    static List<GradCheck.Result> conv(Random r) {
        List<GradCheck.Result> out = new ArrayList<>();
        for (Case c : CASES) out.add(check(c, r));
        out.add(model(r));
        return out;
    }

    /** Inputs and filters are redrawn until no a sits near 0, where relu has a kink. */
    private static GradCheck.Result check(Case c, Random r) {
        for (int draw = 0; draw < Inputs.MAX_DRAWS; draw++) {
            Conv2d conv = new Conv2d("conv2d", new int[] {c.c(), c.h(), c.w()}, Inputs.uniform(r, -1, 1, c.f(), c.c(), c.k(), c.k()),
                    Inputs.uniform(r, -0.5f, 0.5f, c.f()), c.stride(), c.padding(), c.act());
            Var x = Var.param(Inputs.uniform(r, -1, 1, 2, c.c() * c.h() * c.w()), "x");
            Recorder rec = new Recorder();
            conv.forward(x, new Pass(false, null, rec));
            if (c.act().equals(Activation.RELU) && Inputs.minAbs(rec.entries().get(0).a().value()) < Inputs.KINK_MARGIN) continue;
            return TapeCheck.check(c.name(), "layer", GradCheck.TOL_COMPOSED, List.of(x, conv.weights(), conv.bias()),
                    v -> conv.forward(v.get(0), Pass.inference()), r);
        }
        throw new IllegalStateException("no kink-free draw for " + c.name());
    }

    private static final String CNN = """
            {"format": "backprop-studio.network", "version": 1, "input": {"shape": [2, 6, 6]},
             "layers": [{"type": "conv2d", "filters": 2, "kernel": 3, "padding": 0, "activation": "tanh"},
                        {"type": "maxpool", "size": 2},
                        {"type": "flatten"},
                        {"type": "dense", "units": 3, "activation": "softmax"}],
             "loss": "cross_entropy"}""";

    /**
     * The small CNN, built from a network file so the reader's shapes are checked too. Max
     * pooling has a kink wherever two values of a window tie, so the seed is redrawn until every
     * window's winner leads by at least {@link Inputs#KINK_MARGIN}: a nudge then never changes it.
     */
    private static GradCheck.Result model(Random r) {
        for (int draw = 0; draw < Inputs.MAX_DRAWS; draw++) {
            Model m;
            try {
                m = ModelFactory.build(SpecReader.parse(CNN, "gradcheck cnn"), r.nextLong());
            } catch (SpecException e) {
                throw new IllegalStateException(e);
            }
            Tensor x = Inputs.uniform(r, -1, 1, Inputs.BATCH, 2 * 6 * 6), y = Inputs.oneHot(r, Inputs.BATCH, 3);
            Recorder rec = new Recorder();
            m.forward(x, new Pass(false, null, rec));
            if (!clearWinners(rec.entries().get(0).z().value().data(), 2 * Inputs.BATCH, 4, 4, 2)) continue;
            return LayerChecks.model("model conv-maxpool-flatten-dense cross_entropy + L2", m, x, y);
        }
        throw new IllegalStateException("no tie-free draw for the CNN model check");
    }

    /** Whether every size×size window (stride = size) of each h×w plane has a winner ahead by the margin. */
    static boolean clearWinners(float[] x, int planes, int h, int w, int size) {
        for (int p = 0; p < planes; p++)
            for (int top = 0; top + size <= h; top += size)
                for (int left = 0; left + size <= w; left += size) {
                    float best = Float.NEGATIVE_INFINITY, second = Float.NEGATIVE_INFINITY;
                    for (int i = top; i < top + size; i++)
                        for (int j = left; j < left + size; j++) {
                            float v = x[(p * h + i) * w + j];
                            if (v > best) {
                                second = best;
                                best = v;
                            } else if (v > second) {
                                second = v;
                            }
                        }
                    if (best - second < Inputs.KINK_MARGIN) return false;
                }
        return true;
    }
}
