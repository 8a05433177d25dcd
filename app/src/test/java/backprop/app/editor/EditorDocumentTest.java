package backprop.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.editor.document.EditorDocument;
import backprop.app.editor.model.EditorNode;
import backprop.app.editor.model.NodeRole;
import backprop.app.editor.model.Templates;
import backprop.engine.models.BuiltinModels;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's document without a screen: edits, undo, files, templates and the engine's shape checks. */
class EditorDocumentTest {
    @TempDir Path dir;

    private static int key(EditorDocument d, String label) {
        return d.graph().nodes().stream().filter(n -> d.graph().label(n).equals(label)).findFirst().orElseThrow().key();
    }

    /** input → dense_1 (2 sigmoid) → dense_2 (1 sigmoid) → output, in 7 edits. */
    static EditorDocument xor221() {
        EditorDocument d = new EditorDocument();
        d.add("input", 0, 0);
        d.add("dense", 200, 0);
        d.add("dense", 400, 0);
        d.add("output", 600, 0);
        int in = key(d, "input"), h = key(d, "dense_1"), o = key(d, "dense_2"), out = key(d, "output");
        assertEquals(Optional.empty(), d.connect(in, h));
        assertEquals(Optional.empty(), d.connect(h, o));
        assertEquals(Optional.empty(), d.connect(o, out));
        return d;
    }

    @Test
    void shapesAndParameterCountsComeFromTheEngineAsTheGraphIsBuilt() throws Exception {
        EditorDocument d = xor221();
        int h = key(d, "dense_1"), o = key(d, "dense_2");
        assertEquals(Optional.empty(), d.setProperty(h, "units", "2"));
        assertEquals(Optional.empty(), d.setProperty(o, "units", "1"));
        assertTrue(d.analysis().ok(), d.analysis().errors().toString());
        assertEquals("[2]", d.analysis().shapeText(h));
        assertEquals(6L, d.analysis().parameters().get(h));
        assertEquals(3L, d.analysis().parameters().get(o));
        assertEquals(9L, d.analysis().totalParameters());
        assertEquals(36L, d.analysis().weightBytes());
        assertEquals(2, d.spec().layers().size());
    }

    @Test
    void aConnectionThatWouldMakeACycleIsRefusedWithAMessage() {
        EditorDocument d = xor221();
        int h = key(d, "dense_1"), o = key(d, "dense_2");
        d.add("add", 0, 200);
        int add = key(d, "add_1");
        assertEquals(Optional.empty(), d.connect(o, add));
        String why = d.connect(add, h).orElseThrow();
        assertFalse(why.contains("cycle"), why); // dense_1 already reads the input: full
        d.disconnect(new backprop.app.editor.model.Edge(key(d, "input"), h));
        why = d.connect(add, h).orElseThrow();
        assertTrue(why.contains("would make a cycle: dense_1 → dense_2 → add_1"), why);
        assertFalse(d.graph().edges().contains(new backprop.app.editor.model.Edge(add, h)));
    }

