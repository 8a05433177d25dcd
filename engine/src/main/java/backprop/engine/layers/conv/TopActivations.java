package backprop.engine.layers.conv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which inputs excite one channel of a conv layer most: for each sample the unit of that channel
 * with the largest value, then the samples ranked by that value. A view shows the input under the
 * winning unit's receptive field ({@link ConvArithmetic.ReceptiveField#region}); the ranking is
 * done here so that every view ranks the same way.
 */
public final class TopActivations {
    private TopActivations() {}

    /**
     * The strongest unit of one channel in one sample.
     *
     * @param sample the sample's index in the data set (not in the batch)
     */
    public record Hit(int sample, int row, int col, float value) {}

    /**
     * One hit per sample of a batch of feature maps {@code maps} [n][channels][height][width]
     * (row-major), for {@code channel}. Ties keep the first unit in reading order, so the
     * answer does not depend on how the loop is written.
     *
     * @param firstSample the data-set index of the batch's first sample
     */
    public static List<Hit> strongest(float[] maps, int n, int channels, int height, int width, int channel, int firstSample) {
        if (channel < 0 || channel >= channels) throw new IllegalArgumentException("channel " + channel + " of " + channels);
        if (maps.length != (long) n * channels * height * width) {
            throw new IllegalArgumentException(maps.length + " values do not make " + n + " × " + channels + " × " + height + " × " + width);
        }
        List<Hit> out = new ArrayList<>(n);
        int plane = height * width;
        for (int s = 0; s < n; s++) {
            int base = (s * channels + channel) * plane, best = 0;
            for (int j = 1; j < plane; j++) if (maps[base + j] > maps[base + best]) best = j;
            out.add(new Hit(firstSample + s, best / width, best % width, maps[base + best]));
        }
        return out;
    }

    /** The {@code k} largest hits, largest first; equal values keep the lower sample first. */
    public static List<Hit> top(List<Hit> hits, int k) {
        if (k < 0) throw new IllegalArgumentException("k = " + k);
        return hits.stream()
                .sorted(Comparator.comparing(Hit::value, Comparator.reverseOrder()).thenComparingInt(Hit::sample))
                .limit(k).toList();
    }
}
