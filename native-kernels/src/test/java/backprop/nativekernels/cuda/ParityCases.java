package backprop.nativekernels.cuda;

import backprop.engine.autodiff.Activation;
import backprop.engine.autodiff.Var;
import backprop.engine.backend.Backend;
import backprop.engine.backend.Backends;
import backprop.engine.backend.ConvShape;
import backprop.engine.backend.PoolShape;
import backprop.engine.layers.dense.Dense;
import backprop.engine.nn.Initializer;
import backprop.engine.nn.Loss;
import backprop.engine.nn.Model;
import backprop.engine.tensor.Tensor;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The checks a backend must pass against the Java reference, free of JUnit so that both
 * {@link CudaParityTest} and the one-command {@link GpuCheck} run exactly the same cases.
 * Each case owns its inputs (fixed seed) and returns its output for a given backend.
 *
 * <p>Error is norm-wise: max|got − ref| / max|ref|. Element-wise relative error would blow up
 * on sums that cancel to nearly zero, which float32 reorderings legitimately perturb.
 */
public final class ParityCases {
    /** float32 products and convolutions summed in another order: a few ulps of the largest term, well under this. */
    public static final double PRODUCT_TOLERANCE = 1e-4;
    /** Pooling picks or averages a handful of values: nearly exact. */
    public static final double POOL_TOLERANCE = 1e-6;
    /** 100 SGD steps let per-step differences compound a little. */
    public static final double TRAINING_TOLERANCE = 1e-3;

    private ParityCases() {}

    /** One check: a kernel on one shape, its tolerance, and how to run it on a backend. */
    public record Case(String kernel, String shape, double tolerance, Function<Backend, float[]> run) {}

    public static List<Case> kernels(long seed) {
        Random r = new Random(seed);
        List<Case> out = new ArrayList<>();
        for (boolean ta : new boolean[] {false, true})
            for (boolean tb : new boolean[] {false, true}) {
                out.add(gemm(r, ta, tb, 1 + r.nextInt(40) * 2, 1 + r.nextInt(40) * 2, 1 + r.nextInt(40) * 2, true));
                out.add(gemm(r, ta, tb, 257, 129, 301, false));
            }
        for (ConvShape s : new ConvShape[] {
                new ConvShape(2, 3, 7, 6, 4, 3, 2, 2, 1, 1, 0),
                ConvShape.of(1, 2, 5, 5, 3, 3, 1, 2),
                new ConvShape(3, 5, 11, 9, 7, 3, 5, 2, 1, 1, 2),
                ConvShape.of(8, 6, 14, 14, 16, 5, 1, 0)}) {
            float[] x = random(r, s.inputSize()), w = random(r, s.filterSize()), dy = random(r, s.outputSize());
            out.add(new Case("conv2dForward", describe(s), PRODUCT_TOLERANCE, b -> { float[] y = new float[s.outputSize()]; b.conv2dForward(s, x, w, y); return y; }));
            out.add(new Case("conv2dBackwardData", describe(s), PRODUCT_TOLERANCE, b -> { float[] dx = new float[s.inputSize()]; b.conv2dBackwardData(s, dy, w, dx); return dx; }));
            out.add(new Case("conv2dBackwardFilter", describe(s), PRODUCT_TOLERANCE, b -> { float[] dw = new float[s.filterSize()]; b.conv2dBackwardFilter(s, x, dy, dw); return dw; }));
        }
        for (PoolShape s : new PoolShape[] {new PoolShape(2, 3, 7, 9, 3, 2, 2, 3), PoolShape.of(4, 6, 28, 28, 2, 2), PoolShape.of(2, 3, 9, 9, 3, 2)}) {
            // Distinct values: on a tie the Java reference picks the first, cuDNN's choice is unspecified.
            float[] x = distinct(r, s.inputSize()), dy = random(r, s.outputSize());
            out.add(new Case("maxPool2dForward", describe(s), POOL_TOLERANCE, b -> { float[] y = new float[s.outputSize()]; b.maxPool2dForward(s, x, y); return y; }));
            out.add(new Case("maxPool2dBackward", describe(s), POOL_TOLERANCE, b -> { float[] dx = new float[s.inputSize()]; b.maxPool2dBackward(s, x, dy, dx); return dx; }));
            out.add(new Case("avgPool2dForward", describe(s), POOL_TOLERANCE, b -> { float[] y = new float[s.outputSize()]; b.avgPool2dForward(s, x, y); return y; }));
            out.add(new Case("avgPool2dBackward", describe(s), POOL_TOLERANCE, b -> { float[] dx = new float[s.inputSize()]; b.avgPool2dBackward(s, dy, dx); return dx; }));
        }
        return out;
    }

