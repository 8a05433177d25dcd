package backprop.engine.layers.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import backprop.engine.autodiff.Ops;
import backprop.engine.autodiff.Var;
import backprop.engine.layers.conv.ConvArithmetic.ReceptiveField;
import backprop.engine.layers.conv.ConvArithmetic.Region;
import backprop.engine.layers.conv.ConvArithmetic.Window;
import backprop.engine.layers.pool.Pool2d;
import backprop.engine.layers.pool.PoolType;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Pass;
import backprop.engine.nn.SingleInputLayer;
import backprop.engine.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The size arithmetic against the lectures' worked examples, and the receptive field against real gradients. */
class ConvArithmeticTest {

    @Test
    void tenFiveByFiveFiltersWithPaddingTwoKeepA32By32Image() {
        assertArrayEquals(new int[] {10, 32, 32}, ConvArithmetic.convOutput(new int[] {3, 32, 32}, 10, new Window(5, 1, 2)));
        assertEquals(760, ConvArithmetic.convParameters(3, 10, 5), "each filter 5·5·3 + 1 = 76");
    }

    @Test
    void oneByOneFiltersChangeOnlyTheDepth() {
        assertArrayEquals(new int[] {32, 56, 56}, ConvArithmetic.convOutput(new int[] {64, 56, 56}, 32, new Window(1, 1, 0)));
        assertEquals(32 * 64 + 32, ConvArithmetic.convParameters(64, 32, 1));
    }

    @Test
    void poolingShrinksEachMapAndKeepsTheChannels() {
        assertArrayEquals(new int[] {6, 14, 14}, ConvArithmetic.poolOutput(new int[] {6, 28, 28}, new Window(2, 2, 0)));
        assertArrayEquals(new int[] {6, 13, 13}, ConvArithmetic.poolOutput(new int[] {6, 27, 27}, new Window(3, 2, 0)));
    }