    @Test
    void shapeErrorsAppearOnTheNodeTheyBelongToWithTheArithmetic() {
        // A seeded list of broken networks: each problem must land on the node that causes it.
        EditorDocument d = new EditorDocument();
        d.add("input", 0, 0);
        int in = key(d, "input");
        assertEquals(Optional.empty(), d.setProperty(in, "shape", "1, 28, 28"));
        d.add("conv2d", 200, 0);
        int conv = key(d, "conv2d_1");
        d.connect(in, conv);
        d.setProperty(conv, "kernel", "5");
        // The kernel fits at stride 1; stride 2 is refused at the field with the reader's formula.
        String refused = d.setProperty(conv, "stride", "2").orElseThrow();
        assertTrue(refused.contains("(28 + 2·0 − 5) / 2 + 1 = 12.5"), refused);
        assertNull(d.graph().node(conv).fields().get("stride"));
        // A dense layer straight after it: the error is on the dense node, not the convolution.
        d.add("dense", 400, 0);
        int dense = key(d, "dense_1");
        d.connect(conv, dense);
        assertTrue(d.analysis().errors().get(dense).contains("add a flatten layer first"), d.analysis().errors().toString());
        assertNull(d.analysis().errors().get(conv));
        assertEquals("[4, 24, 24]", d.analysis().shapeText(conv));
        // A merge of [8] and [4] under add, beside it: the add node says so; dense_1 keeps its own.
        d.add("dense", 0, 200);
        d.add("dense", 0, 300);
        int a = key(d, "dense_2"), b = key(d, "dense_3");
        d.connect(in, a);
        d.connect(in, b);
        d.add("add", 200, 200);
        int add = key(d, "add_1");
        d.connect(a, add);
        d.connect(b, add);
        assertTrue(d.analysis().errors().containsKey(dense));
        d.disconnect(new backprop.app.editor.model.Edge(conv, dense));
        d.add("flatten", 300, 300);
        int flat = key(d, "flatten_1");
        d.connect(in, flat);
        d.disconnect(new backprop.app.editor.model.Edge(in, a));
        d.disconnect(new backprop.app.editor.model.Edge(in, b));
        d.connect(flat, a);
        d.connect(flat, b);
        d.setProperty(a, "units", "8");
        d.setProperty(b, "units", "4");
        String addError = d.analysis().errors().get(add);
        assertTrue(addError != null && addError.contains("8") && addError.contains("4"), String.valueOf(addError));
        assertNull(d.analysis().errors().get(a));
        // 0 units is refused at the field with the reason; the node keeps its value.
        String zero = d.setProperty(a, "units", "0").orElseThrow();
        assertTrue(zero.contains("units"), zero);
        assertEquals(8, d.graph().node(a).fields().get("units").asInt());
    }

    @Test
    void twentyEditsUndoToTheEmptyCanvasAndRedoToTheSameFile() throws Exception {
        EditorDocument d = xor221();                                   // 7 edits
        int h = key(d, "dense_1"), o = key(d, "dense_2");
        d.setProperty(h, "units", "2");                                // 8
        d.history().seal();
        d.setProperty(o, "units", "1");                                // 9
        d.history().seal();
        d.setProperty(h, "activation", "tanh");                        // 10
        d.history().seal();
        for (int i = 0; i < 8; i++) {                                  // 18: moves, each its own edit
            d.history().seal();
            d.move(d.positions(Set.of(o)), java.util.Map.of(o, new double[] {400 + 20 * (i + 1), 40}), null);
        }
        d.setNetworkField("name", "xor-221");                          // 19
        d.history().seal();
        d.setNetworkField("seed", "7");                                // 20
        String before = d.text();
        int undos = 0;
        while (d.history().canUndo()) {
            d.history().undo();
            undos++;
        }
        assertEquals(20, undos);
        assertTrue(d.graph().isEmpty());
        while (d.history().canRedo()) d.history().redo();
        assertEquals(before, d.text());
    }

    @Test
    void aPropertyTypedInSeveralKeystrokesUndoesAsOneEditNamedInTheMenu() {
        EditorDocument d = xor221();
        int h = key(d, "dense_1");
        d.history().seal();
        d.setProperty(h, "units", "1");
        d.setProperty(h, "units", "12");
        d.setProperty(h, "units", "128");
        assertEquals("Undo set units of dense_1", d.history().undoText());
        d.history().undo();
        assertEquals(4, d.graph().node(h).fields().get("units").asInt());
        assertEquals("Undo connect dense_2 → output", d.history().undoText());
        d.history().redo();
        d.history().seal();
        d.move(d.positions(Set.of(h)), java.util.Map.of(h, new double[] {300, 100}), null);
        assertEquals("Undo move dense_1", d.history().undoText());
    }

    @Test
    void everyTemplateAndBuiltInModelOpensAndSavesBackByteIdentical() throws Exception {
        for (Templates.Template t : Templates.ALL) roundTrip(t.id(), SpecWriter.toJson(t.spec()));
        for (BuiltinModels.Builtin b : BuiltinModels.list()) {
            if (b.kind() == BuiltinModels.Kind.NETWORK) roundTrip(b.name(), SpecWriter.toJson(BuiltinModels.spec(b.name())));
        }
    }

