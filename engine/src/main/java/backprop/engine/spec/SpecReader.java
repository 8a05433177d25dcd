package backprop.engine.spec;

import backprop.engine.layers.LayerKind;
import backprop.engine.layers.LayerKinds;
import backprop.engine.nn.Loss;
import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.NetworkSpec.DatasetSpec;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import backprop.engine.spec.NetworkSpec.TrainingSpec;
import backprop.engine.tensor.Shapes;
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
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
    private static final Set<String> TRAINING = Set.of("optimizer", "learningRate", "batchSize", "epochs", "l2", "momentum", "beta1", "beta2", "rho", "epsilon", "validationSplit", "patience", "clipNorm", "truncate");
    public static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "rmsprop", "adam");
    /** The registered layer types (see {@link LayerKinds}). */
    public static List<String> layerTypes() { return LayerKinds.types(); }

    private final String file;
    private final SpecFields f;

    private SpecReader(String file) {
        this.file = file;
        this.f = new SpecFields(file);
    }

    public static NetworkSpec read(Path path) throws SpecException {
        String text;
        try {
            // Checked before reading: the parsed tree of a huge file would not fit (Limits).
            long bytes = Files.size(path);
            if (bytes > Limits.NETWORK_FILE_BYTES) {
                throw new SpecException(path.toString(), "", "the file has " + bytes + " bytes, over the limit of "
                        + Limits.NETWORK_FILE_BYTES + " for a network file");
            }
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
        SpecReader reader = new SpecReader(source);
        reader.depth(root);
        return reader.network(root);
    }

    /**
     * Refuses nesting past {@link Limits#JSON_DEPTH} under any top-level field, naming that field:
     * network files nest four deep, and every later walk over the tree recurses.
     */
    private void depth(JsonNode root) throws SpecException {
        if (!root.isObject()) return; // network() says what is wrong
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int d = depthOf(e.getValue());
            if (d > Limits.JSON_DEPTH) throw fail("$." + e.getKey(), "nested " + d + " deep, over the limit of " + Limits.JSON_DEPTH);
        }
    }

    /** Arrays and objects count one level each; Jackson has already capped the recursion at 1000. */
    private static int depthOf(JsonNode n) {
        if (!n.isContainerNode()) return 0;
        int max = 0;
        for (JsonNode c : n) max = Math.max(max, depthOf(c));
        return max + 1;
    }

    private static String where(JsonLocation loc) {
        return loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private SpecException fail(String path, String problem) { return new SpecException(file, path, problem); }

    private NetworkSpec network(JsonNode n) throws SpecException {
        f.object(n, "$", TOP);
        String format = f.text(n, "$", "format", true);
        if (!NetworkSpec.FORMAT.equals(format)) throw fail("$.format", "expected \"" + NetworkSpec.FORMAT + "\", found \"" + format + "\"");
        int version = f.integer(n, "$", "version", true, 1, Integer.MAX_VALUE);
        if (version != NetworkSpec.VERSION) throw fail("$.version", "version " + version + " is not supported (this build reads version " + NetworkSpec.VERSION + ")");

        JsonNode input = f.required(n, "$", "input");
        f.object(input, "$.input", Set.of("shape"));
        JsonNode shapeNode = f.required(input, "$.input", "shape");
        if (!shapeNode.isArray() || shapeNode.size() == 0) throw fail("$.input.shape", "expected a non-empty array of sizes, e.g. [2]");
        int[] shape = new int[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) shape[i] = f.asLimited(shapeNode.get(i), "$.input.shape[" + i + "]", 1, Limits.INPUT_DIMENSION);
        long inputs = Shapes.product(shape);
        if (inputs > Limits.INPUT_SIZE) throw fail("$.input.shape", "inputs in total: " + inputs + " is over the limit of " + Limits.INPUT_SIZE);
        if (shape.length > 3) {
            throw fail("$.input.shape", "networks take a vector such as [2], a sequence [steps, features] such as [20, 1] or an image "
                    + "[channels, height, width] such as [1, 28, 28]; a shape of rank " + shape.length + " is not supported");
        }
        if (shape.length == 2 && shape[0] > Limits.SEQUENCE_LENGTH) {
            throw fail("$.input.shape[0]", shape[0] + " steps is over the limit of " + Limits.SEQUENCE_LENGTH);
        }
        if (shape.length == 3) imageShape(shape);

        String loss = f.text(n, "$", "loss", false);
        if (loss == null) loss = "mse";
        if (!Loss.NAMES.contains(loss)) throw fail("$.loss", "unknown loss '" + loss + "' (known: " + String.join(", ", Loss.NAMES) + ")");

        JsonNode layersNode = f.required(n, "$", "layers");
        if (!layersNode.isArray() || layersNode.size() == 0) throw fail("$.layers", "expected a non-empty array of layers");
        if (layersNode.size() > Limits.LAYERS) throw fail("$.layers", layersNode.size() + " layers is over the limit of " + Limits.LAYERS);
        Map<String, Integer> ids = ids(layersNode);
        List<LayerSpec> layers = new ArrayList<>();
        // Node 0 is the input (for a sequence: one step of it), node k + 1 layer k; each node's
        // shape is kept, [C, H, W] for an image, so that image layers can check their geometry.
        List<int[]> shapes = new ArrayList<>();
        shapes.add(shape.length == 3 ? shape.clone() : new int[] {shape[shape.length - 1]});
        long[] parameters = {0};
        for (int i = 0; i < layersNode.size(); i++) layers.add(layer(layersNode.get(i), i, shapes, ids, parameters));
        sequenceShape(shape, layers);
        if (parameters[0] > Limits.PARAMETERS) {
            throw fail("$.layers", "weights and biases in the network: " + parameters[0] + " is over the limit of " + Limits.PARAMETERS
                    + "; use fewer or smaller layers");
        }
        String outputActivation = null;
        for (int i = layers.size() - 1; i >= 0 && outputActivation == null; i--) {
            outputActivation = LayerKinds.of(layers.get(i)).outputActivation(layers.get(i));
        }
        if (loss.equals("cross_entropy") && !"softmax".equals(outputActivation)) {
            throw fail("$.loss", "cross_entropy expects the last layer's activation to be softmax");
        }
        if (loss.equals("binary_cross_entropy") && !"sigmoid".equals(outputActivation)) {
            throw fail("$.loss", "binary_cross_entropy expects the last layer's activation to be sigmoid");
        }

        Long seed = n.has("seed") ? f.asLong(n.get("seed"), "$.seed") : null;
        TrainingSpec training = n.has("training") ? training(n.get("training"), "$.training") : null;
        DatasetSpec dataset = n.has("dataset") ? new DatasetReader(f).read(n.get("dataset"), "$.dataset") : null;
        if (training != null && training.batchSize() != null && training.batchSize() == 1) {
            for (int i = 0; i < layers.size(); i++) {
                if (layers.get(i).type().equals(backprop.engine.layers.norm.BatchNormKind.TYPE)) {
                    throw fail("$.training.batchSize", "batch norm ($.layers[" + i + "]) cannot train on one sample at a time "
                            + "(the variance of one value is 0); use a batch size of at least 2, or 0 for the whole set");
                }
            }
        }
        return new NetworkSpec(name(n, "$", "name"), f.text(n, "$", "description", false), shape, List.copyOf(layers), loss, seed, training, dataset);
    }

    /** An image's channels and sides, each within its limit. */
    private void imageShape(int[] shape) throws SpecException {
        String[] what = {"channels", "rows (height)", "columns (width)"};
        int[] limit = {Limits.IMAGE_CHANNELS, Limits.IMAGE_SIDE, Limits.IMAGE_SIDE};
        for (int i = 0; i < 3; i++) {
            if (shape[i] > limit[i]) throw fail("$.input.shape[" + i + "]", shape[i] + " " + what[i] + " is over the limit of " + limit[i]);
        }
    }

    /**
     * Refuses an input of the wrong form: an image into a layer that reads vectors, or a vector
     * into one that needs an image's height and width.
     */
    private void inputForm(LayerKind<?> kind, String type, String p, int index, int[] src, List<int[]> shapes, Map<String, Integer> ids) throws SpecException {
        for (int node : src) {
            int[] s = shapes.get(node);
            if (s.length == 3 && !kind.readsImages()) {
                if (node == 0 && index == 0) {
                    throw fail("$.input.shape", "a shape [channels, height, width] is for images, and the first layer is a " + type
                            + " layer; start with " + imageKinds() + ", or give a vector shape such as [" + Shapes.product(s) + "]");
                }
                throw fail(p + ".type", "a " + type + " layer reads vectors, and " + nodeName(node, ids) + " is an image "
                        + java.util.Arrays.toString(s) + " (channels, height, width); add a flatten layer first");
            }
            if (s.length != 3 && !kind.readsVectors()) {
                String hint = node == 0 ? "give the input shape as [channels, height, width], e.g. [1, 28, 28]"
                        : "convolution and pooling layers go before the flatten and dense layers";
                throw fail(p + ".type", "a " + type + " layer reads images [channels, height, width], and " + nodeName(node, ids)
                        + " is a vector of " + s[0] + "; " + hint);
            }
        }
    }

    /** "a conv2d, maxpool, avgpool or flatten layer": the registered kinds that read images. */
    private static String imageKinds() {
        List<String> names = LayerKinds.all().stream().filter(LayerKind::readsImages).map(LayerKind::type).toList();
        if (names.isEmpty()) return "a layer that reads images";
        if (names.size() == 1) return "a " + names.get(0) + " layer";
        return "a " + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1) + " layer";
    }

    /** "the network's input" or "its input 'pool2'", for messages about what a layer reads. */
    private static String nodeName(int node, Map<String, Integer> ids) {
        if (node == 0) return "the network's input";
        for (Map.Entry<String, Integer> e : ids.entrySet()) if (e.getValue() == node - 1) return "its input '" + e.getKey() + "'";
        return "its input $.layers[" + (node - 1) + "]";
    }

    /** A recurrent layer needs input [T, features]; input [T, features] needs a recurrent layer. */
    private void sequenceShape(int[] shape, List<LayerSpec> layers) throws SpecException {
        int recurrent = -1;
        for (int i = 0; i < layers.size() && recurrent < 0; i++) if (LayerKinds.of(layers.get(i)).readsSequences()) recurrent = i;
        if (recurrent >= 0 && shape.length != 2) {
            String type = layers.get(recurrent).type();
            throw fail("$.layers[" + recurrent + "].type", "a " + type + " layer reads sequences: give the input shape as [steps, features], e.g. [20, " + shape[0] + "]");
        }
        if (recurrent < 0 && shape.length == 2) {
            throw fail("$.input.shape", "a shape [steps, features] is for sequences, and this network has no rnn, lstm or gru layer; give a vector shape such as [" + shape[1] + "]");
        }
    }

    /** Every layer's id (explicit, else its name) and position; duplicates are refused. */
    private Map<String, Integer> ids(JsonNode layersNode) throws SpecException {
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < layersNode.size(); i++) {
            JsonNode l = layersNode.get(i);
            String p = "$.layers[" + i + "]";
            if (l == null || !l.isObject()) continue; // layer() says what is wrong
            String field = l.has("id") ? "id" : l.has("name") ? "name" : null;
            String id = field != null ? f.text(l, p, field, false) : f.text(l, p, "type", true) + (i + 1);
            if (id.equals(Wiring.INPUT)) throw fail(p + "." + (field == null ? "type" : field), "'input' names the network's input; choose another id");
            Integer before = ids.putIfAbsent(id, i);
            if (before != null) {
                throw fail(p + "." + (field == null ? "type" : field), "duplicate id '" + id + "': $.layers[" + before + "] has it too");
            }
        }
        return ids;
    }

    /** One layer: the common part here, the kind's own fields by its {@link LayerKind}. */
    private LayerSpec layer(JsonNode n, int index, List<int[]> shapes, Map<String, Integer> ids, long[] parameters) throws SpecException {
        String p = "$.layers[" + index + "]";
        f.object(n, p, new java.util.LinkedHashSet<>(LayerKinds.allFieldNames()));
        String type = f.text(n, p, "type", true);
        LayerKind<?> kind = LayerKinds.byType(type);
        if (kind == null) throw fail(p + ".type", "unknown layer type '" + type + "' (known: " + String.join(", ", LayerKinds.types()) + ")");
        f.only(n, p, LayerKinds.fieldNames(kind), type);
        List<String> from = from(n, p);
        Common common = new Common(name(n, p, "name"), name(n, p, "id"), from);
        int[] src = sources(from, p, index, ids);
        if (src.length < kind.minInputs()) {
            throw fail(p + (from == null ? ".type" : ".from"), "a " + type + " layer combines at least " + kind.minInputs() + " inputs; list their ids in \"from\"");
        }
        if (src.length > kind.maxInputs()) {
            throw fail(p + ".from", "a " + type + " layer takes " + kind.maxInputs() + " input" + (kind.maxInputs() == 1 ? "" : "s")
                    + "; combine several with an add or concat layer first");
        }
        inputForm(kind, type, p, index, src, shapes, ids);
        int[][] inputShapes = new int[src.length][];
        for (int i = 0; i < src.length; i++) inputShapes[i] = shapes.get(src[i]).clone();
        int[] inputSizes = LayerKind.sizes(inputShapes);
        @SuppressWarnings("unchecked")
        LayerKind<LayerSpec> k = (LayerKind<LayerSpec>) kind;
        LayerSpec spec = k.readShaped(n, p, common, inputShapes, f);
        long count = k.parameterCount(spec, inputSizes);
        if (count > Limits.LAYER_PARAMETERS) {
            throw fail(p, "weights and biases in this layer: " + count + " is over the limit of " + Limits.LAYER_PARAMETERS
                    + "; use fewer units or inputs");
        }
        parameters[0] += count;
        shapes.add(k.outputShape(spec, inputShapes));
        return spec;
    }

    /** A name or id: at most {@link Limits#NAME_LENGTH} characters, so tables and messages stay readable. */
    private String name(JsonNode n, String p, String field) throws SpecException {
        String s = f.text(n, p, field, false);
        if (s != null && s.length() > Limits.NAME_LENGTH) {
            throw fail(p + "." + field, "a name of " + s.length() + " characters is over the limit of " + Limits.NAME_LENGTH);
        }
        return s;
    }

    /** {@code from}: one id or a list of ids; null when absent (the layer before). */
    private List<String> from(JsonNode n, String p) throws SpecException {
        JsonNode v = n.get("from");
        if (v == null) return null;
        if (v.isTextual()) return List.of(v.asText());
        if (!v.isArray() || v.isEmpty()) throw fail(p + ".from", "expected a layer id or a non-empty array of ids, found " + SpecFields.describe(v));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) throw fail(p + ".from[" + i + "]", "expected a layer id, found " + SpecFields.describe(v.get(i)));
            out.add(v.get(i).asText());
        }
        return out;
    }

    /** The nodes a layer reads; only the input and earlier layers, which also rules out cycles. */
    private int[] sources(List<String> from, String p, int index, Map<String, Integer> ids) throws SpecException {
        if (from == null) return new int[] {index};
        int[] src = new int[from.size()];
        for (int i = 0; i < src.length; i++) {
            String ref = from.get(i), at = p + ".from" + (from.size() == 1 ? "" : "[" + i + "]");
            if (ref.equals(Wiring.INPUT)) continue; // node 0
            Integer k = ids.get(ref);
            if (k == null) throw fail(at, "unknown layer id '" + ref + "' (known: " + String.join(", ", known(ids, index)) + ")");
            if (k == index) throw fail(at, "layer '" + ref + "' cannot read its own output: that would be a cycle");
            if (k > index) throw fail(at, "'" + ref + "' is $.layers[" + k + "], further down: a layer reads only the input and the layers above it, so the network has no cycles");
            src[i] = k + 1;
        }
        return src;
    }

    private static List<String> known(Map<String, Integer> ids, int before) {
        List<String> out = new ArrayList<>(List.of(Wiring.INPUT));
        ids.entrySet().stream().filter(e -> e.getValue() < before).sorted(Map.Entry.comparingByValue()).forEach(e -> out.add(e.getKey()));
        return out;
    }

    private TrainingSpec training(JsonNode n, String p) throws SpecException {
        f.object(n, p, TRAINING);
        String opt = f.text(n, p, "optimizer", false);
        if (opt != null && !OPTIMIZERS.contains(opt)) throw fail(p + ".optimizer", "unknown optimizer '" + opt + "' (known: " + String.join(", ", OPTIMIZERS) + ")");
        return new TrainingSpec(opt,
                f.optNumber(n, p, "learningRate", 1e-9, 1e3),
                n.has("batchSize") ? f.limited(n, p, "batchSize", false, 0, Limits.BATCH_SIZE) : null,
                n.has("epochs") ? f.limited(n, p, "epochs", false, 1, Limits.EPOCHS) : null,
                f.optNumber(n, p, "l2", 0, 1e3),
                f.optFraction(n, p, "momentum", 0.9999),
                f.optFraction(n, p, "beta1", 0.9999),
                f.optFraction(n, p, "beta2", 0.99999999),
                f.optFraction(n, p, "rho", 0.9999),
                f.optNumber(n, p, "epsilon", 1e-12, 1),
                f.optNumber(n, p, "validationSplit", 0, 0.9),
                n.has("patience") ? f.integer(n, p, "patience", false, 1, 1_000_000) : null,
                f.optNumber(n, p, "clipNorm", 0, 1e6),
                n.has("truncate") ? f.integer(n, p, "truncate", false, 0, Limits.SEQUENCE_LENGTH) : null);
    }
}
