package backprop.engine.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Multiply-adds and parameters per layer against figures worked out by hand. */
class LayerCostsTest {
    private static LayerCosts costs(String input, String layers, String loss) throws SpecException {
        return LayerCosts.of(SpecReader.parse("{\"format\": \"backprop-studio.network\", \"version\": 1, \"input\": {\"shape\": " + input
                + "}, \"layers\": [" + layers + "], \"loss\": \"" + loss + "\"}", "costs.json"));
    }

    @Test
    void denseIsInputsTimesUnits() throws Exception {
        LayerCosts c = costs("[784]", "{\"type\": \"dense\", \"units\": 128, \"activation\": \"relu\"}, {\"type\": \"dense\", \"units\": 10, \"activation\": \"softmax\"}",
                "cross_entropy");
        assertEquals(784L * 128, c.layers().get(0).multiplyAdds()); // 100,352
        assertEquals(100_352L, c.layers().get(0).multiplyAdds());
        assertEquals(1_280L, c.layers().get(1).multiplyAdds());
        assertEquals(100_352L + 1_280, c.multiplyAdds());
        assertEquals(784L * 128 + 128 + 1_290, c.parameters());
    }

    @Test
    void convIsOutputsTimesKernelVolume() throws Exception {
        // 32×32×3, ten 5×5 filters, padding 2: the output stays 32×32, each of its 10·32·32
        // values sums 5·5·3 = 75 products: 768,000.
        LayerCosts c = costs("[3, 32, 32]", "{\"type\": \"conv2d\", \"filters\": 10, \"kernel\": 5, \"padding\": 2, \"activation\": \"relu\"},"
                + "{\"type\": \"maxpool\", \"size\": 2}, {\"type\": \"flatten\"}, {\"type\": \"dense\", \"units\": 1, \"activation\": \"sigmoid\"}",
                "binary_cross_entropy");
        assertArrayEquals(new int[] {10, 32, 32}, c.layers().get(0).outputShape());
        assertEquals(768_000L, c.layers().get(0).multiplyAdds());
        assertEquals(760L, c.layers().get(0).parameters());
        assertEquals(0L, c.layers().get(1).multiplyAdds()); // pooling has no weights
        assertEquals(0L, c.layers().get(2).multiplyAdds());
        assertEquals(10L * 16 * 16, c.layers().get(3).multiplyAdds());
    }

    @Test
    void maxoutCountsEveryPiece() throws Exception {
        LayerCosts c = costs("[5]", "{\"type\": \"maxout\", \"units\": 4, \"pieces\": 3}, {\"type\": \"dense\", \"units\": 1, \"activation\": \"sigmoid\"}",
                "binary_cross_entropy");
        assertEquals(5L * 4 * 3, c.layers().get(0).multiplyAdds());
    }

    @Test
    void recurrentLayersCountEveryStep() throws Exception {
        // LSTM, 3 inputs, H = 4, T = 5: per step 4 blocks of x·U (3·4) and h·W (4·4) = 4·28 = 112,
        // so 560 for the sequence; the dense layer after it runs at each step too: 4·1·5 = 20.
        LayerCosts lstm = costs("[5, 3]", "{\"type\": \"lstm\", \"units\": 4}, {\"type\": \"dense\", \"units\": 1, \"activation\": \"sigmoid\"}",
                "binary_cross_entropy");
        assertEquals(5, lstm.steps());
        assertEquals(560L, lstm.layers().get(0).multiplyAdds());
        assertEquals(20L, lstm.layers().get(1).multiplyAdds());
        assertEquals(580L, lstm.multiplyAdds());
        // A vanilla RNN has one block: (3·4 + 4·4)·5 = 140; a GRU three: 420.
        assertEquals(140L, costs("[5, 3]", "{\"type\": \"rnn\", \"units\": 4}, {\"type\": \"dense\", \"units\": 1, \"activation\": \"sigmoid\"}",
                "binary_cross_entropy").layers().get(0).multiplyAdds());
        assertEquals(420L, costs("[5, 3]", "{\"type\": \"gru\", \"units\": 4}, {\"type\": \"dense\", \"units\": 1, \"activation\": \"sigmoid\"}",
                "binary_cross_entropy").layers().get(0).multiplyAdds());
    }

    @Test
    void layersWithoutWeightsCostNothing() throws Exception {
        LayerCosts c = costs("[6]", "{\"type\": \"dense\", \"units\": 6, \"activation\": \"relu\"}, {\"type\": \"dropout\", \"rate\": 0.5},"
                + "{\"type\": \"add\", \"from\": [\"input\", \"dropout2\"]}, {\"type\": \"dense\", \"units\": 1, \"activation\": \"sigmoid\"}",
                "binary_cross_entropy");
        assertEquals(0L, c.layers().get(1).multiplyAdds());
        assertEquals(0L, c.layers().get(2).multiplyAdds());
        assertEquals(36L + 6, c.multiplyAdds());
    }
}
