package backprop.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.engine.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decks' worked examples of the computational graph and the chain rule, exactly. */
class AutodiffTest {

    private static Var scalar(float v, String label) {
        return Var.param(Tensor.scalar(v), label);
    }

    @Test
    void decksGraphSumsTheGradientOverBothPathsThroughB() {
        // e = (a + b)(b + 1), c = a + b, d = b + 1, at a = 2, b = 1
        Var a = scalar(2f, "a"), b = scalar(1f, "b");
        Var c = Ops.add(a, b);
        Var d = Ops.addConst(b, 1f);
        Var e = Ops.mul(c, d);
        assertEquals(3f, c.value().item());
        assertEquals(2f, d.value().item());
        assertEquals(6f, e.value().item());
        e.backward();
        assertEquals(1f, e.grad().item());
        assertEquals(2f, c.grad().item(), "∂e/∂c = d");
        assertEquals(3f, d.grad().item(), "∂e/∂d = c");
        assertEquals(2f, a.grad().item(), "∂e/∂a = ∂e/∂c · 1 = d");
        assertEquals(5f, b.grad().item(), "∂e/∂b = d + c: both paths summed");
    }

    @Test
    void tapeListsEveryNodeAfterItsInputs() {
        Var a = scalar(2f, "a"), b = scalar(1f, "b");
        Var c = Ops.add(a, b), d = Ops.addConst(b, 1f), e = Ops.mul(c, d);
        List<Var> order = Tape.of(e).nodes();
        assertEquals(5, order.size(), "b is shared: it appears once");
        assertEquals(e, order.get(order.size() - 1));
        for (Var v : order) {
            for (Var p : v.parents) assertEquals(true, order.indexOf(p) < order.indexOf(v), p + " after " + v);
        }
    }

    @Test
    void chainRuleThroughExp() {
        // y = w2 · exp(w1 · x): ∂y/∂w2 = exp(w1 x), ∂y/∂w1 = w2 · exp(w1 x) · x
        float x = 1.5f, w1v = 0.4f, w2v = -2f;
        Var w1 = scalar(w1v, "w1"), w2 = scalar(w2v, "w2");
        Var y = Ops.mul(w2, Ops.exp(Ops.scale(w1, x)));
        double ex = Math.exp(w1v * x);
        assertEquals(w2v * ex, y.value().item(), 1e-6);
        y.backward();
        assertEquals(ex, w2.grad().item(), 1e-6);
        assertEquals(w2v * ex * x, w1.grad().item(), 1e-5);
    }

    @Test
    void parameterGradientsAccumulateAcrossBackwardPassesUntilZeroed() {
        Var w = scalar(3f, "w");
        Var y = Ops.mul(w, w); // dy/dw = 2w = 6
        y.backward();
        assertEquals(6f, w.grad().item());
        Tape.of(y).backward();
        assertEquals(12f, w.grad().item(), "a parameter keeps adding until the trainer zeroes it");
        w.zeroGrad();
        y.backward();
        assertEquals(6f, w.grad().item());
    }

    @Test
    void stepPassesZeroGradientOnBothSides() {
        Var a = Var.param(Tensor.vector(-2f, -0.3f, 0.3f, 2f), "a");
        Var z = Ops.activate(a, Activation.STEP);
        assertArrayEquals(new float[] {0, 0, 1, 1}, z.value().data());
        Ops.sum(z).backward();
        assertArrayEquals(new float[] {0, 0, 0, 0}, a.grad().data());
    }

    @Test
    void reluPassesNoGradientThroughAnInactiveUnit() {
        Var a = Var.param(Tensor.vector(-1f, 0f, 2f), "a");
        Ops.sum(Ops.activate(a, Activation.RELU)).backward();
        assertArrayEquals(new float[] {0, 0, 1}, a.grad().data(), "dead units stay dead: g'(a ≤ 0) = 0");
    }

    @Test
    void biasGradientIsTheSumOverTheRowsItWasBroadcastTo() {
        Var x = Var.param(Tensor.matrix(new float[][] {{1, 2}, {3, 4}, {5, 6}}), "x");
        Var b = Var.param(Tensor.vector(10, 20), "b");
        Var y = Ops.sub(x, b);
        assertArrayEquals(new float[] {-9, -18, -7, -16, -5, -14}, y.value().data());
        Ops.sum(y).backward();
        assertArrayEquals(new float[] {-3, -3}, b.grad().data());
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1}, x.grad().data());
    }

    @Test
    void activationsMatchTheirFormulas() {
        assertEquals(0.5f, Activation.SIGMOID.apply(0f));
        assertEquals(0.25f, Activation.SIGMOID.derivative(0f), "g'(0) = g(0)(1 − g(0))");
        assertEquals(-0.02f, Activation.leakyRelu(0.01f).apply(-2f), 1e-9f);
        assertEquals(0.01f, Activation.leakyRelu(0.01f).derivative(-2f), 1e-9f);
        assertEquals(Math.expm1(-1.0), Activation.ELU.apply(-1f), 1e-6);
        assertEquals(Math.log(2.0), Activation.SOFTPLUS.apply(0f), 1e-6);
        assertEquals((float) Math.tanh(0.7), Activation.TANH.apply(0.7f), 1e-7f);
    }

    @Test
    void softmaxRowsSumToOne() {
        Var a = Var.param(Tensor.matrix(new float[][] {{1, 2, 3}, {1000, 1000, 1000}}), "a");
        float[] p = Ops.softmax(a).value().data();
        assertEquals(1f, p[0] + p[1] + p[2], 1e-6f);
        assertEquals(1f / 3, p[4], 1e-6f, "large logits do not overflow");
        assertEquals(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3)), p[2], 1e-6);
    }
}
