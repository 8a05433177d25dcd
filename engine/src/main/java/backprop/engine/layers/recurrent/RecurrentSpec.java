package backprop.engine.layers.recurrent;

import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import java.util.Map;

/**
 * A recurrent layer as a network file has it: {@code {"type": "lstm", "units": H, "U": {"i":
 * [[…]], …}, "W": {…}, "b": {…}}} (GRU keys z, r, h; the RNN's U, W, b are plain arrays,
 * stored here under the key "h"). U is [in][H], W [H][H], b [H] per block; any of the three
 * may be absent and is then drawn from the seed (b: zeros, the LSTM's forget bias 1).
 *
 * @param cell   the cell type
 * @param common name, id and from
 * @param units  H
 * @param u      U by block key, or null
 * @param w      W by block key, or null
 * @param b      b by block key, or null
 */
public record RecurrentSpec(CellType cell, Common common, int units, Map<String, float[][]> u,
                            Map<String, float[][]> w, Map<String, float[]> b) implements LayerSpec {

    @Override public String type() { return cell.type(); }

    public static RecurrentSpec of(CellType cell, int units) {
        return new RecurrentSpec(cell, Common.NONE, units, null, null, null);
    }

    public RecurrentSpec withWeights(Map<String, float[][]> nu, Map<String, float[][]> nw, Map<String, float[]> nb) {
        return new RecurrentSpec(cell, common, units, nu, nw, nb);
    }
}
