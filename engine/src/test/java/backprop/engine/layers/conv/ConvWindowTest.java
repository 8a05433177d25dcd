package backprop.engine.layers.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.autodiff.Activation;
import backprop.engine.data.MnistDigits;
import backprop.engine.models.BuiltinModels;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.tensor.Tensor;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.StepTrace;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import org.junit.jupiter.api.Test;

/** One window written out term by term: by hand on a tiny image, and against the layer's own a and z. */
class ConvWindowTest {
    @Test
    void termsOfOneWindowByHandWithPadding() {
        float[] image = {1, 2, 3, 4}; // 1×2×2
        float[] w = {1, 0, -1, 2}; // one 2×2 filter
        ConvWindow cw = ConvWindow.at(image, new int[] {1, 2, 2}, w, new float[] {0.5f}, 0, 0, 0, new ConvArithmetic.Window(2, 1, 1), Activation.RELU);
        // The window at (0, 0) with padding 1 covers padding, padding / padding, pixel (0,0).
        assertArrayEquals(new float[] {0, 0, 0, 1}, cw.inputs());
        assertArrayEquals(new boolean[] {true, true, true, false}, cw.padded());
        assertArrayEquals(new float[] {0, 0, 0, 2}, cw.products(), 0f); // 0 · (−1) is −0: equal as numbers
        assertEquals(2f, cw.sum());
        assertEquals(2.5f, cw.a());
        assertEquals(2.5f, cw.z());
    }

    @Test
    void everyWindowOfTheFirstLayerMatchesItsTrace() throws Exception {
        NetworkSpec spec = BuiltinModels.spec("cnn-small");
        Model model = ModelFactory.build(spec, 7L);
        MnistDigits d = MnistDigits.builtin();
        float[] x = d.image(d.trainSize());
        float[] y = new float[10];
        y[d.label(d.trainSize())] = 1f;
        StepTrace t = new Trainer(model, TrainConfig.defaults()).trace(new Tensor(x, 1, 784), new Tensor(y, 1, 10));
        LayerTrace conv = t.layers().get(0);
        float[] a = conv.tensor("a").data(), z = conv.tensor("z").data();
        Conv2dSpec c = (Conv2dSpec) spec.layers().get(0);
        for (int f = 0; f < c.filters(); f++) {
            for (int p = 0; p < 28; p++) {
                for (int q = 0; q < 28; q++) {
                    ConvWindow cw = ConvWindow.at(x, new int[] {1, 28, 28}, conv.tensor("weights").data(), conv.bias(), f, p, q, c.window(), Activation.RELU);
                    int i = (f * 28 + p) * 28 + q;
                    assertEquals(a[i], cw.a(), 1e-5, "a at filter " + f + " (" + p + ", " + q + ")");
                    assertEquals(z[i], cw.z(), 1e-5);
                }
            }
        }
    }

    @Test
    void refusesAPositionOutsideTheOutput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConvWindow.at(new float[4], new int[] {1, 2, 2},
                new float[4], new float[1], 0, 1, 0, new ConvArithmetic.Window(2, 1, 0), Activation.RELU));
        assertTrue(e.getMessage().contains("outside the 1×1 output"), e.getMessage());
    }
}
