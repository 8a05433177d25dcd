package backprop.engine.data.table;

import backprop.engine.data.formula.Formula;
import backprop.engine.spec.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Data sets drawn from a seed that pose problems beyond two classes: more classes (a three-arm
 * spiral, K Gaussian blobs), regression (a plane, a sum of Gaussian bumps), and sets drawn from
 * a formula the user typed. Points lie in [−1, 1]², as the Playground's other sets do; each
 * comes as a {@link Table} so it is standardised, split and reported like a file.
 */
public final class GeneratedTables {
    private GeneratedTables() {}

    public static final String SPIRAL_3 = "spiral-3", BLOBS = "blobs", PLANE = "plane", GAUSSIAN_SUM = "gaussian-sum",
            FORMULA_CLASSES = "formula-classes", FORMULA_CURVE = "formula-curve", FORMULA_SURFACE = "formula-surface";

    /** Every name {@link #generate} knows. */
    public static final List<String> NAMES = List.of(SPIRAL_3, BLOBS, PLANE, GAUSSIAN_SUM, FORMULA_CLASSES, FORMULA_CURVE, FORMULA_SURFACE);

    /** The sets that read a formula. */
    public static final List<String> FORMULA_NAMES = List.of(FORMULA_CLASSES, FORMULA_CURVE, FORMULA_SURFACE);

    /** Classes of {@code blobs} when the file does not say. */
    public static final int DEFAULT_BLOBS = 3;

    /** Variables each formula set gives its formula. */
    public static List<String> variables(String name) {
        return name.equals(FORMULA_SURFACE) ? List.of("x1", "x2") : List.of("x");
    }

    /**
     * The named set. Noise jitters the points of a classification (0.15·noise standard
     * deviation) and adds 0.1·noise·N(0, 1) to a regression's targets. Throws
     * IllegalArgumentException for a bad size or formula (formulas: "position 3: …").
     */
    public static Table generate(String name, int samples, double noise, long seed, Integer classes, String formula) {
        if (samples < 1 || samples > Limits.SAMPLES) {
            throw new IllegalArgumentException(samples + " samples: expected 1 to " + Limits.SAMPLES + " (the limit on samples in a data set)");
        }
        Random r = new Random(seed);
        return switch (name) {
            case SPIRAL_3 -> spiral(samples, noise, r);
            case BLOBS -> blobs(samples, noise, r, classes == null ? DEFAULT_BLOBS : classes);
            case PLANE -> regression(PLANE, samples, noise, r, (a, b) -> 0.7 * a - 0.4 * b);
            case GAUSSIAN_SUM -> regression(GAUSSIAN_SUM, samples, noise, r, GeneratedTables::bumps);
            case FORMULA_CLASSES -> aboveCurve(samples, noise, r, Formula.parse(formula, variables(name)));
            case FORMULA_CURVE -> curve(samples, noise, r, Formula.parse(formula, variables(name)));
            case FORMULA_SURFACE -> {
                Formula f = Formula.parse(formula, variables(name));
                yield regression(FORMULA_SURFACE, samples, noise, r, (a, b) -> defined(f, a, b));
            }
            default -> throw new IllegalArgumentException("unknown generated data set '" + name + "'");
        };
    }

    /** Three arms winding out from the centre, 120° apart, one class each. */
    private static Table spiral(int n, double noise, Random r) {
        float[][] x = new float[n][];
        int[] cls = new int[n];
        int perArm = Math.max(1, (n + 2) / 3);
        for (int i = 0; i < n; i++) {
            int arm = i % 3;
            double t = (double) (i / 3) / perArm;
            double radius = 0.05 + 0.9 * t;
            double angle = 1.25 * t * 2 * Math.PI + arm * 2 * Math.PI / 3;
            x[i] = jitter(radius * StrictMath.sin(angle), radius * StrictMath.cos(angle), noise, r);
            cls[i] = arm;
        }
        return classes(SPIRAL_3, x, cls, List.of("arm 1", "arm 2", "arm 3"));
    }

