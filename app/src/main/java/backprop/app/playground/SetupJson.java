package backprop.app.playground;

import backprop.app.session.SessionException;
import backprop.app.session.StateReader;
import backprop.engine.data.Feature;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecReader;
import backprop.engine.spec.SpecWriter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** A {@link PlaygroundSetup} as JSON for session files, every field by name; a hand-built network in the network format. */
final class SetupJson {
    private SetupJson() {}

    static ObjectNode write(PlaygroundSetup s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("kind", s.kind().name()).put("dataset", s.dataset()).put("samples", s.samples()).put("noise", s.noise())
                .put("testRatio", s.testRatio()).put("dataSeed", s.dataSeed());
        ArrayNode f = o.putArray("features");
        for (Feature x : s.features()) f.add(x.name());
        ArrayNode h = o.putArray("hidden");
        for (PlaygroundSetup.Hidden x : s.hidden()) {
            ObjectNode l = h.addObject().put("units", x.units());
            if (x.activation() != null) l.put("activation", x.activation());
            if (x.merge() != null) l.put("merge", x.merge());
            if (x.from() != null) {
                ArrayNode from = l.putArray("from");
                for (int i : x.from()) from.add(i);
            }
        }
        o.put("output", s.output()).put("loss", s.loss()).put("optimizer", s.optimizer()).put("learningRate", s.learningRate())
                .put("batchSize", s.batchSize()).put("l2", s.l2()).put("initializer", s.initializer()).put("seed", s.seed());
        if (s.formula() != null) o.put("formula", s.formula());
        if (s.imported() != null) {
            // The file is read again on opening: the session names it rather than copying the table.
            var spec = s.imported().spec();
            ObjectNode i = o.putObject("imported").put("standardize", spec.standardize() != null);
            if (spec.file() != null) i.put("file", spec.file());
            else if (spec.table() != null) i.set("table", new ObjectMapper().valueToTree(spec.table()));
            else i.put("name", spec.name());
            if (s.imported().spec().label() != null) i.put("label", s.imported().spec().label());
        }
        if (s.handBuilt() != null) {
            try {
                o.set("handBuilt", new ObjectMapper().readTree(SpecWriter.toJson(s.handBuilt())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the writer's own JSON did not read back: " + e.getMessage(), e);
            }
        }
        return o;
    }

    static PlaygroundSetup read(JsonNode o, StateReader r, String at) throws SessionException {
        if (o == null || !o.isObject()) throw r.fail(at, "expected the Playground's settings, as an object");
        try {
            List<Feature> features = new ArrayList<>();
            for (JsonNode f : array(o, "features", r, at)) features.add(Feature.valueOf(f.asText()));
            List<PlaygroundSetup.Hidden> hidden = new ArrayList<>();
            for (JsonNode l : array(o, "hidden", r, at)) {
                List<Integer> from = null;
                if (l.has("from")) {
                    from = new ArrayList<>();
                    for (JsonNode i : l.get("from")) from.add(i.asInt());
                }
                hidden.add(new PlaygroundSetup.Hidden(l.path("units").asInt(), l.has("activation") ? l.get("activation").asText() : null,
                        l.has("merge") ? l.get("merge").asText() : null, from));
            }
            var handBuilt = o.has("handBuilt") ? SpecReader.parse(o.get("handBuilt").toString(), r.file()) : null;
            PlaygroundSetup s = new PlaygroundSetup(PlaygroundSetup.Kind.valueOf(o.path("kind").asText()), r.text(o, "dataset"),
                    (int) r.whole(o, "samples", 0, backprop.engine.spec.Limits.EPOCHS), r.number(o, "noise", 0, 1), r.number(o, "testRatio", 0, 1),
                    r.whole(o, "dataSeed", Long.MIN_VALUE, Long.MAX_VALUE), features, hidden, opt(o, "output"), opt(o, "loss"),
                    opt(o, "optimizer"), r.number(o, "learningRate", 0, Double.MAX_VALUE), (int) r.whole(o, "batchSize", 0, Integer.MAX_VALUE),
                    r.number(o, "l2", 0, Double.MAX_VALUE), opt(o, "initializer"), r.whole(o, "seed", Long.MIN_VALUE, Long.MAX_VALUE), handBuilt,
                    opt(o, "formula"), null);
            // The output and loss as saved: the imported table's kind matches them already.
            if (o.has("imported")) s = s.withImported(imported(o.get("imported"), r, at + ".imported")).withOutput(s.output()).withLoss(s.loss());
            PlaygroundSession.check(s);
            return s;
        } catch (SessionException e) {
            throw r.fail(at, e.problem() + " (" + e.place() + ")");
        } catch (SpecException e) {
            throw r.fail(at + ".handBuilt", e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw r.fail(at, e.getMessage() == null ? "settings that do not fit together" : e.getMessage());
        }
    }

    /** The imported table a session names, read from its file again. */
    private static PlaygroundSetup.Imported imported(JsonNode i, StateReader r, String at) throws SessionException {
        // A file read again, a shipped table by name, or a table the session carries itself.
        String file = opt(i, "file"), name = file == null && i.has("name") ? r.text(i, "name") : null;
        backprop.engine.spec.NetworkSpec.EmbeddedTable table = null;
        if (file == null && name == null) {
            try {
                table = new ObjectMapper().treeToValue(i.get("table"), backprop.engine.spec.NetworkSpec.EmbeddedTable.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw r.fail(at, "expected a file, a table name or a table");
            }
        }
        var spec = new backprop.engine.spec.NetworkSpec.DatasetSpec(name, null, null, null, null, null, null, null, file, table,
                opt(i, "label"), null, i.path("standardize").asBoolean() ? backprop.engine.spec.NetworkSpec.Standardize.ALL : null, null);
        try {
            return new PlaygroundSetup.Imported(spec, backprop.engine.data.table.TableSource.load(spec, null, file != null ? file : r.file(), 0, 1));
        } catch (backprop.engine.data.table.TableException | SpecException e) {
            throw r.fail(at, e.getMessage());
        }
    }

    /** A text field that may be absent or null (the perceptron has no loss or optimiser). */
    private static String opt(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static JsonNode array(JsonNode o, String field, StateReader r, String at) throws SessionException {
        JsonNode a = o.get(field);
        if (a == null || !a.isArray()) throw r.fail(at + "." + field, "expected a list");
        return a;
    }
}
