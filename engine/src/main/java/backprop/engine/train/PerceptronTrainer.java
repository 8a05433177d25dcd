package backprop.engine.train;

import backprop.engine.data.Dataset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rosenblatt's perceptron learning rule, as its own trainer: targets t ∈ {−1, +1} (from 0/1
 * labels), features φ(x) = (1, x1, …, xn), prediction sign(w·φ(x)), and on each
 * misclassified point {@code w ← w + η·t·φ(x)}. Points are visited in dataset order, online.
 *
 * <p>On separable data it stops after finitely many updates (at most M/δ²); on XOR it never
 * does. Since the updates are integer when η = 1 and inputs are 0/1, the weights come back to
 * a state seen before: the trainer reports that cycle, which is the proof it will never converge.
 */
public final class PerceptronTrainer {
    private final float eta;
    private final float[] w;
    private final List<Update> updates = new ArrayList<>();
    private final Set<String> epochStarts = new HashSet<>();
    private int epochs;
    private boolean converged;
    private int cycleEpoch = -1;
    private int cursor;
    private int mistakesThisEpoch;

    /** One application of the rule: which sample, the weights after it. */
    public record Update(int epoch, int sample, float[] weightsAfter) {}

    /** The outcome of {@link #fit}. */
    public record Result(boolean converged, int epochs, int updates, int mistakesLastEpoch, int cycleStartEpoch) {
        public boolean cycled() { return cycleStartEpoch >= 0; }
    }

    public PerceptronTrainer(int inputs, float eta) {
        this.eta = eta;
        this.w = new float[inputs + 1];
    }

    /** w0 (bias) first, then w1..wn. */
    public float[] weights() { return w.clone(); }

    public List<Update> updates() { return updates; }

    public int predict(float[] x) {
        float s = w[0];
        for (int i = 0; i < x.length; i++) s += w[i + 1] * x[i];
        return s > 0f ? 1 : -1;
    }

    /** One pass; returns the number of mistakes (= updates) it made. */
    public int epoch(Dataset data) {
        if (cursor != 0) throw new IllegalStateException("epoch() in the middle of an epoch (after " + cursor + " visits)");
        int mistakes = 0;
        for (int n = 0; n < data.size(); n++) if (visit(data)) mistakes++;
        return mistakes;
    }

    /**
     * Visits the next sample in dataset order and applies the rule if it is misclassified; returns
     * true if the weights changed. Lets a view move the decision line one rule update at a time.
     * After the last sample the epoch ends: an epoch without mistakes means converged.
     */
    public boolean visit(Dataset data) {
        if (cursor == 0) {
            if (!epochStarts.add(java.util.Arrays.toString(w)) && cycleEpoch < 0) cycleEpoch = epochs;
            mistakesThisEpoch = 0;
        }
        int n = cursor;
        int t = data.label(n) == 1 ? 1 : -1;
        boolean update = predict(data.x()[n]) != t;
        if (update) {
            mistakesThisEpoch++;
            w[0] += eta * t;
            for (int i = 0; i < data.x()[n].length; i++) w[i + 1] += eta * t * data.x()[n][i];
            updates.add(new Update(epochs, n, w.clone()));
        }
        if (++cursor == data.size()) {
            cursor = 0;
            epochs++;
            if (mistakesThisEpoch == 0) converged = true;
        }
        return update;
    }

    /** Epochs completed so far. */
    public int epochs() { return epochs; }

    /** Index of the sample the next {@link #visit} looks at. */
    public int cursor() { return cursor; }

    /** True once a whole epoch made no mistake. */
    public boolean converged() { return converged; }

    /** The epoch at whose start the weights repeated an earlier epoch's start (−1: none yet). */
    public int cycleStartEpoch() { return cycleEpoch; }

    /** Epochs until an epoch without mistakes, or {@code maxEpochs}. */
    public Result fit(Dataset data, int maxEpochs, java.util.function.IntConsumer mistakesPerEpoch) {
        int last = -1;
        while (!converged && epochs < maxEpochs) {
            last = epoch(data);
            if (mistakesPerEpoch != null) mistakesPerEpoch.accept(last);
        }
        return new Result(converged, epochs, updates.size(), last, cycleEpoch);
    }
}