    /**
     * gemm on slices: operands start at an offset and rows are padded ({@code ld} > columns),
     * so offsets, leading dimensions and the untouched gaps of C are all checked.
     */
    private static Case gemm(Random r, boolean ta, boolean tb, int m, int n, int k, boolean slices) {
        int aRows = ta ? k : m, aCols = ta ? m : k, bRows = tb ? n : k, bCols = tb ? k : n;
        int lda = aCols + (slices ? r.nextInt(4) : 0), ldb = bCols + (slices ? r.nextInt(4) : 0), ldc = n + (slices ? r.nextInt(4) : 0);
        int aOff = slices ? r.nextInt(6) : 0, bOff = slices ? r.nextInt(6) : 0, cOff = slices ? r.nextInt(6) : 0;
        float[] a = random(r, aOff + aRows * lda), b = random(r, bOff + bRows * ldb), c0 = random(r, cOff + m * ldc);
        float alpha = slices ? 0.5f + r.nextFloat() : 1f, beta = slices ? 0.5f : 0f;
        String shape = String.format("%s%s %dx%dx%d%s", ta ? "T" : "N", tb ? "T" : "N", m, n, k, slices ? " off/ld/beta" : "");
        return new Case("gemm", shape, PRODUCT_TOLERANCE, be -> {
            float[] c = c0.clone();
            be.gemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return c;
        });
    }

    /**
     * 100 SGD steps of a fixed-seed 784-128-10 MLP (relu, softmax + cross-entropy, batch 64) on
     * the named backend, through the engine's own Trainer; the output is every parameter after.
     */
    public static Case training(int steps) {
        return new Case("train " + steps + " steps", "mlp 784-128-10 b64 sgd", TRAINING_TOLERANCE, b -> {
            Backends.use(b.name());
            try {
                Random r = new Random(42);
                Model m = new Model(784, List.of(dense("hidden", 784, 128, Activation.RELU, r), dense("output", 128, 10, Activation.SOFTMAX, r)), Loss.CROSS_ENTROPY);
                int batch = 64;
                float[] x = new float[batch * 784], y = new float[batch * 10];
                for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
                for (int n = 0; n < batch; n++) y[n * 10 + r.nextInt(10)] = 1f;
                Tensor tx = new Tensor(x, batch, 784), ty = new Tensor(y, batch, 10);
                Trainer t = new Trainer(m, TrainConfig.defaults().withLearningRate(0.05f));
                for (int i = 0; i < steps; i++) t.step(tx, ty);
                List<float[]> parts = new ArrayList<>();
                for (Var p : m.params()) parts.add(p.value().data());
                return concat(parts);
            } finally {
                Backends.use("java");
            }
        });
    }

    /** max|got − ref| / max|ref|; infinite when sizes differ or a value is not finite. */
    public static double relativeError(float[] got, float[] ref) {
        if (got.length != ref.length) return Double.POSITIVE_INFINITY;
        double diff = 0, scale = 0;
        for (int i = 0; i < ref.length; i++) {
            if (!Float.isFinite(got[i])) return Double.POSITIVE_INFINITY;
            diff = Math.max(diff, Math.abs((double) got[i] - ref[i]));
            scale = Math.max(scale, Math.abs(ref[i]));
        }
        return scale == 0 ? diff : diff / scale;
    }

    private static Dense dense(String name, int in, int out, Activation act, Random r) {
        Initializer init = act == Activation.RELU ? Initializer.HE : Initializer.XAVIER;
        float[] w = new float[in * out];
        for (int i = 0; i < w.length; i++) w[i] = init.sample(r, in, out);
        return new Dense(name, new Tensor(w, in, out), Tensor.zeros(out), act);
    }

    private static String describe(ConvShape s) {
        return String.format("%dx%dx%dx%d k%d %dx%d s%d,%d p%d,%d", s.n(), s.c(), s.h(), s.w(), s.k(), s.r(), s.s(), s.strideH(), s.strideW(), s.padH(), s.padW());
    }

    private static String describe(PoolShape s) {
        return String.format("%dx%dx%dx%d win %dx%d s%d,%d", s.n(), s.c(), s.h(), s.w(), s.kh(), s.kw(), s.strideH(), s.strideW());
    }

    static float[] random(Random r, int size) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) a[i] = r.nextFloat() * 2 - 1;
        return a;
    }

    /** A shuffled ramp in [-1, 1): no two values equal. */
    private static float[] distinct(Random r, int size) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) a[i] = 2f * i / size - 1f;
        for (int i = size - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            float t = a[i]; a[i] = a[j]; a[j] = t;
        }
        return a;
    }

    private static float[] concat(List<float[]> parts) {
        float[] out = new float[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
