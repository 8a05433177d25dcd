package backprop.nativekernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.autodiff.Activation;
import backprop.engine.backend.Backend;
import backprop.engine.backend.BackendProvider;
import backprop.engine.backend.Backends;
import backprop.engine.backend.ConvShape;
import backprop.engine.backend.JavaBackend;
import backprop.engine.backend.PoolShape;
import backprop.engine.layers.dense.Dense;
import backprop.engine.nn.Initializer;
import backprop.engine.nn.Loss;
import backprop.engine.nn.Model;
import backprop.engine.tensor.Tensor;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One suite, run against every backend (tinygrad's {@code TestOpsGPU(TestOps)}): each subclass
 * names a provider; an unavailable one is skipped with its reason printed. Every kernel, on
 * random shapes with odd sizes, transposes, offsets, strides and padding, must equal the Java
 * reference within {@link #TOLERANCE} per multiply-add summed (floats summed in another order,
 * or with FMA, differ in the last bits); pooling, which only compares and averages, exactly.
 */
abstract class BackendParityTest {
    /** |got − reference| ≤ TOLERANCE · (terms in the sum) + TOLERANCE · |reference|. */
    static final float TOLERANCE = 1e-6f;
    /** Losses after 100 steps of the same fixed-seed training agree to this relative error. */
    static final float TRAINING_TOLERANCE = 1e-4f;

    private final Backend reference = new JavaBackend();
    Backend backend;

    abstract BackendProvider provider();

    @BeforeEach
    void requireAvailable() {
        BackendProvider.Availability a = provider().probe();
        if (!a.available()) System.out.println("skipping " + provider().name() + " parity: " + a.reason());
        Assumptions.assumeTrue(a.available(), () -> provider().name() + " unavailable: " + a.reason());
        backend = provider().create();
    }

    @Test
    void gemmEqualsTheReferenceOnRandomShapesTransposesAndOffsets() {
        Random r = new Random(11);
        int[][] shapes = {{1, 1, 1}, {4, 2, 2}, {3, 5, 7}, {17, 33, 9}, {64, 10, 128}, {37, 53, 41}, {64, 128, 784}, {129, 65, 31}, {32, 512, 128}};
        for (int[] s : shapes)
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                int m = s[0], n = s[1], k = s[2];
                // Stored with padded rows and a leading offset, as a slice of a bigger array would be.
                int lda = (ta ? m : k) + r.nextInt(3), ldb = (tb ? k : n) + r.nextInt(3), ldc = n + r.nextInt(3);
                int aOff = r.nextInt(5), bOff = r.nextInt(5), cOff = r.nextInt(5);
                float[] a = random(r, aOff + (ta ? k : m) * lda), b = random(r, bOff + (tb ? n : k) * ldb), c0 = random(r, cOff + m * ldc);
                float alpha = t == 3 ? 0.5f : 1f, beta = t == 1 ? 0f : t == 2 ? 1f : 0.25f;
                float[] want = c0.clone(), got = c0.clone();
                reference.gemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, want, cOff, ldc);
                backend.gemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, got, cOff, ldc);
                assertClose(want, got, k, "gemm " + m + "×" + n + "×" + k + (ta ? " Aᵀ" : "") + (tb ? " Bᵀ" : ""));
            }
    }

    /** One time step of [N][T][·] arrays, as a recurrent layer multiplies it: rows T·width apart. */
    @Test
    void gemmOnOneTimeStepOfASequenceEqualsTheReference() {
        Random r = new Random(13);
        int n = 8, steps = 10, units = 24, width = 4 * units;
        float[] h = random(r, n * steps * units), w = random(r, units * width), act0 = random(r, n * steps * width);
        for (int t = 0; t < steps; t++) {
            float[] want = act0.clone(), got = act0.clone();
            reference.gemm(false, false, n, width, units, 1f, h, t * units, steps * units, w, 0, width, 1f, want, t * width, steps * width);
            backend.gemm(false, false, n, width, units, 1f, h, t * units, steps * units, w, 0, width, 1f, got, t * width, steps * width);
            assertClose(want, got, units, "h_t · W at step " + t);
            float[] dh = new float[n * units], dhWant = new float[n * units];
            reference.gemm(false, true, n, units, width, 1f, act0, t * width, steps * width, w, 0, width, 0f, dhWant, 0, units);
            backend.gemm(false, true, n, units, width, 1f, act0, t * width, steps * width, w, 0, width, 0f, dh, 0, units);
            assertClose(dhWant, dh, width, "dPre_t · Wᵀ at step " + t);
        }
    }

    /**
     * Products inside {@link Backend#holding} (W copied once for many steps) equal the same
     * products outside it bit for bit; once the hold ends a changed W is read afresh; a nested
     * hold of another array, and a product whose two operands are the held array, stay right.
     */
    @Test
    void productsWhileHoldingWEqualTheSameProductsWithout() {
        Random r = new Random(14);
        int n = 32, steps = 6, units = 128, width = 4 * units;
        float[] h = random(r, n * steps * units), w = random(r, units * width), act0 = random(r, n * steps * width);
        float[] free = act0.clone(), held = act0.clone(), dhFree = new float[n * steps * units], dhHeld = new float[n * steps * units];
        for (int t = 0; t < steps; t++) stepProducts(backend, h, w, free, dhFree, t, n, steps, units, width);
        backend.holding(w, () -> {
            for (int t = 0; t < steps; t++) stepProducts(backend, h, w, held, dhHeld, t, n, steps, units, width);
        });
        assertEquals(java.util.Arrays.toString(free), java.util.Arrays.toString(held), "h_t · W while holding W");
        assertEquals(java.util.Arrays.toString(dhFree), java.util.Arrays.toString(dhHeld), "dPre_t · Wᵀ while holding W");

        // The next hold of the same (changed) array copies it again; a nested hold ends without losing the outer one.
        for (int i = 0; i < w.length; i++) w[i] *= -0.5f;
        float[] want = act0.clone(), got = act0.clone(), other = random(r, units * width), wtw = new float[width * width], wtwWant = new float[width * width];
        reference.gemm(false, false, n, width, units, 1f, h, 0, steps * units, w, 0, width, 1f, want, 0, steps * width);
        reference.gemm(true, false, width, width, units, 1f, w, 0, width, w, 0, width, 0f, wtwWant, 0, width);
        backend.holding(w, () -> {
            backend.holding(other, () -> backend.gemm(false, false, n, width, units, 1f, h, 0, steps * units, other, 0, width, 0f, new float[n * width], 0, width));
            backend.gemm(false, false, n, width, units, 1f, h, 0, steps * units, w, 0, width, 1f, got, 0, steps * width);
            backend.gemm(true, false, width, width, units, 1f, w, 0, width, w, 0, width, 0f, wtw, 0, width);
        });
        assertClose(want, got, units, "h_0 · W after W changed between holds");
        assertClose(wtwWant, wtw, units, "Wᵀ · W with W held");
    }

    private static void stepProducts(Backend be, float[] h, float[] w, float[] act, float[] dh, int t, int n, int steps, int units, int width) {
        be.gemm(false, false, n, width, units, 1f, h, t * units, steps * units, w, 0, width, 1f, act, t * width, steps * width);
        be.gemm(false, true, n, units, width, 1f, act, t * width, steps * width, w, 0, width, 0f, dh, t * units, steps * units);
    }

    @Test
    void convolutionPassesEqualTheReference() {
        Random r = new Random(12);
        ConvShape[] shapes = {
            ConvShape.of(1, 1, 5, 5, 1, 3, 1, 0),
            ConvShape.of(2, 3, 9, 11, 8, 3, 1, 1),
            new ConvShape(3, 5, 13, 10, 16, 3, 2, 2, 1, 0, 1),
            ConvShape.of(2, 16, 12, 12, 32, 5, 1, 2),
            new ConvShape(1, 4, 7, 8, 6, 4, 3, 3, 2, 2, 1),
            ConvShape.of(16, 1, 28, 28, 6, 5, 1, 2),     // LeNet's first layer on a batch: one product for all
            ConvShape.of(20, 3, 64, 64, 4, 5, 1, 2),     // columns too wide for one product: two groups of images
        };
        for (ConvShape g : shapes) {
            float[] x = random(r, g.inputSize()), w = random(r, g.filterSize()), dy = random(r, g.outputSize());
            int terms = g.c() * g.r() * g.s();
            float[] want = new float[g.outputSize()], got = new float[g.outputSize()];
            reference.conv2dForward(g, x, w, want);
            backend.conv2dForward(g, x, w, got);
            assertClose(want, got, terms, "conv forward " + g);
            float[] dxWant = new float[g.inputSize()], dxGot = random(r, g.inputSize()); // stale values must be overwritten
            reference.conv2dBackwardData(g, dy, w, dxWant);
            backend.conv2dBackwardData(g, dy, w, dxGot);
            assertClose(dxWant, dxGot, g.k() * g.r() * g.s(), "conv backward data " + g);
            float[] dwWant = new float[g.filterSize()], dwGot = random(r, g.filterSize());
            reference.conv2dBackwardFilter(g, x, dy, dwWant);
            backend.conv2dBackwardFilter(g, x, dy, dwGot);
            assertClose(dwWant, dwGot, g.n() * g.outH() * g.outW(), "conv backward filter " + g);
        }
    }

    @Test
    void poolingEqualsTheReferenceExactly() {
        Random r = new Random(13);
        for (PoolShape g : new PoolShape[] {PoolShape.of(2, 3, 8, 8, 2, 2), PoolShape.of(1, 2, 7, 9, 3, 2), new PoolShape(3, 1, 6, 11, 2, 3, 1, 2)}) {
            float[] x = random(r, g.inputSize()), dy = random(r, g.outputSize());
            float[][] out = new float[4][];
            for (Backend b : List.of(reference, backend)) {
                float[] y = new float[g.outputSize()], dx = random(r, g.inputSize()), ya = new float[g.outputSize()], dxa = random(r, g.inputSize());
                b.maxPool2dForward(g, x, y);
                b.maxPool2dBackward(g, x, dy, dx);
                b.avgPool2dForward(g, x, ya);
                b.avgPool2dBackward(g, dy, dxa);
                if (b == reference) out = new float[][] {y, dx, ya, dxa};
                else {
                    assertTrue(java.util.Arrays.equals(out[0], y), "max pool forward " + g);
                    assertTrue(java.util.Arrays.equals(out[1], dx), "max pool backward " + g);
                    assertTrue(java.util.Arrays.equals(out[2], ya), "avg pool forward " + g);
                    assertTrue(java.util.Arrays.equals(out[3], dxa), "avg pool backward " + g);
                }
            }
        }
    }

    /** A fixed-seed 64-48-10 MLP at batch 32 (products above the Java threshold) trained 100 steps on each. */
    @Test
    void trainingAHundredStepsGivesTheReferenceLosses() {
        float[] want = train("java"), got = train(provider().name());
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], TRAINING_TOLERANCE * Math.max(1f, Math.abs(want[i])), "loss at step " + i);
        }
        assertTrue(want[99] < want[0], "the model learns");
    }

    private static float[] train(String backendName) {
        String before = Backends.current().name();
        try {
            assertTrue(Backends.switchTo(backendName), Backends::whyCurrent);
            Random r = new Random(42);
            Model m = new Model(64, List.of(dense("hidden", 64, 48, Activation.RELU, r), dense("output", 48, 10, Activation.SOFTMAX, r)), Loss.CROSS_ENTROPY);
            float[] x = new float[32 * 64], y = new float[32 * 10];
            for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
            for (int n = 0; n < 32; n++) y[n * 10 + n % 10] = 1f;
            Trainer t = new Trainer(m, TrainConfig.defaults().withLearningRate(0.05f));
            float[] losses = new float[100];
            for (int s = 0; s < 100; s++) losses[s] = t.step(new Tensor(x, 32, 64), new Tensor(y, 32, 10));
            return losses;
        } finally {
            Backends.use(before);
        }
    }

    private static Dense dense(String name, int in, int out, Activation act, Random r) {
        float[] w = new float[in * out];
        for (int i = 0; i < w.length; i++) w[i] = Initializer.XAVIER.sample(r, in, out);
        return new Dense(name, new Tensor(w, in, out), Tensor.zeros(out), act);
    }

    static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = r.nextFloat() * 2 - 1;
        return a;
    }

    private static void assertClose(float[] want, float[] got, int terms, String what) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) {
            float tol = TOLERANCE * terms + TOLERANCE * Math.abs(want[i]);
            if (!(Math.abs(want[i] - got[i]) <= tol)) {
                throw new AssertionError(what + ": element " + i + " is " + got[i] + ", the reference " + want[i] + " (tolerance " + tol + ")");
            }
        }
    }
}
