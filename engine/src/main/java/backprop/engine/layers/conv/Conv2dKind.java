package backprop.engine.layers.conv;

import backprop.engine.autodiff.Activation;
import backprop.engine.gradcheck.GradCheck;
import backprop.engine.layers.Field;
import backprop.engine.layers.LayerKind;
import backprop.engine.nn.Layer;
import backprop.engine.spec.Limits;
import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecFields;
import backprop.engine.spec.SpecWriter;
import backprop.engine.tensor.Shapes;
import backprop.engine.tensor.Tensor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/** The conv2d kind: its file fields, checked against the image it reads; how it builds and is checked. */
public final class Conv2dKind implements LayerKind<Conv2dSpec> {
    public static final String TYPE = "conv2d";
    /** Every activation but softmax, which is not element-wise. */
    public static final List<String> ACTIVATIONS = Activation.NAMES.stream().filter(a -> !a.equals("softmax")).toList();

    @Override public String type() { return TYPE; }
    @Override public String displayName() { return "Convolution (2-D)"; }
    @Override public Class<Conv2dSpec> specClass() { return Conv2dSpec.class; }
    @Override public boolean readsImages() { return true; }
    @Override public boolean readsVectors() { return false; }

    @Override
    public List<Field> fields() {
        return List.of(
                new Field("filters", "integer 1–" + Limits.IMAGE_CHANNELS, true, "F, the number of filters: the output's channels"),
                new Field("kernel", "integer ≥ 1", true, "K, the side of each square kernel (K×K, spanning every input channel)"),
                new Field("stride", "integer ≥ 1", false, "S, how far the kernel moves per output (default 1)"),
                new Field("padding", "integer 0 to K − 1", false, "P, zeros added on each side of the input (default 0)"),
                new Field("activation", "string", false, "g: " + String.join(", ", ACTIVATIONS) + " (default relu)"),
                new Field("weights", "[filters][channels][K][K] numbers", false, "weights[f][c][r][s]; He-uniform from the seed if absent"),
                new Field("bias", "[filters] numbers", false, "one bias per filter; zeros if absent"));
    }

    @Override
    public Conv2dSpec read(JsonNode n, String p, Common common, int[] inputSizes, SpecFields f) {
        throw new UnsupportedOperationException("conv2d needs the shape of its input: readShaped");
    }

    @Override
    public Conv2dSpec readShaped(JsonNode n, String p, Common common, int[][] inputShapes, SpecFields f) throws SpecException {
        int[] in = inputShapes[0]; // [C, H, W]: the reader refuses a vector input before this
        int filters = f.limited(n, p, "filters", true, 1, Limits.IMAGE_CHANNELS);
        int kernel = f.limited(n, p, "kernel", true, 1, Limits.IMAGE_SIDE);
        int stride = n.has("stride") ? f.limited(n, p, "stride", false, 1, Limits.IMAGE_SIDE) : 1;
        int padding = n.has("padding") ? f.limited(n, p, "padding", false, 0, Limits.IMAGE_SIDE) : 0;
        if (padding >= kernel) {
            throw f.fail(p + ".padding", "padding " + padding + " with a " + kernel + "×" + kernel + " kernel puts outputs where the kernel sees only zeros; use padding 0 to "
                    + (kernel - 1));
        }
        ConvArithmetic.Window w = new ConvArithmetic.Window(kernel, stride, padding);
        fits(in, w, "kernel", p, f);
        int[] out = ConvArithmetic.convOutput(in, filters, w);
        long values = Shapes.product(out);
        if (values > Limits.IMAGE_VALUES) {
            throw f.fail(p, "the output " + out[0] + "×" + out[1] + "×" + out[2] + " holds " + values + " numbers per sample, over the limit of "
                    + Limits.IMAGE_VALUES + "; use fewer filters or a larger stride");
        }
        long work = ConvArithmetic.convMultiplyAdds(in, filters, w);
        if (work > Limits.CONV_MULTIPLY_ADDS) {
            throw f.fail(p, "one sample takes " + work + " multiply-adds in this layer (" + out[0] + " filters × " + out[1] + "×" + out[2] + " outputs × "
                    + in[0] + " channels × " + kernel + "×" + kernel + "), over the limit of " + Limits.CONV_MULTIPLY_ADDS
                    + "; use fewer filters, a smaller kernel or a larger stride");
        }
        String act = f.text(n, p, "activation", false);
        if (act == null) act = "relu";
        if (!ACTIVATIONS.contains(act)) {
            String why = act.equals("softmax") ? "softmax is for a dense output layer" : "unknown activation '" + act + "'";
            throw f.fail(p + ".activation", why + " (a conv2d layer takes " + String.join(", ", ACTIVATIONS) + ")");
        }
        float[][][][] weights = n.has("weights") ? filters(n.get("weights"), p + ".weights", filters, in[0], kernel, f) : null;
        float[] bias = n.has("bias") ? f.vector(n.get("bias"), p + ".bias", filters) : null;
        return new Conv2dSpec(common, filters, kernel, stride, padding, act, weights, bias, in);
    }