    /** K round clusters with centres evenly spaced on a circle of radius 0.6. */
    private static Table blobs(int n, double noise, Random r, int k) {
        if (k < 2 || k > Limits.CLASSES) throw new IllegalArgumentException(k + " classes: expected 2 to " + Limits.CLASSES);
        double sigma = 0.1 + 0.3 * noise;
        float[][] x = new float[n][];
        int[] cls = new int[n];
        List<String> names = new ArrayList<>();
        for (int c = 0; c < k; c++) names.add("blob " + (c + 1));
        for (int i = 0; i < n; i++) {
            int c = i % k;
            double angle = 2 * Math.PI * c / k;
            x[i] = new float[] {(float) clamp(0.6 * StrictMath.cos(angle) + sigma * r.nextGaussian()),
                    (float) clamp(0.6 * StrictMath.sin(angle) + sigma * r.nextGaussian())};
            cls[i] = c;
        }
        return classes(BLOBS, x, cls, names);
    }

    /** Points labelled by which side of the curve x2 = f(x1) they lie on. */
    private static Table aboveCurve(int n, double noise, Random r, Formula f) {
        float[][] x = new float[n][];
        int[] cls = new int[n];
        for (int i = 0; i < n; i++) {
            double a = uniform(r), b = uniform(r);
            double fa = defined(f, a);
            cls[i] = b > fa ? 1 : 0;
            x[i] = jitter(a, b, noise, r);
        }
        return classes(FORMULA_CLASSES, x, cls, List.of("below", "above"));
    }

    /** A 1-D regression: one input x, target f(x) plus noise. */
    private static Table curve(int n, double noise, Random r, Formula f) {
        float[][] x = new float[n][];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double a = uniform(r);
            x[i] = new float[] {(float) a};
            y[i] = (float) (defined(f, a) + 0.1 * noise * r.nextGaussian());
        }
        return new Table(FORMULA_CURVE, List.of("x"), x, "y", List.of(), null, y);
    }

    private interface Surface {
        double at(double x1, double x2);
    }

    private static Table regression(String name, int n, double noise, Random r, Surface f) {
        float[][] x = new float[n][];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double a = uniform(r), b = uniform(r);
            x[i] = new float[] {(float) a, (float) b};
            y[i] = (float) (f.at(a, b) + 0.1 * noise * r.nextGaussian());
        }
        return new Table(name, List.of("x1", "x2"), x, "y", List.of(), null, y);
    }

    /** Three Gaussian bumps, two up and one down. */
    private static double bumps(double a, double b) {
        return bump(a, b, -0.4, 0.4, 1.0) + bump(a, b, 0.5, 0.3, 0.8) - bump(a, b, 0.1, -0.5, 0.9);
    }

    private static double bump(double a, double b, double ca, double cb, double height) {
        double d2 = (a - ca) * (a - ca) + (b - cb) * (b - cb);
        return height * StrictMath.exp(-d2 / (2 * 0.3 * 0.3));
    }

    /** f where it is a finite number; a formula undefined somewhere in the square is refused there. */
    private static double defined(Formula f, double... at) {
        double v = f.evaluate(at);
        if (!Double.isFinite(v) || Math.abs(v) > 1e6) {
            StringBuilder where = new StringBuilder();
            List<String> names = at.length == 1 ? List.of("x") : List.of("x1", "x2");
            for (int i = 0; i < at.length; i++) where.append(i == 0 ? "" : ", ").append(names.get(i)).append(" = ").append(String.format(java.util.Locale.ROOT, "%.3f", at[i]));
            throw new IllegalArgumentException("the formula gives " + (Double.isFinite(v) ? "a number beyond ±10^6" : "no number") + " at " + where
                    + "; it must be defined on the whole square from −1 to 1");
        }
        return v;
    }

    private static Table classes(String name, float[][] x, int[] cls, List<String> names) {
        return new Table(name, List.of("x1", "x2"), x, "class", names, cls, null);
    }

    private static float[] jitter(double a, double b, double noise, Random r) {
        double s = 0.15 * noise;
        return new float[] {(float) clamp(a + s * r.nextGaussian()), (float) clamp(b + s * r.nextGaussian())};
    }

    private static double uniform(Random r) { return -1 + 2 * r.nextDouble(); }

    private static double clamp(double v) { return Math.max(-1, Math.min(1, v)); }
}
