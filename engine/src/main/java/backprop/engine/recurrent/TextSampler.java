package backprop.engine.recurrent;

import backprop.engine.data.CharCorpus;
import backprop.engine.nn.Model;
import java.util.Map;
import java.util.Random;

/**
 * Generates text from a character-level language model: feed a prompt, then repeatedly draw
 * the next character from the network's softmax and feed it back. The temperature τ divides
 * the log-probabilities before renormalising: τ < 1 sharpens towards the likeliest character,
 * τ > 1 flattens towards uniform, τ → 0 is greedy decoding.
 */
public final class TextSampler {
    private TextSampler() {}

    /** {@code length} characters after {@code prompt} (which may be empty), drawn from {@code random}. */
    public static String sample(Model model, CharCorpus corpus, String prompt, int length, double temperature, Random random) {
        if (!(temperature > 0)) throw new IllegalArgumentException("the temperature must be above 0, not " + temperature);
        SequenceStepper stepper = new SequenceStepper(model, Map.of());
        int v = corpus.vocabularySize();
        float[] probs = null;
        int[] start = prompt.isEmpty() ? new int[] {corpus.index('\n') >= 0 ? corpus.index('\n') : 0} : corpus.encode(prompt);
        for (int id : start) probs = stepper.step(oneHot(id, v));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int next = draw(probs, temperature, random);
            out.appendCodePoint(corpus.vocabulary().get(next));
            probs = stepper.step(oneHot(next, v));
        }
        return out.toString();
    }

    /** Index drawn from p^(1/τ), renormalised; computed in log space so small p and small τ stay finite. */
    static int draw(float[] p, double temperature, Random random) {
        double[] logits = new double[p.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.length; i++) {
            logits[i] = Math.log(Math.max(p[i], 1e-30)) / temperature;
            max = Math.max(max, logits[i]);
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) sum += logits[i] = Math.exp(logits[i] - max);
        double u = random.nextDouble() * sum;
        for (int i = 0; i < p.length; i++) if ((u -= logits[i]) <= 0) return i;
        return p.length - 1;
    }

    static float[] oneHot(int id, int size) {
        float[] x = new float[size];
        x[id] = 1f;
        return x;
    }
}