    private void roundTrip(String name, String canonical) throws Exception {
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, canonical);
        EditorDocument d = new EditorDocument();
        d.open(file);
        assertFalse(d.dirty());
        Path again = dir.resolve(name + "-saved.json");
        d.save(again);
        assertEquals(canonical, Files.readString(again, StandardCharsets.UTF_8), name);
    }

    @Test
    void aMalformedFileIsOneMessageAndTheCanvasStaysAsItWas() throws Exception {
        EditorDocument d = xor221();
        String before = d.recoveryText();
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"backprop-studio.network\", \"version\": 1, \"input\": {\"shape\": [2]},"
                + " \"layers\": [{\"type\": \"dense\", \"units\": \"two\"}]}");
        SpecException e = assertThrows(SpecException.class, () -> d.open(bad));
        assertTrue(e.getMessage().startsWith(bad + ": $.layers[0].units: "), e.getMessage());
        assertEquals(before, d.recoveryText());
    }

    @Test
    void theRecoveryFileRestoresUnsavedWorkEvenWhenItIsNotAValidNetworkYet() {
        EditorDocument d = xor221();
        d.add("conv2d", 100, 300); // unconnected: not a valid file
        String recovery = d.recoveryText();
        EditorDocument fresh = new EditorDocument();
        fresh.restore(recovery);
        assertEquals(d.recoveryText(), fresh.recoveryText());
        assertTrue(fresh.dirty());
        EditorNode conv = fresh.graph().nodes().stream().filter(n -> n.type().equals("conv2d")).findFirst().orElseThrow();
        assertTrue(fresh.analysis().errors().get(conv.key()).startsWith("not connected"));
        assertEquals(NodeRole.INPUT, fresh.graph().nodes().get(0).role());
    }

    @Test
    void theTitleCarriesADirtyMarkerUntilSaved() throws Exception {
        EditorDocument d = xor221();
        assertEquals("• untitled", d.title());
        d.save(dir.resolve("x.json"));
        assertEquals("x.json", d.title());
        d.history().undo();
        assertEquals("• x.json", d.title());
    }

    @Test
    void duplicateAndPasteAddCopiesUnderFreshNamesWithTheEdgesAmongThem() throws Exception {
        EditorDocument d = xor221();
        int h = key(d, "dense_1"), o = key(d, "dense_2");
        d.setProperty(h, "units", "2");
        int before = d.graph().nodes().size();
        d.duplicate(Set.of(h, o));
        assertEquals(before + 2, d.graph().nodes().size());
        assertEquals("Undo paste 2 nodes", d.history().undoText());
        int h2 = key(d, "dense_3"), o2 = key(d, "dense_4");
        assertEquals(2, d.graph().node(h2).fields().get("units").asInt());
        assertTrue(d.graph().edges().contains(new backprop.app.editor.model.Edge(h2, o2)), "the edge between the copies comes along");
        assertEquals(List.of(), d.graph().sources(h2), "edges to nodes outside the copy stay behind");
        // The input and output are not copied a second time.
        assertEquals(List.of(), d.paste(d.copy(Set.of(key(d, "input"))), 40));
        d.history().undo();
        assertEquals(before, d.graph().nodes().size());
    }

    @Test
    void autoLayoutPutsEachDepthInAColumnAndWrapsADeepNetworkIntoBands() throws Exception {
        EditorDocument d = new EditorDocument();
        d.setLayoutColumns(4);
        d.load(BuiltinModels.spec("lenet")); // input, 8 layers, output: depths 0 to 9
        java.util.Map<Double, Integer> perColumn = new java.util.HashMap<>();
        for (EditorNode n : d.graph().nodes()) perColumn.merge(n.x(), 1, Integer::sum);
        assertEquals(4, perColumn.size(), "four columns: " + perColumn);
        double[] ys = d.graph().nodes().stream().mapToDouble(EditorNode::y).distinct().toArray();
        assertEquals(3, ys.length, "ten steps in bands of four: three bands");
    }
}