    /** Input side, window (K, S, P), noun, and the sentence the reader shows; null: it fits. */
    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of(28, new Window(5, 2, 0), "kernel",
                        "(28 + 2·0 − 5) / 2 + 1 = 12.5 is not a whole number: the kernel does not fit; try stride 1 or a kernel of 6"),
                Arguments.of(28, new Window(5, 3, 0), "kernel",
                        "(28 + 2·0 − 5) / 3 + 1 = 8.67 is not a whole number: the kernel does not fit; try stride 1 or padding 2"),
                Arguments.of(27, new Window(2, 2, 0), "window",
                        "(27 − 2) / 2 + 1 = 13.5 is not a whole number: the window does not fit; try stride 1 or a window of 3"),
                Arguments.of(3, new Window(5, 1, 0), "kernel",
                        "(3 + 2·0 − 5) / 1 + 1 = −1 is below 1: the 5×5 kernel is larger than the input side of 3; use a kernel of at most 3 or more padding"),
                Arguments.of(3, new Window(7, 2, 1), "kernel",
                        "(3 + 2·1 − 7) / 2 + 1 = 0 is below 1: the 7×7 kernel is larger than the padded input side of 5; use a kernel of at most 5 or more padding"),
                Arguments.of(5, new Window(5, 3, 0), "kernel", null)); // exactly one position fits
    }

    @ParameterizedTest
    @MethodSource("problems")
    void aWindowThatDoesNotFitIsExplainedWithTheFormula(int side, Window w, String noun, String sentence) {
        assertEquals(sentence, ConvArithmetic.problem(side, w, noun));
        if (sentence != null) assertThrows(IllegalArgumentException.class, () -> ConvArithmetic.outputSide(side, w));
    }

    @Test
    void receptiveFieldsGrowByKMinusOnePerLayerAndMultiplyWithStride() {
        Window conv3 = new Window(3, 1, 1);
        assertEquals(5, ReceptiveField.of(List.of(conv3, conv3)).size(), "two 3×3 layers see 5×5");
        assertEquals(7, ReceptiveField.of(List.of(conv3, conv3, conv3)).size(), "three see 7×7, like one 7×7");
        // LeNet: 5×5 pad 2, pool 2, 5×5: 5, then 6 (jump 2), then 6 + 4·2 = 14
        ReceptiveField lenet = ReceptiveField.of(List.of(new Window(5, 1, 2), new Window(2, 2, 0), new Window(5, 1, 0)));
        assertEquals(new ReceptiveField(14, 2, -2), lenet);
        assertEquals(new Region(0, 0, 11, 11), lenet.region(0, 0, 28, 28), "the corner unit's field reaches into the padding");
        assertEquals(new Region(6, 10, 19, 23), lenet.region(4, 6, 28, 28));
    }

    @Test
    void theFieldOfALayerInANetworkFileFollowsItsPathFromTheInput() throws Exception {
        backprop.engine.spec.NetworkSpec lenet = backprop.engine.models.BuiltinModels.spec("lenet");
        assertEquals(new ReceptiveField(5, 1, -2), ReceptiveField.of(lenet, 0), "conv1: 5×5, padding 2");
        assertEquals(new ReceptiveField(6, 2, -2), ReceptiveField.of(lenet, 1), "pool1");
        assertEquals(new ReceptiveField(14, 2, -2), ReceptiveField.of(lenet, 2), "conv2");
        assertEquals(new ReceptiveField(16, 4, -2), ReceptiveField.of(lenet, 3), "pool2: each of its 5×5 units sees 16×16 pixels");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReceptiveField.of(lenet, 5));
        assertEquals("layer fc1 is a dense layer: only conv2d and pooling units have a receptive field smaller than the input", e.getMessage());
    }

    /**
     * The region the arithmetic names is exactly the set of input pixels whose gradient reaches
     * the unit, found by backprop from that one unit through a conv-pool-conv stack with
     * positive weights (so no path cancels) and average pooling (so every window input counts).
     */
    @Test
    void theRegionIsWhereTheGradientOfOneUnitReachesTheInput() {
        int[] image = {1, 14, 14};
        Conv2d c1 = conv("c1", image, 2, 3, 1, 1);
        Pool2d p = new Pool2d("p", PoolType.AVG, c1.outputShape(), 2, 2);
        Conv2d c2 = conv("c2", p.outputShape(), 2, 3, 2, 0);
        List<SingleInputLayer> stack = List.of(c1, p, c2);
        ReceptiveField field = ReceptiveField.of(List.of(new Window(3, 1, 1), new Window(2, 2, 0), new Window(3, 2, 0)));
        int[] out = c2.outputShape();
        for (int row = 0; row < out[1]; row++)
            for (int col = 0; col < out[2]; col++) {
                Var x = Var.param(new Tensor(new float[196], 1, 196), "x");
                Var y = x;
                for (Layer l : stack) y = ((SingleInputLayer) l).forward(y, Pass.inference());
                float[] pick = new float[y.value().size()];
                pick[row * out[2] + col] = 1f; // channel 0, unit (row, col)
                Ops.sum(Ops.mul(y, Var.constant(new Tensor(pick, y.shape())))).backward();
                Region r = field.region(row, col, 14, 14);
                float[] g = x.grad().data();
                for (int i = 0; i < 14; i++)
                    for (int j = 0; j < 14; j++) {
                        boolean inside = i >= r.top() && i <= r.bottom() && j >= r.left() && j <= r.right();
                        assertEquals(inside, g[i * 14 + j] != 0f, "unit (" + row + ", " + col + "), pixel (" + i + ", " + j + "), region " + r);
                    }
            }
    }

    private static Conv2d conv(String name, int[] in, int filters, int k, int stride, int padding) {
        float[] w = new float[filters * in[0] * k * k];
        Arrays.fill(w, 0.5f);
        return new Conv2d(name, in, new Tensor(w, filters, in[0], k, k), Tensor.zeros(filters), stride, padding,
                backprop.engine.autodiff.Activation.IDENTITY);
    }
}
