package backprop.engine.layers.merge;

import backprop.engine.layers.Field;
import backprop.engine.layers.LayerKind;
import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What add and concat share: no fields of their own, two or more inputs in {@code from}. */
abstract class MergeKind implements LayerKind<MergeSpec> {
    @Override public List<Field> fields() { return List.of(); }
    @Override public Class<MergeSpec> specClass() { return MergeSpec.class; }
    @Override public int minInputs() { return 2; }
    @Override public int maxInputs() { return 64; }

    @Override
    public MergeSpec read(JsonNode n, String p, Common common, int[] inputSizes, SpecFields f) throws SpecException {
        return new MergeSpec(type(), common);
    }

    @Override
    public void write(MergeSpec s, ObjectNode o) { }
}
