package backprop.engine.layers.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import backprop.engine.backend.java.Lanes;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.SpecReader;
import backprop.engine.tensor.Tensor;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An LSTM trained with its per-sample loops split over 2 or 3 lanes ends bit for bit where one
 * lane ends: every loss and every weight. Splitting only decides which thread runs a sample.
 */
class RecurrentLanesTest {
    private final int before = Lanes.count();

    @AfterEach
    void restore() { Lanes.setCount(before); }

    @Test
    void lstmTrainingIsBitIdenticalOnOneTwoAndThreeLanes() throws Exception {
        int[] one = train(1), two = train(2), three = train(3);
        assertArrayEquals(one, two);
        assertArrayEquals(one, three);
        assertNotEquals(0, one.length);
    }

    /** Losses of 4 steps, then every weight, as float bits. */
    private static int[] train(int lanes) throws Exception {
        Lanes.setCount(lanes);
        int chars = 20, units = 24, steps = 12, batch = 7;
        Model m = ModelFactory.build(SpecReader.parse("""
                {"format": "backprop-studio.network", "version": 1, "input": {"shape": [%d, %d]}, "loss": "cross_entropy", "seed": 3,
                 "layers": [{"type": "lstm", "units": %d}, {"type": "dense", "units": %d, "activation": "softmax"}]}
                """.formatted(steps, chars, units, chars), "lanes.json"));
        Random r = new Random(9);
        float[] x = new float[batch * steps * chars], y = new float[batch * steps * chars];
        for (int row = 0; row < batch * steps; row++) {
            x[row * chars + r.nextInt(chars)] = 1f;
            y[row * chars + r.nextInt(chars)] = 1f;
        }
        Trainer t = new Trainer(m, TrainConfig.defaults().withLearningRate(0.5f));
        List<Integer> bits = new ArrayList<>();
        for (int step = 0; step < 4; step++) bits.add(Float.floatToRawIntBits(t.step(new Tensor(x, batch, steps, chars), new Tensor(y, batch, steps, chars))));
        for (Tensor w : m.snapshot()) for (float v : w.data()) bits.add(Float.floatToRawIntBits(v));
        return bits.stream().mapToInt(Integer::intValue).toArray();
    }
}
