package backprop.app.editor;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.editor.document.EditorDocument;
import backprop.app.editor.model.SummaryTable;
import backprop.engine.gradcheck.GradCheck;
import backprop.engine.layers.Field;
import backprop.engine.layers.LayerKind;
import backprop.engine.layers.LayerKinds;
import backprop.engine.layers.dropout.DropoutKind;
import backprop.engine.layers.dropout.DropoutSpec;
import backprop.engine.models.BuiltinModels;
import backprop.engine.nn.Layer;
import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.javafx.IkonResolver;

/** The palette lists what the engine registers, a kind registered later included; its icons exist. */
class PaletteTest {
    private static List<String> listed() {
        List<String> types = new ArrayList<>();
        for (PaletteGroups.Group g : PaletteGroups.all()) for (PaletteGroups.Item i : g.items()) types.add(i.type());
        return types;
    }

    @Test
    void everyRegisteredKindIsInThePaletteBetweenInputAndOutput() {
        List<String> types = listed();
        assertEquals("input", types.get(0));
        assertEquals("output", types.get(types.size() - 1));
        assertTrue(types.containsAll(LayerKinds.types()), types.toString());
        assertEquals(LayerKinds.types().size() + 2, types.size());
    }

    @Test
    void aKindRegisteredAfterwardsAppearsWithoutAChangeToTheEditor() {
        LayerKinds.register(new Renamed());
        try {
            assertTrue(listed().contains("scale-test"));
            assertEquals("Other", PaletteGroups.group(LayerKinds.byType("scale-test")));
        } finally {
            LayerKinds.unregister("scale-test");
        }
    }

    @Test
    void everyIconResolves() {
        for (String literal : EditorIcons.ALL) assertDoesNotThrow(() -> IkonResolver.getInstance().resolve(literal), literal);
    }

    @Test
    void theSummaryTableListsEachLayerWithItsShapeAndParameters() throws Exception {
        EditorDocument d = new EditorDocument();
        d.load(BuiltinModels.spec("lenet"));
        String table = SummaryTable.of(d.graph(), d.analysis());
        assertTrue(table.contains("conv1") && table.contains("[6, 28, 28]") && table.contains("156"), table);
        assertTrue(table.contains("total: 61,706 parameters"), table);
        // Multiply-adds by hand: conv1 6·28·28·(5·5·1) = 117,600; conv2 16·10·10·(5·5·6) = 240,000;
        // fc1 400·120 = 48,000; fc2 120·84 = 10,080; output 84·10 = 840; pooling and flatten 0.
        assertTrue(table.contains("117,600") && table.contains("240,000"), table);
        assertTrue(table.contains("416,520 multiply-adds per sample"), table);
        assertEquals(416_520L, d.analysis().totalMultiplyAdds());
    }

    /** Dropout under another type name: a stand-in for a kind another build adds. */
    private static final class Renamed implements LayerKind<DropoutSpec> {
        private final DropoutKind d = new DropoutKind();
        @Override public String type() { return "scale-test"; }
        @Override public String displayName() { return "Scale (test)"; }
        @Override public List<Field> fields() { return d.fields(); }
        @Override public Class<DropoutSpec> specClass() { return DropoutSpec.class; }
        @Override public DropoutSpec read(JsonNode n, String p, Common c, int[] in, SpecFields f) throws SpecException { return d.read(n, p, c, in, f); }
        @Override public int outputSize(DropoutSpec s, int[] in) { return d.outputSize(s, in); }
        @Override public void write(DropoutSpec s, ObjectNode o) { d.write(s, o); }
        @Override public Layer build(DropoutSpec s, String name, int[] in, Random r) { return d.build(s, name, in, r); }
        @Override public List<GradCheck.Result> gradChecks(Random r) { return List.of(); }
    }
}
