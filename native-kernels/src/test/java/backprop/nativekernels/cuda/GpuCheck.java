package backprop.nativekernels.cuda;

import backprop.engine.backend.Backend;
import backprop.engine.backend.Backends;
import backprop.engine.backend.ConvShape;
import backprop.engine.backend.JavaBackend;
import backprop.engine.bench.StepBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

/**
 * The one-command GPU check ({@code gpu-check/run.sh}): the parity cases of {@link ParityCases}
 * and three timings, cuda against java, printed as one table. Exit 0 when every row passes or
 * when cuda cannot run here (the reason is printed), 1 when a row fails or a kernel fell back.
 * Nothing is estimated: a figure in the table is a figure measured in this run.
 */
public final class GpuCheck {
    private GpuCheck() {}

    private record Row(String check, String shape, String cuda, String java, String limit, String result) {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        System.out.println("java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        for (Backends.Info i : Backends.list()) {
            System.out.println("backend " + i.name() + " (rank " + i.rank() + "): " + (i.available() ? "available: " : "unavailable: ") + i.reason());
        }
        // -Dgpucheck.backend=java dry-runs the whole check on a machine without a GPU (java vs java).
        String target = System.getProperty("gpucheck.backend", CudaBackend.NAME);
        Backends.Info info = Backends.list().stream().filter(i -> i.name().equals(target)).findFirst().orElse(null);
        if (info == null || !info.available()) {
            System.out.println("SKIPPED: " + target + " backend unavailable: " + (info == null ? "provider not on the class path" : info.reason()));
            return;
        }
        Backend cuda = info.provider().create();
        Backend java = new JavaBackend();
        nativeLibraries().forEach(l -> System.out.println("loaded " + l));
        System.out.println("determinism: " + cuda.determinism());

        List<Row> rows = new ArrayList<>();
        boolean ok = true;
        List<ParityCases.Case> cases = new ArrayList<>(ParityCases.kernels(20240607L));
        cases.add(ParityCases.training(100));
        for (ParityCases.Case c : cases) {
            float[] ref = c.run().apply(java), got = c.run().apply(cuda), again = c.run().apply(cuda);
            double err = ParityCases.relativeError(got, ref);
            boolean repeat = Arrays.equals(got, again), pass = err <= c.tolerance() && repeat;
            ok &= pass;
            rows.add(new Row(c.kernel(), c.shape(), String.format(Locale.ROOT, "%.2e", err), "ref", String.format(Locale.ROOT, "rel ≤ %.0e", c.tolerance()),
                    (pass ? "PASS" : "FAIL") + (repeat ? "" : " (not bit-identical on repeat)")));
        }
        rows.add(gemmTiming(cuda, java, seconds));
        rows.add(convTiming(cuda, java, seconds));
        rows.add(mlpTiming(target, seconds));
        if (cuda instanceof CudaBackend b && !b.fallbacks().isEmpty()) {
            ok = false;
            b.fallbacks().forEach(f -> System.out.println("FELL BACK TO JAVA: " + f));
        }
        print(rows);
        System.out.println(ok ? "GPU check: all rows pass" : "GPU check: FAILED");
        System.exit(ok ? 0 : 1);
    }

    private static Row gemmTiming(Backend cuda, Backend java, double seconds) {
        int n = 1024;
        Random r = new Random(1);
        float[] a = ParityCases.random(r, n * n), b = ParityCases.random(r, n * n), c = new float[n * n];
        Runnable onCuda = () -> cuda.gemm(false, false, n, n, n, 1f, a, n, b, n, 0f, c, n);
        Runnable onJava = () -> java.gemm(false, false, n, n, n, 1f, a, n, b, n, 0f, c, n);
        double flop = 2.0 * n * n * n;
        double gc = flop / time(onCuda, seconds) / 1e9, gj = flop / time(onJava, seconds) / 1e9;
        return new Row("time gemm", "1024³ float[] in/out", fmt(gc), fmt(gj), "GFLOP/s", speedup(gc, gj));
    }

    /** LeNet-5's first convolution on a batch of 64 MNIST images (1×28×28, 6 filters 5×5, pad 2). */
    private static Row convTiming(Backend cuda, Backend java, double seconds) {
        ConvShape s = ConvShape.of(64, 1, 28, 28, 6, 5, 1, 2);
        Random r = new Random(2);
        float[] x = ParityCases.random(r, s.inputSize()), w = ParityCases.random(r, s.filterSize()), y = new float[s.outputSize()];
        double ic = s.n() / time(() -> cuda.conv2dForward(s, x, w, y), seconds), ij = s.n() / time(() -> java.conv2dForward(s, x, w, y), seconds);
        return new Row("time conv fwd", "64×1×28×28 k6 5×5 p2", fmt(ic), fmt(ij), "images/s", speedup(ic, ij));
    }

    /** The bench command's MLP (784-128-10, batch 64, recording off), on each backend in turn. */
    private static Row mlpTiming(String target, double seconds) {
        double[] perSecond = new double[2];
        String[] names = {target, "java"};
        for (int i = 0; i < 2; i++) {
            Backends.use(names[i]);
            perSecond[i] = StepBenchmark.standardSuite(seconds / 2).stream()
                    .filter(res -> res.name().startsWith("mlp") && !res.recording()).findFirst().orElseThrow().stepsPerSecond();
        }
        Backends.use("java");
        return new Row("time mlp step", "784-128-10 b64 fwd+bwd+sgd", fmt(perSecond[0]), fmt(perSecond[1]), "steps/s", speedup(perSecond[0], perSecond[1]));
    }

    /** Seconds per call: one warm-up call, then calls until {@code seconds} pass (at least two). */
    private static double time(Runnable call, double seconds) {
        call.run();
        long start = System.nanoTime(), budget = (long) (seconds * 1e9), calls = 0;
        do {
            call.run();
            calls++;
        } while (calls < 2 || System.nanoTime() - start < budget);
        return (System.nanoTime() - start) / 1e9 / calls;
    }

    /** CUDA libraries this process mapped, as the loader found them (system or bundle). */
    private static List<String> nativeLibraries() {
        try {
            TreeSet<String> libs = new TreeSet<>();
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash >= 0 && line.matches(".*/lib(jni)?(cuda|cudart|cublas|cublasLt|cudnn|nvrtc)[^/]*\\.so.*")) libs.add(line.substring(slash));
            }
            return List.copyOf(libs);
        } catch (IOException | RuntimeException e) {
            return List.of("(could not read /proc/self/maps: " + e + ")");
        }
    }

    private static void print(List<Row> rows) {
        String f = "%-22s %-30s %12s %12s %-12s %s%n";
        System.out.printf(Locale.ROOT, f, "check", "shape", System.getProperty("gpucheck.backend", CudaBackend.NAME), "java", "limit/unit", "result");
        for (Row r : rows) System.out.printf(Locale.ROOT, f, r.check(), r.shape(), r.cuda(), r.java(), r.limit(), r.result());
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.2f", v); }

    private static String speedup(double target, double java) { return String.format(Locale.ROOT, "%.1f× java", target / java); }
}
