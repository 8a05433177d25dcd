package backprop.engine.layers.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import backprop.engine.layers.flatten.FlattenSpec;
import backprop.engine.layers.pool.PoolSpec;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecReader;
import backprop.engine.spec.SpecWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Network files over images: input [C, H, W], conv2d, pooling and flatten, read, written and refused. */
class ImageSpecTest {

    private static String net(String shape, String layers) {
        return "{\"format\": \"backprop-studio.network\", \"version\": 1, \"input\": {\"shape\": " + shape + "}, \"layers\": [" + layers
                + "], \"loss\": \"cross_entropy\"}";
    }

    private static final String HEAD = "{\"type\": \"dense\", \"units\": 10, \"activation\": \"softmax\"}";

    @Test
    void eachLayerKnowsTheShapeItReadsAndTheFactoryBuildsIt() throws Exception {
        NetworkSpec spec = SpecReader.parse(net("[3, 32, 32]",
                "{\"type\": \"conv2d\", \"filters\": 10, \"kernel\": 5, \"padding\": 2},"
                        + "{\"type\": \"maxpool\"},"
                        + "{\"type\": \"avgpool\", \"size\": 4, \"stride\": 4},"
                        + "{\"type\": \"flatten\"}," + HEAD), "cnn.json");
        assertEquals(3 * 32 * 32, spec.inputSize());
        Conv2dSpec conv = assertInstanceOf(Conv2dSpec.class, spec.layers().get(0));
        assertArrayEquals(new int[] {3, 32, 32}, conv.inputShape());
        assertEquals(1, conv.stride(), "stride defaults to 1");
        assertEquals("relu", conv.activation(), "activation defaults to relu");
        PoolSpec max = assertInstanceOf(PoolSpec.class, spec.layers().get(1));
        assertArrayEquals(new int[] {10, 32, 32}, max.inputShape());
        assertEquals(2, max.size());
        assertEquals(2, max.stride(), "stride defaults to the size");
        assertArrayEquals(new int[] {10, 16, 16}, ((PoolSpec) spec.layers().get(2)).inputShape());
        assertArrayEquals(new int[] {10, 4, 4}, assertInstanceOf(FlattenSpec.class, spec.layers().get(3)).inputShape());
        Model m = ModelFactory.build(spec, 1L);
        assertEquals(760 + 160 * 10 + 10, m.parameterCount(), "the conv's 760, then 160 inputs × 10 units + 10");
        int[] sizes = m.layers().stream().mapToInt(l -> l.outputSize()).toArray();
        assertArrayEquals(new int[] {10 * 32 * 32, 10 * 16 * 16, 10 * 4 * 4, 160, 10}, sizes);
    }

    @Test
    void writtenAndReadBackItIsTheSameFile() throws Exception {
        NetworkSpec spec = SpecReader.parse(net("[1, 4, 4]",
                "{\"type\": \"conv2d\", \"filters\": 1, \"kernel\": 2, \"stride\": 2, \"activation\": \"tanh\","
                        + " \"weights\": [[[[1, 2], [3, 4]]]], \"bias\": [0.5]},"
                        + "{\"type\": \"flatten\"}," + HEAD), "w.json");
        String json = SpecWriter.toJson(spec);
        assertEquals(json, SpecWriter.toJson(SpecReader.parse(json, "again.json")));
        Model m = ModelFactory.build(spec, 1L);
        NetworkSpec saved = SpecWriter.withWeights(spec, m);
        Conv2dSpec c = (Conv2dSpec) saved.layers().get(0);
        assertArrayEquals(new float[] {3, 4}, c.weights()[0][0][1]);
        assertArrayEquals(new float[] {0.5f}, c.bias());
    }

    @Test
    void theSameSeedDrawsTheSameFilters() throws Exception {
        NetworkSpec spec = SpecReader.parse(net("[1, 8, 8]", "{\"type\": \"conv2d\", \"filters\": 4, \"kernel\": 3}, {\"type\": \"flatten\"}," + HEAD), "s.json");
        Conv2dSpec a = (Conv2dSpec) SpecWriter.withWeights(spec, ModelFactory.build(spec, 9L)).layers().get(0);
        Conv2dSpec b = (Conv2dSpec) SpecWriter.withWeights(spec, ModelFactory.build(spec, 9L)).layers().get(0);
        assertEquals(SpecWriter.toJson(spec.withLayers(java.util.List.of(a))), SpecWriter.toJson(spec.withLayers(java.util.List.of(b))));
        double bound = Math.sqrt(6.0 / 9);
        for (float[][][] f : a.weights()) for (float[] row : f[0]) for (float v : row) assertEquals(0, v, bound, "He-uniform: |w| ≤ √(6 / fan_in)");
    }

