package backprop.engine.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.nn.Model;
import backprop.engine.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Networks as graphs: id, from, add and concat; what the reader refuses, with the path. */
class GraphSpecTest {
    static String net(String layers) {
        return "{\"format\": \"backprop-studio.network\", \"version\": 1, \"input\": {\"shape\": [2]}, \"layers\": [" + layers + "]}";
    }

    @Test
    void fromNamesEarlierLayersOrTheInputAndConcatJoinsTheirUnits() throws Exception {
        NetworkSpec s = SpecReader.parse(net("""
                {"type": "dense", "id": "a", "units": 3},
                {"type": "dense", "units": 2, "from": "input"},
                {"type": "concat", "from": ["a", "dense2", "input"]},
                {"type": "dense", "units": 1}"""), "g.json");
        Model m = ModelFactory.build(s, 1L);
        assertEquals(7, m.layers().get(2).outputSize(), "3 + 2 + 2 units side by side");
        assertArrayEquals(new int[] {1, 2, 0}, m.sources(2));
        assertArrayEquals(new int[] {0}, m.sources(1));
        String json = SpecWriter.toJson(s);
        assertTrue(json.contains("\"from\" : [ \"a\", \"dense2\", \"input\" ]"), json);
        assertEquals(json, SpecWriter.toJson(SpecReader.parse(json, "again.json")), "written graphs read back the same");
        assertEquals(1, m.predict(Tensor.matrix(new float[][] {{0.1f, 0.2f}})).dim(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            self reference | {"type": "dense", "id": "a", "units": 2, "from": "a"} | g.json: $.layers[0].from: layer 'a' cannot read its own output: that would be a cycle
            forward reference | {"type": "dense", "units": 2, "from": "b"}, {"type": "dense", "id": "b", "units": 2} | g.json: $.layers[0].from: 'b' is $.layers[1], further down: a layer reads only the input and the layers above it, so the network has no cycles
            unknown id | {"type": "dense", "id": "a", "units": 2}, {"type": "add", "from": ["a", "nope"]} | g.json: $.layers[1].from[1]: unknown layer id 'nope' (known: input, a)
            duplicate id | {"type": "dense", "id": "a", "units": 2}, {"type": "dense", "id": "a", "units": 2} | g.json: $.layers[1].id: duplicate id 'a': $.layers[0] has it too
            add of different sizes | {"type": "dense", "id": "a", "units": 3}, {"type": "add", "from": ["a", "input"]} | g.json: $.layers[1].from: add needs inputs of the same size; 'a' has 3 units but 'input' has 2
            add of one input | {"type": "dense", "units": 2}, {"type": "add"} | g.json: $.layers[1].type: a add layer combines at least 2 inputs; list their ids in "from"
            dense of two inputs | {"type": "dense", "id": "a", "units": 2}, {"type": "dense", "units": 1, "from": ["a", "input"]} | g.json: $.layers[1].from: a dense layer takes 1 input; combine several with an add or concat layer first
            input as an id | {"type": "dense", "id": "input", "units": 2} | g.json: $.layers[0].id: 'input' names the network's input; choose another id
            from of the wrong type | {"type": "dense", "units": 2, "from": 3} | g.json: $.layers[0].from: expected a layer id or a non-empty array of ids, found 3
            """)
    void refusesBadWiringWithThePath(String what, String layers, String message) {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(net(layers), "g.json"), what);
        assertEquals(message, e.getMessage());
    }

    @Test
    void aFileWithoutFromIsTheStackItAlwaysWas() throws Exception {
        NetworkSpec s = SpecReader.parse(net("{\"type\": \"dense\", \"units\": 2}, {\"type\": \"dense\", \"units\": 1}"), "s.json");
        assertTrue(ModelFactory.build(s).isStack());
        assertEquals(List.of(), s.layers().stream().filter(l -> l.from() != null || l.id() != null).toList());
    }
}
