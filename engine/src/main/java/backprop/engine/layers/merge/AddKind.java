package backprop.engine.layers.merge;

import backprop.engine.nn.Layer;
import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;

/** The add kind: element-wise sum of inputs of the same size (residual connections). */
public final class AddKind extends MergeKind {
    public static final String TYPE = "add";

    @Override public String type() { return TYPE; }
    @Override public String displayName() { return "Add (residual join)"; }

    @Override
    public MergeSpec read(JsonNode n, String p, Common common, int[] inputSizes, SpecFields f) throws SpecException {
        for (int i = 1; i < inputSizes.length; i++) {
            if (inputSizes[i] != inputSizes[0]) {
                throw f.fail(p + ".from", "add needs inputs of the same size; '" + common.from().get(0) + "' has " + inputSizes[0]
                        + " units but '" + common.from().get(i) + "' has " + inputSizes[i]);
            }
        }
        return super.read(n, p, common, inputSizes, f);
    }

    @Override public int outputSize(MergeSpec s, int[] inputSizes) { return inputSizes[0]; }

    @Override
    public Layer build(MergeSpec s, String name, int[] inputSizes, Random seeded) { return new Add(name, inputSizes); }
}