    static Stream<Arguments> refused() {
        String conv = "{\"type\": \"conv2d\", \"filters\": 6, \"kernel\": 5}";
        return Stream.of(
                Arguments.of("an image into a dense layer first", net("[1, 28, 28]", HEAD),
                        "net.json: $.input.shape: a shape [channels, height, width] is for images, and the first layer is a dense layer; "
                                + "start with a conv2d, maxpool, avgpool or flatten layer, or give a vector shape such as [784]"),
                Arguments.of("dense straight after pooling", net("[1, 28, 28]", conv + ", {\"type\": \"maxpool\", \"id\": \"pool1\"}, " + HEAD),
                        "net.json: $.layers[2].type: a dense layer reads vectors, and its input 'pool1' is an image [6, 12, 12] "
                                + "(channels, height, width); add a flatten layer first"),
                Arguments.of("a convolution of a vector", net("[784]", conv + ", {\"type\": \"flatten\"}, " + HEAD),
                        "net.json: $.layers[0].type: a conv2d layer reads images [channels, height, width], and the network's input is a vector of 784; "
                                + "give the input shape as [channels, height, width], e.g. [1, 28, 28]"),
                Arguments.of("a convolution after flatten", net("[1, 28, 28]", "{\"type\": \"flatten\"}, " + conv + ", " + HEAD),
                        "net.json: $.layers[1].type: a conv2d layer reads images [channels, height, width], and its input 'flatten1' is a vector of 784; "
                                + "convolution and pooling layers go before the flatten and dense layers"),
                Arguments.of("a stride that does not divide", net("[1, 28, 28]", conv.replace("}", ", \"stride\": 2}") + ", {\"type\": \"flatten\"}, " + HEAD),
                        "net.json: $.layers[0]: (28 + 2·0 − 5) / 2 + 1 = 12.5 is not a whole number: the kernel does not fit; try stride 1 or a kernel of 6"),
                Arguments.of("a window that does not divide the width", net("[1, 28, 27]", "{\"type\": \"maxpool\"}, {\"type\": \"flatten\"}, " + HEAD),
                        "net.json: $.layers[0]: along the width, (27 − 2) / 2 + 1 = 13.5 is not a whole number: the window does not fit; try stride 1 or a window of 3"),
                Arguments.of("a kernel larger than the image", net("[1, 4, 4]", conv + ", {\"type\": \"flatten\"}, " + HEAD),
                        "net.json: $.layers[0]: (4 + 2·0 − 5) / 1 + 1 = 0 is below 1: the 5×5 kernel is larger than the input side of 4; "
                                + "use a kernel of at most 4 or more padding"),
                Arguments.of("padding as large as the kernel", net("[1, 28, 28]", conv.replace("}", ", \"padding\": 5}") + ", {\"type\": \"flatten\"}, " + HEAD),
                        "net.json: $.layers[0].padding: padding 5 with a 5×5 kernel puts outputs where the kernel sees only zeros; use padding 0 to 4"),
                Arguments.of("softmax in a convolution", net("[1, 28, 28]", conv.replace("}", ", \"activation\": \"softmax\"}") + ", {\"type\": \"flatten\"}, " + HEAD),
                        "net.json: $.layers[0].activation: softmax is for a dense output layer (a conv2d layer takes identity, step, sigmoid, tanh, relu, "
                                + "leaky_relu, elu, softplus)"),
                Arguments.of("filters with the wrong number of channels", net("[3, 8, 8]",
                                "{\"type\": \"conv2d\", \"filters\": 1, \"kernel\": 1, \"weights\": [[[1], [2]]]}, {\"type\": \"flatten\"}, " + HEAD),
                        "net.json: $.layers[0].weights[0]: expected 3 kernels of 1×1 (one per input channel), found an array of 2"),
                Arguments.of("a kernel row too short", net("[1, 8, 8]",
                                "{\"type\": \"conv2d\", \"filters\": 1, \"kernel\": 2, \"weights\": [[[[1, 2], [3]]]]}, {\"type\": \"flatten\"}, " + HEAD),
                        "net.json: $.layers[0].weights[0][0][1]: expected 2 numbers, found 1"),
                Arguments.of("too many filters", net("[1, 8, 8]", "{\"type\": \"conv2d\", \"filters\": 257, \"kernel\": 1}, {\"type\": \"flatten\"}, " + HEAD),
                        "net.json: $.layers[0].filters: 257 is over the limit of 256"),
                Arguments.of("too many channels", net("[300, 8, 8]", "{\"type\": \"flatten\"}, " + HEAD),
                        "net.json: $.input.shape[0]: 300 channels is over the limit of 256"),
                Arguments.of("an output too large", net("[1, 512, 512]", "{\"type\": \"conv2d\", \"filters\": 32, \"kernel\": 1}, {\"type\": \"flatten\"}, " + HEAD),
                        "net.json: $.layers[0]: the output 32×512×512 holds 8388608 numbers per sample, over the limit of 4194304; use fewer filters or a larger stride"),
                Arguments.of("a convolution that would take too long", net("[256, 32, 32]",
                                "{\"type\": \"conv2d\", \"filters\": 256, \"kernel\": 31, \"padding\": 15}, {\"type\": \"flatten\"}, " + HEAD),
                        "net.json: $.layers[0]: one sample takes 64491618304 multiply-adds in this layer (256 filters × 32×32 outputs × 256 channels × 31×31), "
                                + "over the limit of 1073741824; use fewer filters, a smaller kernel or a larger stride"),
                Arguments.of("rank 4", net("[1, 1, 28, 28]", HEAD),
                        "net.json: $.input.shape: networks take a vector such as [2], a sequence [steps, features] such as [20, 1] or an image "
                                + "[channels, height, width] such as [1, 28, 28]; a shape of rank 4 is not supported"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedWithTheFileThePathAndOneSentence(String what, String json, String message) {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(json, "net.json"), what);
        assertEquals(message, e.getMessage(), what);
    }
}