    /**
     * Refuses a window that does not fit the image evenly along its height or width, with the
     * formula and a fix ("(28 + 2·0 − 5) / 2 + 1 = 12.5 is not a whole number: …"). Shared with pooling.
     */
    public static void fits(int[] chw, ConvArithmetic.Window w, String noun, String p, SpecFields f) throws SpecException {
        String rows = ConvArithmetic.problem(chw[1], w, noun), cols = ConvArithmetic.problem(chw[2], w, noun);
        if (rows != null) throw f.fail(p, (chw[1] == chw[2] ? "" : "along the height, ") + rows);
        if (cols != null) throw f.fail(p, "along the width, " + cols);
    }

    /** [F][C][K][K] finite float32 numbers, each level's count checked with its meaning. */
    private static float[][][][] filters(JsonNode v, String p, int count, int channels, int k, SpecFields f) throws SpecException {
        String kk = k + "×" + k;
        if (v == null || !v.isArray()) {
            throw f.fail(p, "expected " + count + " filters of " + channels + "×" + kk + " numbers ([filters][channels][rows][columns]), found " + SpecFields.describe(v));
        }
        if (v.size() != count) throw f.fail(p, "expected " + count + " filters (one per output channel), found " + v.size());
        float[][][][] w = new float[count][channels][][];
        for (int i = 0; i < count; i++) {
            JsonNode fi = v.get(i);
            String pi = p + "[" + i + "]";
            if (!fi.isArray() || fi.size() != channels) {
                throw f.fail(pi, "expected " + channels + " kernels of " + kk + " (one per input channel), found " + SpecFields.describe(fi));
            }
            for (int c = 0; c < channels; c++) {
                JsonNode kc = fi.get(c);
                String pc = pi + "[" + c + "]";
                if (!kc.isArray() || kc.size() != k) throw f.fail(pc, "expected a " + kk + " kernel (" + k + " rows), found " + SpecFields.describe(kc));
                w[i][c] = new float[k][];
                for (int r = 0; r < k; r++) w[i][c][r] = f.vector(kc.get(r), pc + "[" + r + "]", k);
            }
        }
        return w;
    }

    @Override public int outputSize(Conv2dSpec s, int[] inputSizes) { return Math.toIntExact(Shapes.product(s.outputShape())); }

    @Override public int[] outputShape(Conv2dSpec s, int[][] inputShapes) { return s.outputShape(); }

    @Override
    public long parameterCount(Conv2dSpec s, int[] inputSizes) {
        return ConvArithmetic.convParameters(s.inputShape()[0], s.filters(), s.kernel());
    }

    /** Each of the F·H'·W' outputs sums C·K·K products ({@link ConvArithmetic#convMultiplyAdds}). */
    @Override
    public long multiplyAdds(Conv2dSpec s, int[][] inputShapes) {
        return ConvArithmetic.convMultiplyAdds(s.inputShape(), s.filters(), s.window());
    }

    @Override
    public void write(Conv2dSpec s, ObjectNode o) {
        o.put("filters", s.filters());
        o.put("kernel", s.kernel());
        o.put("stride", s.stride());
        o.put("padding", s.padding());
        o.put("activation", s.activation());
        if (s.weights() != null) o.set("weights", SpecWriter.tree(s.weights()));
        if (s.bias() != null) o.set("bias", SpecWriter.tree(s.bias()));
    }

    /**
     * Omitted weights are He-uniform, U(−a, a) with a = √(6 / (C·K·K)) (He et al. 2015: keeps a
     * ReLU layer's output variance near its input's), drawn filter by filter, channel by
     * channel, row by row.
     */
    @Override
    public Layer build(Conv2dSpec s, String name, int[] inputSizes, Random seeded) {
        int[] in = s.inputShape();
        int f = s.filters(), c = in[0], k = s.kernel();
        float[] w = new float[Shapes.arraySize(f, c, k, k)];
        if (s.weights() != null) {
            int i = 0;
            for (float[][][] filter : s.weights()) for (float[][] kernel : filter) for (float[] row : kernel) for (float v : row) w[i++] = v;
        } else {
            double a = Math.sqrt(6.0 / ((double) c * k * k));
            for (int i = 0; i < w.length; i++) w[i] = (float) ((2 * seeded.nextDouble() - 1) * a);
        }
        Tensor bias = s.bias() != null ? Tensor.vector(s.bias().clone()) : Tensor.zeros(f);
        return new Conv2d(name, in, new Tensor(w, f, c, k, k), bias, s.stride(), s.padding(), Activation.byName(s.activation(), Float.NaN));
    }

    @Override
    public Conv2dSpec withWeights(Conv2dSpec s, Layer built) {
        Conv2d l = (Conv2d) built;
        int f = l.filters(), c = l.inputShape()[0], k = l.kernel();
        float[] w = l.weights().value().data();
        float[][][][] out = new float[f][c][k][k];
        int i = 0;
        for (int a = 0; a < f; a++) for (int b = 0; b < c; b++) for (int r = 0; r < k; r++) for (int q = 0; q < k; q++) out[a][b][r][q] = w[i++];
        return s.withWeights(out, l.bias().value().toArray());
    }

    @Override
    public List<GradCheck.Result> gradChecks(Random r) {
        return ConvChecks.conv(r);
    }
}
