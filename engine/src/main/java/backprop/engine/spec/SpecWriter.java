package backprop.engine.spec;

import backprop.engine.io.AtomicFiles;
import backprop.engine.nn.Dense;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Maxout;
import backprop.engine.nn.Model;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import backprop.engine.tensor.Tensor;
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
        if (s.dataset() != null) root.set("dataset", JSON.valueToTree(s.dataset()));
        stripNulls(root);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stripNulls(ObjectNode n) {
        List<String> drop = new ArrayList<>();
        n.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) drop.add(e.getKey());
            else if (e.getValue().isObject()) stripNulls((ObjectNode) e.getValue());
        });
        n.remove(drop);
    }

    private static ObjectNode layer(LayerSpec l) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", l.type());
        if (l.name() != null) o.put("name", l.name());
        switch (l.type()) {
            case "dropout" -> o.put("rate", l.rate());
            case "maxout" -> {
                o.put("units", l.units());
                o.put("pieces", l.pieces());
            }
            default -> {
                o.put("units", l.units());
                o.put("activation", l.activation());
                if (!Float.isNaN(l.alpha())) o.put("alpha", l.alpha());
            }
        }
        if (l.initializer() != null) {
            if (l.initializer().type().equals("uniform") || l.initializer().type().equals("normal")) {
                ObjectNode i = o.putObject("initializer");
                i.put("type", l.initializer().type());
                i.put("scale", l.initializer().scale());
            } else {
                o.put("initializer", l.initializer().type());
            }
        }
        if (l.weights() != null) {
            if (l.type().equals("maxout")) o.set("weights", JSON.valueToTree(l.weights()));
            else o.set("weights", JSON.valueToTree(l.weights()[0]));
        }
        if (l.bias() != null) {
            if (l.type().equals("maxout")) o.set("bias", JSON.valueToTree(l.bias()));
            else o.set("bias", JSON.valueToTree(l.bias()[0]));
        }
        return o;
    }

    /** The spec with every layer's current weights written in, e.g. to save a trained net. */
    public static NetworkSpec withWeights(NetworkSpec spec, Model model) {
        List<LayerSpec> out = new ArrayList<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec l = spec.layers().get(i);
            Layer m = model.layers().get(i);
            if (m instanceof Dense d) {
                out.add(new LayerSpec(l.type(), l.name(), l.units(), l.activation(), l.alpha(), l.pieces(), l.rate(), l.initializer(),
                        new float[][][] {d.weights().value().toArray2D()}, new float[][] {d.bias().value().toArray()}));
            } else if (m instanceof Maxout mo) {
                float[][][] w = new float[mo.pieces()][][];
                float[][] b = new float[mo.pieces()][];
                for (int k = 0; k < mo.pieces(); k++) {
                    w[k] = mo.pieceWeights().get(k).value().toArray2D();
                    b[k] = mo.pieceBiases().get(k).value().toArray();
                }
                out.add(new LayerSpec(l.type(), l.name(), l.units(), l.activation(), l.alpha(), l.pieces(), l.rate(), l.initializer(), w, b));
            } else {
                out.add(l);
            }
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
