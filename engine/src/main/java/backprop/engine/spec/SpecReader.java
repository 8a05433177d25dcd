package backprop.engine.spec;

import backprop.engine.autodiff.Activation;
import backprop.engine.nn.Initializer;
import backprop.engine.nn.Loss;
import backprop.engine.spec.NetworkSpec.DatasetSpec;
import backprop.engine.spec.NetworkSpec.InitSpec;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import backprop.engine.spec.NetworkSpec.TrainingSpec;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The one validating reader for network files. It walks the JSON tree itself, rather than
 * binding it to classes, so that every complaint can name the exact JSON path and say what
 * was expected in plain words. Shapes are checked here too: a spec that reads without error
 * builds a model without error.
 */
public final class SpecReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION); // trailing text: checked in parse()

    private static final Set<String> TOP = Set.of("format", "version", "name", "description", "input", "layers", "loss", "seed", "training", "dataset");
    private static final Set<String> LAYER = Set.of("type", "name", "units", "activation", "alpha", "pieces", "rate", "initializer", "weights", "bias");
    private static final Set<String> TRAINING = Set.of("optimizer", "learningRate", "batchSize", "epochs", "l2", "momentum", "beta1", "beta2", "rho", "epsilon", "validationSplit", "patience");
    private static final Set<String> DATASET = Set.of("name", "samples", "noise", "testRatio", "seed", "inputs");
    public static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "rmsprop", "adam");
    public static final List<String> LAYER_TYPES = List.of("dense", "maxout", "dropout");

    private final String file;

    private SpecReader(String file) { this.file = file; }

    public static NetworkSpec read(Path path) throws SpecException {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new SpecException(path.toString(), "", "file not found");
        } catch (IOException e) {
            throw new SpecException(path.toString(), "", "cannot read the file (" + e.getMessage() + ")");
        }
        return parse(text, path.toString());
    }

    /** Parses network JSON; {@code source} names it in messages (a file name, "lesson xor.json", …). */
    public static NetworkSpec parse(String json, String source) throws SpecException {
        JsonNode root;
        try (JsonParser parser = JSON.getFactory().createParser(json)) {
            root = JSON.readTree(parser);
            // Checked here rather than by Jackson, whose own message names its classes and settings.
            if (root != null && parser.nextToken() != null) {
                throw new SpecException(source, where(parser.currentTokenLocation()), "not valid JSON: something follows the end of the document");
            }
        } catch (JsonProcessingException e) {
            throw new SpecException(source, where(e.getLocation()), "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e); // reading a String cannot fail otherwise
        }
        if (root == null || root.isMissingNode()) throw new SpecException(source, "", "the file is empty");
        return new SpecReader(source).network(root);
    }

    private static String where(JsonLocation loc) {
        return loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private SpecException fail(String path, String problem) { return new SpecException(file, path, problem); }

    private NetworkSpec network(JsonNode n) throws SpecException {
        object(n, "$", TOP);
        String format = text(n, "$", "format", true);
        if (!NetworkSpec.FORMAT.equals(format)) throw fail("$.format", "expected \"" + NetworkSpec.FORMAT + "\", found \"" + format + "\"");
        int version = integer(n, "$", "version", true, 1, Integer.MAX_VALUE);
        if (version != NetworkSpec.VERSION) throw fail("$.version", "version " + version + " is not supported (this build reads version " + NetworkSpec.VERSION + ")");

        JsonNode input = required(n, "$", "input");
        object(input, "$.input", Set.of("shape"));
        JsonNode shapeNode = required(input, "$.input", "shape");
        if (!shapeNode.isArray() || shapeNode.size() == 0) throw fail("$.input.shape", "expected a non-empty array of sizes, e.g. [2]");
        int[] shape = new int[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) shape[i] = asInt(shapeNode.get(i), "$.input.shape[" + i + "]", 1, 1 << 24);
        if (shape.length != 1) throw fail("$.input.shape", "dense networks take a vector input such as [2]; shape of rank " + shape.length + " is not supported yet");

        String loss = text(n, "$", "loss", false);
        if (loss == null) loss = "mse";
        if (!Loss.NAMES.contains(loss)) throw fail("$.loss", "unknown loss '" + loss + "' (known: " + String.join(", ", Loss.NAMES) + ")");

        JsonNode layersNode = required(n, "$", "layers");
        if (!layersNode.isArray() || layersNode.size() == 0) throw fail("$.layers", "expected a non-empty array of layers");
        List<LayerSpec> layers = new ArrayList<>();
        int in = shape[0];
        for (int i = 0; i < layersNode.size(); i++) {
            LayerSpec l = layer(layersNode.get(i), "$.layers[" + i + "]", in);
            layers.add(l);
            if (!l.type().equals("dropout")) in = l.units();
        }
        LayerSpec last = lastWithActivation(layers);
        if (loss.equals("cross_entropy") && (last == null || !"softmax".equals(last.activation()))) {
            throw fail("$.loss", "cross_entropy expects the last layer's activation to be softmax");
        }
        if (loss.equals("binary_cross_entropy") && (last == null || !"sigmoid".equals(last.activation()))) {
            throw fail("$.loss", "binary_cross_entropy expects the last layer's activation to be sigmoid");
        }

        Long seed = n.has("seed") ? (long) asLong(n.get("seed"), "$.seed") : null;
        TrainingSpec training = n.has("training") ? training(n.get("training"), "$.training") : null;
        DatasetSpec dataset = n.has("dataset") ? dataset(n.get("dataset"), "$.dataset") : null;
        return new NetworkSpec(text(n, "$", "name", false), text(n, "$", "description", false), shape, List.copyOf(layers), loss, seed, training, dataset);
    }

    private static LayerSpec lastWithActivation(List<LayerSpec> layers) {
        for (int i = layers.size() - 1; i >= 0; i--) if (layers.get(i).type().equals("dense")) return layers.get(i);
        return null;
    }

    private LayerSpec layer(JsonNode n, String p, int in) throws SpecException {
        object(n, p, LAYER);
        String type = text(n, p, "type", true);
        if (!LAYER_TYPES.contains(type)) throw fail(p + ".type", "unknown layer type '" + type + "' (known: " + String.join(", ", LAYER_TYPES) + ")");
        String name = text(n, p, "name", false);
        switch (type) {
            case "dropout": {
                only(n, p, Set.of("type", "name", "rate"), "dropout");
                float rate = (float) number(n, p, "rate", true, 0, 0.999);
                return new LayerSpec(type, name, in, null, Float.NaN, 0, rate, null, null, null);
            }
            case "maxout": {
                only(n, p, Set.of("type", "name", "units", "pieces", "initializer", "weights", "bias"), "maxout");
                int units = integer(n, p, "units", true, 1, 1 << 20);
                int pieces = n.has("pieces") ? integer(n, p, "pieces", false, 2, 16) : 2;
                InitSpec init = initializer(n, p);
                float[][][] w = null;
                float[][] b = null;
                if (n.has("weights")) {
                    JsonNode wn = n.get("weights");
                    if (!wn.isArray() || wn.size() != pieces) throw fail(p + ".weights", "expected " + pieces + " matrices (one per piece) of " + in + "×" + units);
                    w = new float[pieces][][];
                    for (int k = 0; k < pieces; k++) w[k] = matrix(wn.get(k), p + ".weights[" + k + "]", in, units);
                }
                if (n.has("bias")) {
                    JsonNode bn = n.get("bias");
                    if (!bn.isArray() || bn.size() != pieces) throw fail(p + ".bias", "expected " + pieces + " vectors (one per piece) of " + units);
                    b = new float[pieces][];
                    for (int k = 0; k < pieces; k++) b[k] = vector(bn.get(k), p + ".bias[" + k + "]", units);
                }
                return new LayerSpec(type, name, units, null, Float.NaN, pieces, 0f, init, w, b);
            }
            default: {
                only(n, p, Set.of("type", "name", "units", "activation", "alpha", "initializer", "weights", "bias"), "dense");
                int units = integer(n, p, "units", true, 1, 1 << 20);
                String act = text(n, p, "activation", false);
                if (act == null) act = "sigmoid";
                if (!Activation.NAMES.contains(act)) throw fail(p + ".activation", "unknown activation '" + act + "' (known: " + String.join(", ", Activation.NAMES) + ")");
                float alpha = Float.NaN;
                if (n.has("alpha")) {
                    if (!act.equals("leaky_relu") && !act.equals("elu")) throw fail(p + ".alpha", "alpha applies to leaky_relu and elu only, not " + act);
                    alpha = (float) number(n, p, "alpha", false, 0, 100);
                }
                InitSpec init = initializer(n, p);
                float[][][] w = n.has("weights") ? new float[][][] {matrix(n.get("weights"), p + ".weights", in, units)} : null;
                float[][] b = n.has("bias") ? new float[][] {vector(n.get("bias"), p + ".bias", units)} : null;
                return new LayerSpec(type, name, units, act, alpha, 0, 0f, init, w, b);
            }
        }
    }

    private InitSpec initializer(JsonNode n, String p) throws SpecException {
        if (!n.has("initializer")) return null;
        JsonNode i = n.get("initializer");
        String ip = p + ".initializer";
        String type;
        double scale = Double.NaN;
        if (i.isTextual()) {
            type = i.asText();
        } else if (i.isObject()) {
            object(i, ip, Set.of("type", "scale"));
            type = text(i, ip, "type", true);
            if (i.has("scale")) scale = number(i, ip, "scale", false, 0, 1e6);
        } else {
            throw fail(ip, "expected a name such as \"xavier\" or an object {\"type\": \"uniform\", \"scale\": 0.5}");
        }
        if (!Initializer.NAMES.contains(type)) throw fail(ip, "unknown initializer '" + type + "' (known: " + String.join(", ", Initializer.NAMES) + ")");
        if ((type.equals("uniform") || type.equals("normal")) && Double.isNaN(scale)) scale = type.equals("uniform") ? 0.5 : 0.1;
        return new InitSpec(type, Double.isNaN(scale) ? 0 : scale);
    }

    private TrainingSpec training(JsonNode n, String p) throws SpecException {
        object(n, p, TRAINING);
        String opt = text(n, p, "optimizer", false);
        if (opt != null && !OPTIMIZERS.contains(opt)) throw fail(p + ".optimizer", "unknown optimizer '" + opt + "' (known: " + String.join(", ", OPTIMIZERS) + ")");
        return new TrainingSpec(opt,
                optNumber(n, p, "learningRate", 1e-9, 1e3),
                n.has("batchSize") ? integer(n, p, "batchSize", false, 0, 1 << 24) : null,
                n.has("epochs") ? integer(n, p, "epochs", false, 1, 10_000_000) : null,
                optNumber(n, p, "l2", 0, 1e3),
                optNumber(n, p, "momentum", 0, 0.9999),
                optNumber(n, p, "beta1", 0, 0.9999),
                optNumber(n, p, "beta2", 0, 0.99999999),
                optNumber(n, p, "rho", 0, 0.9999),
                optNumber(n, p, "epsilon", 1e-12, 1),
                optNumber(n, p, "validationSplit", 0, 0.9),
                n.has("patience") ? integer(n, p, "patience", false, 1, 1_000_000) : null);
    }

    private DatasetSpec dataset(JsonNode n, String p) throws SpecException {
        object(n, p, DATASET);
        return new DatasetSpec(text(n, p, "name", true),
                n.has("samples") ? integer(n, p, "samples", false, 1, 10_000_000) : null,
                optNumber(n, p, "noise", 0, 10),
                optNumber(n, p, "testRatio", 0, 0.95),
                n.has("seed") ? asLong(n.get("seed"), p + ".seed") : null,
                n.has("inputs") ? integer(n, p, "inputs", false, 1, 20) : null);
    }

    // ------------------------------------------------------------------ small checkers

    private void object(JsonNode n, String p, Set<String> allowed) throws SpecException {
        if (n == null || !n.isObject()) throw fail(p, "expected an object");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) throw fail(p + "." + f, "unknown field '" + f + "' (allowed here: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
        }
    }

    private void only(JsonNode n, String p, Set<String> allowed, String type) throws SpecException {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) throw fail(p + "." + f, "field '" + f + "' does not apply to a " + type + " layer");
        }
    }

    private JsonNode required(JsonNode n, String p, String field) throws SpecException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw fail(p + "." + field, "required field is missing");
        return v;
    }

    private String text(JsonNode n, String p, String field, boolean req) throws SpecException {
        JsonNode v = req ? required(n, p, field) : n.get(field);
        if (v == null) return null;
        if (!v.isTextual()) throw fail(p + "." + field, "expected a string, found " + describe(v));
        return v.asText();
    }

    private int integer(JsonNode n, String p, String field, boolean req, int min, int max) throws SpecException {
        JsonNode v = req ? required(n, p, field) : n.get(field);
        return asInt(v, p + "." + field, min, max);
    }

    private int asInt(JsonNode v, String p, int min, int max) throws SpecException {
        if (v == null || !v.isIntegralNumber()) throw fail(p, "expected a whole number, found " + describe(v));
        long x = v.asLong();
        if (x < min || x > max) throw fail(p, "expected a whole number from " + min + " to " + max + ", found " + x);
        return (int) x;
    }

    private long asLong(JsonNode v, String p) throws SpecException {
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) throw fail(p, "expected a whole number, found " + describe(v));
        return v.asLong();
    }

    private double number(JsonNode n, String p, String field, boolean req, double min, double max) throws SpecException {
        JsonNode v = req ? required(n, p, field) : n.get(field);
        if (v == null || !v.isNumber()) throw fail(p + "." + field, "expected a number, found " + describe(v));
        double x = v.asDouble();
        if (!(x >= min && x <= max)) throw fail(p + "." + field, "expected a number from " + min + " to " + max + ", found " + x);
        return x;
    }

    private Double optNumber(JsonNode n, String p, String field, double min, double max) throws SpecException {
        return n.has(field) ? number(n, p, field, false, min, max) : null;
    }

    private float[][] matrix(JsonNode v, String p, int rows, int cols) throws SpecException {
        if (v == null || !v.isArray()) throw fail(p, "expected a " + rows + "×" + cols + " array (one row per input, one column per unit), found " + describe(v));
        if (v.size() != rows) throw fail(p, "expected " + rows + " rows (one per input), found " + v.size());
        float[][] m = new float[rows][];
        for (int i = 0; i < rows; i++) m[i] = vector(v.get(i), p + "[" + i + "]", cols);
        return m;
    }

    private float[] vector(JsonNode v, String p, int len) throws SpecException {
        if (v == null || !v.isArray()) throw fail(p, "expected an array of " + len + " numbers, found " + describe(v));
        if (v.size() != len) throw fail(p, "expected " + len + " numbers, found " + v.size());
        float[] out = new float[len];
        for (int i = 0; i < len; i++) {
            JsonNode x = v.get(i);
            if (!x.isNumber()) throw fail(p + "[" + i + "]", "expected a number, found " + describe(x));
            double d = x.asDouble();
            if (!Double.isFinite(d) || Math.abs(d) > Float.MAX_VALUE) throw fail(p + "[" + i + "]", "number out of range: " + x.asText());
            out[i] = (float) d;
        }
        return out;
    }

    private static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) return "nothing";
        if (v.isNull()) return "null";
        if (v.isTextual()) return "the string \"" + v.asText() + "\"";
        if (v.isBoolean()) return v.asText();
        if (v.isNumber()) return v.asText();
        if (v.isArray()) return "an array of " + v.size();
        return "an object";
    }
}
