package backprop.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.engine.autodiff.Activation;
import backprop.engine.autodiff.Ops;
import backprop.engine.autodiff.Var;
import backprop.engine.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The trace's g′ fast paths give the activations' definitions' floats bit for bit, edge values included. */
class TracesGPrimeTest {
    private static final float[] EDGES = {0f, -0f, 1e-45f, -1e-45f, 1f, -1f, 40f, -40f, 1e30f, -1e30f,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};

    @Test
    void everyActivationsGPrimeEqualsItsDefinition() {
        Random r = new Random(7);
        float[] a = new float[1000 + EDGES.length];
        for (int i = 0; i < 1000; i++) a[i] = (float) (r.nextGaussian() * 4);
        System.arraycopy(EDGES, 0, a, 1000, EDGES.length);
        for (String id : Activation.NAMES) {
            Activation g = Activation.byName(id, Float.NaN);
            Var aNode = Var.constant(new Tensor(a.clone(), 1, a.length));
            Var zNode = Ops.activate(aNode, g);
            float[] shown = Traces.gPrime(g, aNode, zNode).data();
            float[] z = zNode.value().data();
            for (int i = 0; i < a.length; i++) {
                float want = id.equals("softmax") ? z[i] * (1f - z[i]) : g.derivative(a[i], z[i]);
                assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(shown[i]), id + " at a = " + a[i]);
            }
        }
    }
}
