package backprop.engine.data;

import backprop.engine.spec.Limits;
import java.util.List;
import java.util.Random;

/**
 * Datasets generated from a seed. Boolean sets are the full truth tables with inputs in
 * {0, 1}; the 2-D sets live in the square [−1, 1]² with labels 0/1, and their noise
 * parameter (0 to 1) jitters the points.
 */
public final class Datasets {
    private Datasets() {}

    /** Names accepted by {@link #byName}. */
    public static final List<String> NAMES = List.of("and", "or", "xor", "majority", "encoder-838",
            "xor-2d", "and-2d", "or-2d", "circle", "gaussians", "spiral", "mnist");

    /**
     * The named set. {@code samples} (2-D sets) and {@code inputs} (majority) are checked
     * against {@link Limits} before anything is allocated, so a huge request is refused with an
     * {@link IllegalArgumentException} saying why, rather than running out of memory.
     */
    public static Dataset byName(String name, int samples, double noise, long seed, int inputs) {
        return switch (name) {
            case "and" -> and();
            case "or" -> or();
            case "xor" -> xor();
            case "majority" -> majority(inputs <= 0 ? 3 : inputs);
            case "encoder-838" -> encoder838();
            case "xor-2d" -> xorQuadrants(samples, noise, seed);
            case "and-2d" -> tableClusters("and-2d", new float[] {0, 0, 0, 1}, samples, noise, seed);
            case "or-2d" -> tableClusters("or-2d", new float[] {0, 1, 1, 1}, samples, noise, seed);
            case "circle" -> circle(samples, noise, seed);
            case "gaussians" -> twoGaussians(samples, noise, seed);
            case "spiral" -> spirals(samples, noise, seed);
            // The 8,000 training digits; the 2,000 held out stay out of every run (MnistDigits.test()).
            case "mnist" -> MnistDigits.builtin().train();
            default -> throw new IllegalArgumentException("unknown dataset '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        };
    }

    // ------------------------------------------------------------ Boolean truth tables

    private static final float[][] FOUR = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    public static Dataset and() { return table("and", new float[] {0, 0, 0, 1}); }

    public static Dataset or() { return table("or", new float[] {0, 1, 1, 1}); }

    public static Dataset xor() { return table("xor", new float[] {0, 1, 1, 0}); }

    private static Dataset table(String name, float[] out) {
        float[][] x = new float[4][], y = new float[4][];
        for (int i = 0; i < 4; i++) {
            x[i] = FOUR[i].clone();
            y[i] = new float[] {out[i]};
        }
        return new Dataset(name, x, y);
    }

    /** All 2ⁿ inputs, labelled 1 when more than half of them are 1. */
    public static Dataset majority(int n) {
        if (n < 1 || n > Limits.MAJORITY_INPUTS) {
            // 2^n is counted as a long: 1 << 31 is negative and 1 << 32 is 1.
            throw new IllegalArgumentException("majority of " + n + " inputs: expected 1 to " + Limits.MAJORITY_INPUTS
                    + " inputs (a truth table of 2^" + n + " = " + (n < 1 || n > 62 ? "too many" : String.valueOf(1L << n))
                    + " rows; the limit is 2^" + Limits.MAJORITY_INPUTS + " = " + (1 << Limits.MAJORITY_INPUTS) + ")");
        }
        int rows = 1 << n;
        float[][] x = new float[rows][n], y = new float[rows][1];
        for (int r = 0; r < rows; r++) {
            int ones = 0;
            for (int i = 0; i < n; i++) {
                int bit = (r >> (n - 1 - i)) & 1;
                x[r][i] = bit;
                ones += bit;
            }
            y[r][0] = 2 * ones > n ? 1 : 0;
        }
        return new Dataset("majority-" + n, x, y);
    }

    /** The 8 one-hot vectors of length 8, each its own target (the 8-3-8 encoder). */
    public static Dataset encoder838() {
        float[][] x = new float[8][8];
        for (int i = 0; i < 8; i++) x[i][i] = 1f;
        float[][] y = new float[8][];
        for (int i = 0; i < 8; i++) y[i] = x[i].clone();
        return new Dataset("encoder-838", x, y);
    }

    // ------------------------------------------------------------ 2-D sets

    /** Points in the four quadrants; label 1 where x1 and x2 have different signs (XOR). */
    public static Dataset xorQuadrants(int n, double noise, long seed) {
        samples(n);
        Random r = new Random(seed);
        float[][] x = new float[n][], y = new float[n][];
        for (int i = 0; i < n; i++) {
            double a = uniform(r, 0.05, 1.0) * (r.nextBoolean() ? 1 : -1);
            double b = uniform(r, 0.05, 1.0) * (r.nextBoolean() ? 1 : -1);
            y[i] = new float[] {a * b < 0 ? 1f : 0f};
            x[i] = jitter(a, b, noise, r);
        }
        return new Dataset("xor-2d", x, y);
    }

    /**
     * A two-input truth table as a point cloud: samples scattered round the four corners
     * (±0.6, ±0.6), where −0.6 stands for 0 and +0.6 for 1, each labelled by the table.
     * {@code out} lists the outputs for (0,0), (0,1), (1,0), (1,1), as in {@link #and()}.
     */
    public static Dataset tableClusters(String name, float[] out, int n, double noise, long seed) {
        samples(n);
        Random r = new Random(seed);
        double sigma = 0.08 + 0.25 * noise;
        float[][] x = new float[n][], y = new float[n][];
        for (int i = 0; i < n; i++) {
            int corner = i % 4;
            double c1 = FOUR[corner][0] == 1 ? 0.6 : -0.6, c2 = FOUR[corner][1] == 1 ? 0.6 : -0.6;
            x[i] = new float[] {(float) clamp(c1 + sigma * r.nextGaussian()), (float) clamp(c2 + sigma * r.nextGaussian())};
            y[i] = new float[] {out[corner]};
        }
        return new Dataset(name, x, y);
    }

    /** Label 1 inside a disc of radius 0.5, label 0 on a ring from 0.7 to 1.0. */
    public static Dataset circle(int n, double noise, long seed) {
        samples(n);
        Random r = new Random(seed);
        float[][] x = new float[n][], y = new float[n][];
        for (int i = 0; i < n; i++) {
            boolean inside = i % 2 == 0;
            double radius = inside ? uniform(r, 0, 0.5) : uniform(r, 0.7, 1.0);
            double angle = uniform(r, 0, 2 * Math.PI);
            x[i] = jitter(radius * Math.cos(angle), radius * Math.sin(angle), noise, r);
            y[i] = new float[] {inside ? 1f : 0f};
        }
        return new Dataset("circle", x, y);
    }

    /** Two Gaussian blobs centred at (0.5, 0.5) (label 1) and (−0.5, −0.5) (label 0). */
    public static Dataset twoGaussians(int n, double noise, long seed) {
        samples(n);
        Random r = new Random(seed);
        double sigma = 0.2 + 0.4 * noise;
        float[][] x = new float[n][], y = new float[n][];
        for (int i = 0; i < n; i++) {
            boolean pos = i % 2 == 0;
            double c = pos ? 0.5 : -0.5;
            x[i] = new float[] {(float) clamp(c + sigma * r.nextGaussian()), (float) clamp(c + sigma * r.nextGaussian())};
            y[i] = new float[] {pos ? 1f : 0f};
        }
        return new Dataset("gaussians", x, y);
    }

    /** Two interleaved spirals, one arm per class. */
    public static Dataset spirals(int n, double noise, long seed) {
        samples(n);
        Random r = new Random(seed);
        float[][] x = new float[n][], y = new float[n][];
        int half = Math.max(1, n / 2);
        for (int i = 0; i < n; i++) {
            int cls = i % 2;
            double t = (double) (i / 2) / half; // 0..1 along the arm
            double radius = 0.05 + 0.95 * t;
            double angle = 1.75 * t * 2 * Math.PI + cls * Math.PI;
            x[i] = jitter(radius * Math.sin(angle), radius * Math.cos(angle), noise, r);
            y[i] = new float[] {cls == 0 ? 1f : 0f};
        }
        return new Dataset("spiral", x, y);
    }

    /** Refuses a sample count before the arrays for it are allocated. */
    private static void samples(int n) {
        if (n < 0 || n > Limits.SAMPLES) {
            throw new IllegalArgumentException(n + " samples: expected 0 to " + Limits.SAMPLES + " (the limit on samples in a data set)");
        }
    }

    private static float[] jitter(double a, double b, double noise, Random r) {
        double s = 0.15 * noise;
        return new float[] {(float) clamp(a + s * r.nextGaussian()), (float) clamp(b + s * r.nextGaussian())};
    }

    private static double uniform(Random r, double lo, double hi) { return lo + (hi - lo) * r.nextDouble(); }

    private static double clamp(double v) { return Math.max(-1, Math.min(1, v)); }
}
