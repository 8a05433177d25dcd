package backprop.nativekernels.openblas;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import java.util.Locale;
import org.bytedeco.javacpp.FloatPointer;

/**
 * OpenBLAS's own sgemm figure, the yardstick for {@code bench}'s gemm line: the same product on
 * off-heap buffers filled once, so no copy from the Java heap is counted. Run from the jar:
 * {@code java -cp app/target/backprop-studio.jar backprop.nativekernels.openblas.RawSgemmBenchmark [N] [seconds]}.
 */
public final class RawSgemmBenchmark {
    private RawSgemmBenchmark() {}

    public static double gflops(int n, double seconds) {
        if (!OpenBlasLibrary.probe().available()) throw new IllegalStateException(OpenBlasLibrary.probe().reason());
        float[] init = new float[n * n];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < init.length; i++) init[i] = r.nextFloat() - 0.5f;
        try (FloatPointer a = new FloatPointer(init); FloatPointer b = new FloatPointer(init); FloatPointer c = new FloatPointer((long) n * n)) {
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1f, a, n, b, n, 0f, c, n); // warm-up
            long budget = (long) (seconds * 1e9), start = System.nanoTime(), now, calls = 0;
            do {
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1f, a, n, b, n, 0f, c, n);
                calls++;
                now = System.nanoTime();
            } while (now - start < budget);
            return 2.0 * n * n * n * calls / (now - start);
        }
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        double g = gflops(n, seconds);
        System.out.printf(Locale.ROOT, "openblas raw sgemm %d³ (%d thread(s), no copies): %.1f GFLOP/s%n", n, OpenBlasLibrary.threads(), g);
    }
}
