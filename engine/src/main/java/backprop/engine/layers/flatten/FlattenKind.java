package backprop.engine.layers.flatten;

import backprop.engine.layers.Field;
import backprop.engine.layers.LayerKind;
import backprop.engine.nn.Layer;
import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.SpecFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/**
 * The flatten kind: no fields and no parameters; it reads an image (or, harmlessly, a vector) and
 * hands on a vector of the same numbers. It is where a network moves from images to units.
 */
public final class FlattenKind implements LayerKind<FlattenSpec> {
    public static final String TYPE = "flatten";

    @Override public String type() { return TYPE; }
    @Override public String displayName() { return "Flatten"; }
    @Override public Class<FlattenSpec> specClass() { return FlattenSpec.class; }
    @Override public boolean readsImages() { return true; }
    @Override public List<Field> fields() { return List.of(); }

    @Override
    public FlattenSpec read(JsonNode n, String p, Common common, int[] inputSizes, SpecFields f) {
        return new FlattenSpec(common, new int[] {inputSizes[0]});
    }

    @Override
    public FlattenSpec readShaped(JsonNode n, String p, Common common, int[][] inputShapes, SpecFields f) {
        return new FlattenSpec(common, inputShapes[0]);
    }

    @Override public int outputSize(FlattenSpec s, int[] inputSizes) { return inputSizes[0]; }

    @Override public void write(FlattenSpec s, ObjectNode o) { }

    @Override
    public Layer build(FlattenSpec s, String name, int[] inputSizes, Random seeded) {
        return new Flatten(name, s.inputShape());
    }
}
