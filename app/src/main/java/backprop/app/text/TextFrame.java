package backprop.app.text;

import backprop.app.draw.Metric;
import java.util.List;
import java.util.Map;

/**
 * One moment of the character-level LSTM, as the engine computed it, handed to the FX thread:
 * how many updates it has had, its loss history, its gates over the chosen passage and a text
 * it sampled. Immutable once built (the arrays are never written again).
 *
 * @param step        updates made so far
 * @param history     loss per character after each update (train) and on held-out windows (test), oldest first
 * @param gates       the LSTM's gates and states over the passage
 * @param prompt      what the sample was started with
 * @param sample      the characters the model drew after the prompt
 * @param temperature the temperature the sample was drawn at
 * @param sampleSeed  the seed of the sample's random draws
 * @param vocabulary  how many distinct characters the corpus has (a uniform guess costs ln of this)
 */
public record TextFrame(long step, List<Metric> history, GateMaps gates, String prompt, String sample, double temperature, long sampleSeed,
                        int vocabulary) {

    /** The newest training loss in nats per character, NaN before the first update. */
    public float lastLoss() {
        for (int i = history.size() - 1; i >= 0; i--) if (!Float.isNaN(history.get(i).trainLoss())) return history.get(i).trainLoss();
        return Float.NaN;
    }

    /** The newest held-out loss in nats per character. */
    public float lastHeldOut() {
        for (int i = history.size() - 1; i >= 0; i--) if (!Float.isNaN(history.get(i).testLoss())) return history.get(i).testLoss();
        return Float.NaN;
    }

    /**
     * What the LSTM computed at every character of a passage, read from its forward pass
     * ({@code SequenceRun.quantity}): for each key ("i", "f", "o", "c_tilde", "c", "h") an array
     * [T][H], row t the units' values after reading character t.
     */
    public record GateMaps(String passage, List<String> characters, int units, Map<String, float[]> values) {
        public int length() { return characters.size(); }

        public float value(String key, int unit, int t) { return values.get(key)[t * units + unit]; }

        /** The largest |value| of a key over the passage (the colour range of the signed states). */
        public float maxAbs(String key) {
            float m = 0;
            for (float v : values.get(key)) m = Math.max(m, Math.abs(v));
            return m;
        }
    }
}
