package backprop.engine.layers.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import backprop.engine.data.SequenceData;
import backprop.engine.data.SequenceDatasets;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.SpecReader;
import backprop.engine.trace.LayerTrace;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The trace's pre-activations ("pre.f", …) are what the gate's σ or the candidate's tanh was
 * applied to: the recurrent view prints "f_t = σ(0.42) = 0.603" from them, so σ(pre.f) must be
 * f to the last bit. A forced gate keeps its computed pre-activation and reports the forced value.
 */
class RecurrentPreActivationTest {

    static LayerTrace trace(String cell, Map<String, Float> forced) throws Exception {
        var m = ModelFactory.build(SpecReader.parse("""
                {"format": "backprop-studio.network", "version": 1, "input": {"shape": [5, 1]}, "loss": "binary_cross_entropy", "seed": 3,
                 "layers": [{"type": "%s", "units": 3}, {"type": "dense", "units": 1, "activation": "sigmoid"}]}
                """.formatted(cell), "pre.json"));
        SequenceData data = SequenceDatasets.rememberFirstBit(4, 5, 7);
        Trainer t = new Trainer(m, TrainConfig.defaults());
        t.setForcedGates(forced);
        return t.trace(data.inputsTensor(), data.targetsTensor()).layers().get(0);
    }

    @Test
    void lstmGatesAreTheirPreActivationsSquashed() throws Exception {
        LayerTrace l = trace("lstm", Map.of());
        for (String g : new String[] {"i", "f", "o"}) check(l, "pre." + g, g, true);
        check(l, "pre.c", "c_tilde", false);
    }

    @Test
    void gruGatesAndCandidateAreTheirPreActivationsSquashed() throws Exception {
        LayerTrace l = trace("gru", Map.of());
        check(l, "pre.z", "z", true);
        check(l, "pre.r", "r", true);
        check(l, "pre.h", "h_tilde", false);
    }

    @Test
    void theRnnKeepsItsOwnPreActivationA() throws Exception {
        LayerTrace l = trace("rnn", Map.of());
        assertNull(l.tensor("pre.h"));
        check(l, "a", "h", false);
    }

    @Test
    void aForcedGateReportsItsValueButKeepsItsPreActivation() throws Exception {
        LayerTrace l = trace("lstm", Map.of("f", 1f, "i", 0f));
        float[] f = l.tensor("f").data(), i = l.tensor("i").data(), c = l.tensor("c").data();
        assertNotNull(l.tensor("pre.f"));
        for (int k = 0; k < f.length; k++) {
            assertEquals(1f, f[k]);
            assertEquals(0f, i[k]);
            assertEquals(0f, c[k]);   // c_0 = 0, nothing written in, nothing lost
        }
    }

    private static void check(LayerTrace l, String preKey, String key, boolean sigmoid) {
        float[] pre = l.tensor(preKey).data(), v = l.tensor(key).data();
        assertEquals(v.length, pre.length);
        for (int k = 0; k < v.length; k++) {
            float expect = sigmoid ? Nonlinear.sigmoid(pre[k]) : Nonlinear.tanh(pre[k]);
            assertEquals(expect, v[k], 0f, preKey + " at " + k);
        }
    }
}
