package backprop.engine.bench;

import backprop.engine.backend.Backend;
import java.util.Random;

/** GFLOP/s of one backend's gemm on an m×k by k×n product (2·m·n·k flops each), inputs copied in from the heap as training does. */
public final class GemmBenchmark {
    private GemmBenchmark() {}

    public static double gflops(Backend backend, int m, int n, int k, double seconds) {
        Random r = new Random(1);
        float[] a = new float[m * k], b = new float[k * n], c = new float[m * n];
        for (int i = 0; i < a.length; i++) a[i] = r.nextFloat() - 0.5f;
        for (int i = 0; i < b.length; i++) b[i] = r.nextFloat() - 0.5f;
        backend.gemm(false, false, m, n, k, 1f, a, k, b, n, 0f, c, n); // warm-up: loads, JIT, buffers
        long budget = (long) (seconds * 1e9), start = System.nanoTime(), now, calls = 0;
        do {
            backend.gemm(false, false, m, n, k, 1f, a, k, b, n, 0f, c, n);
            calls++;
            now = System.nanoTime();
        } while (now - start < budget);
        return 2.0 * m * n * k * calls / (now - start);
    }
}
