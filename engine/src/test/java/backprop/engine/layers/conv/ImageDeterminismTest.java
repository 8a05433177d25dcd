package backprop.engine.layers.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import backprop.engine.data.Dataset;
import backprop.engine.data.MnistDigits;
import backprop.engine.models.BuiltinModels;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.tensor.Tensor;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A CNN trained twice from the same seed ends with the same weights, bit for bit; another seed does not. */
class ImageDeterminismTest {

    private static List<int[]> weightBits(long seed) throws Exception {
        NetworkSpec spec = BuiltinModels.spec("cnn-small");
        Model model = ModelFactory.build(spec, seed);
        Trainer trainer = new Trainer(model, TrainConfig.from(spec.training(), seed));
        Dataset few = MnistDigits.builtin().train().subset(IntStream.range(0, 256).toArray());
        trainer.epoch(few); // 8 shuffled minibatches of 32
        List<int[]> bits = new ArrayList<>();
        for (Tensor t : model.snapshot()) {
            int[] b = new int[t.size()];
            for (int i = 0; i < b.length; i++) b[i] = Float.floatToIntBits(t.data()[i]);
            bits.add(b);
        }
        return bits;
    }

    @Test
    void sameSeedSameWeights() throws Exception {
        List<int[]> a = weightBits(7L), b = weightBits(7L), c = weightBits(8L);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i), b.get(i), "parameter " + i);
        assertFalse(java.util.Arrays.equals(a.get(0), c.get(0)), "another seed draws other filters");
    }
}
