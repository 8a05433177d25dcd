package backprop.engine.spec;

import backprop.engine.io.AtomicFiles;
import backprop.engine.layers.LayerKinds;
import backprop.engine.nn.Model;
import backprop.engine.spec.NetworkSpec.InitSpec;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes network files, and saves them atomically so a crash never leaves half a file. */
public final class SpecWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SpecWriter() {}

    public static String toJson(NetworkSpec s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", NetworkSpec.FORMAT);
        root.put("version", NetworkSpec.VERSION);
        if (s.name() != null) root.put("name", s.name());
        if (s.description() != null) root.put("description", s.description());
        ArrayNode shape = root.putObject("input").putArray("shape");
        for (int d : s.inputShape()) shape.add(d);
        ArrayNode layers = root.putArray("layers");
        for (LayerSpec l : s.layers()) layers.add(layer(l));
        root.put("loss", s.loss());
        if (s.seed() != null) root.put("seed", s.seed());
        if (s.training() != null) root.set("training", JSON.valueToTree(s.training()));
        if (s.dataset() != null) root.set("dataset", dataset(s.dataset()));
        stripNulls(root);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The dataset as the reader takes it: cells that read as numbers written as numbers, standardize as true or names, scaling keyed by column. */
    private static ObjectNode dataset(NetworkSpec.DatasetSpec d) {
        ObjectNode o = JSON.valueToTree(d);
        o.remove(List.of("table", "standardize", "scaling"));
        if (d.table() != null) {
            ObjectNode t = o.putObject("table");
            ArrayNode cols = t.putArray("columns");
            d.table().columns().forEach(cols::add);
            ArrayNode rows = t.putArray("rows");
            for (List<String> row : d.table().rows()) {
                ArrayNode r = rows.addArray();
                for (String cell : row) {
                    if (PLAIN_NUMBER.matcher(cell).matches()) r.add(new java.math.BigDecimal(cell));
                    else r.add(cell);
                }
            }
        }
        if (d.standardize() != null) {
            if (d.standardize().all()) o.put("standardize", true);
            else d.standardize().columns().forEach(o.putArray("standardize")::add);
        }
        if (d.scaling() != null) {
            ObjectNode sc = o.putObject("scaling");
            for (NetworkSpec.Scale x : d.scaling()) sc.putObject(x.feature()).put("mean", x.mean()).put("std", x.std());
        }
        return o;
    }

    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("-?(0|[1-9]\\d{0,30})(\\.\\d{1,30})?([eE][+-]?\\d{1,3})?");

    private static void stripNulls(ObjectNode n) {
        List<String> drop = new ArrayList<>();
        n.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) drop.add(e.getKey());
            else if (e.getValue().isObject()) stripNulls((ObjectNode) e.getValue());
        });
        n.remove(drop);
    }

    /** The common part (type, name, id, from), then the kind's own fields. */
    private static ObjectNode layer(LayerSpec l) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", l.type());
        if (l.name() != null) o.put("name", l.name());
        if (l.id() != null) o.put("id", l.id());
        if (l.from() != null) {
            if (l.from().size() == 1) o.put("from", l.from().get(0));
            else o.set("from", tree(l.from()));
        }
        LayerKinds.of(l).write(l, o);
        return o;
    }

    /** An initialiser as a name, or an object with its scale for uniform and normal; nothing if null. */
    public static void putInitializer(ObjectNode o, InitSpec init) {
        if (init == null) return;
        if (init.type().equals("uniform") || init.type().equals("normal")) {
            ObjectNode i = o.putObject("initializer");
            i.put("type", init.type());
            i.put("scale", init.scale());
        } else {
            o.put("initializer", init.type());
        }
    }

    /** Any value (arrays of numbers, lists) as a JSON tree, the way the writer prints it. */
    public static JsonNode tree(Object value) { return JSON.valueToTree(value); }

    /** The spec with every layer's current weights written in, e.g. to save a trained net. */
    public static NetworkSpec withWeights(NetworkSpec spec, Model model) {
        List<LayerSpec> out = new ArrayList<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec l = spec.layers().get(i);
            out.add(LayerKinds.of(l).withWeights(l, model.layers().get(i)));
        }
        return spec.withLayers(out);
    }

    /** Writes to a temporary file beside the target, then renames it over the target. */
    public static void save(NetworkSpec spec, Path file) throws IOException {
        writeAtomically(file, toJson(spec));
    }

    public static void writeAtomically(Path file, String text) throws IOException {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

}
