package backprop.app.timeline;

import backprop.app.math.Num;
import backprop.engine.autodiff.Activation;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Does a formula's arithmetic, done by hand on the numbers as shown, give the result as shown?
 * The engine computes with unrounded float32 values, so "0.8029 + 0.9718" may honestly come
 * out as 1.7746; this check lets {@link StepFormulas} write "≈" there instead of a false "=".
 * It redoes the formula's arithmetic on the rounded operands (exactly, in decimal), mirroring
 * what each formula shows; the engine's result itself is never replaced.
 */
final class ShownArithmetic {
    private static final MathContext MC = MathContext.DECIMAL128;

    private ShownArithmetic() {}

    /** True when the shown operands give the shown result, or the formula shows no arithmetic to redo. */
    static boolean addsUp(Timeline t, TimelineStep s) {
        try {
            BigDecimal by = byHand(t, s);
            return by == null || Num.fmt(by.doubleValue()).equals(Num.fmt(s.value()));
        } catch (NumberFormatException notFinite) {
            return true; // NaN or ∞ among the operands: nothing to check by hand (the view stops at them)
        }
    }

    /** The shown value of v, exactly as a decimal. */
    static BigDecimal shown(double v) {
        return new BigDecimal(Num.fmt(v).replace('\u2212', '-'));
    }

    private static BigDecimal byHand(Timeline t, TimelineStep s) {
        int N = t.trace().batchSize();
        return switch (s.kind()) {
            case FORWARD_A -> dot(s.series("w"), s.series("z")).add(shown(s.operand("b")));
            case FORWARD_Z -> activation(t.layer(s.layer()).activation(), shown(s.operand("a")));
            case LOSS -> {
                if (!"mse".equals(t.trace().lossName())) yield null;
                double[] y = s.series("y"), f = s.series("f");
                BigDecimal sum = BigDecimal.ZERO;
                for (int m = 0; m < y.length; m++) sum = sum.add(shown(y[m]).subtract(shown(f[m])).pow(2));
                yield sum.divide(BigDecimal.valueOf(2L * N), MC);
            }
            case DELTA -> delta(t, s);
            case GRAD_W -> dot(s.series("d"), s.series("z")).divide(BigDecimal.valueOf(N), MC);
            case GRAD_B -> {
                BigDecimal sum = BigDecimal.ZERO;
                for (double v : s.series("d")) sum = sum.add(shown(v));
                yield sum.divide(BigDecimal.valueOf(N), MC);
            }
            case UPDATE_W, UPDATE_B -> {
                String opt = t.trace().optimizer() == null ? "" : t.trace().optimizer();
                if (!opt.startsWith("sgd")) yield null; // other optimisers show "before → after", no sum
                BigDecimal eta = new BigDecimal(Num.shortFmt(s.operand("eta")).replace('\u2212', '-'));
                yield shown(s.operand("before")).subtract(eta.multiply(shown(s.operand("grad"))));
            }
        };
    }

    private static BigDecimal delta(Timeline t, TimelineStep s) {
        BigDecimal gp = shown(s.operand("gPrime"));
        if (s.layer() < t.layers() - 1) return gp.multiply(dot(s.series("w"), s.series("d")));
        String loss = t.trace().lossName(), act = t.layer(s.layer()).activation();
        BigDecimal y = shown(s.operand("y")), z = shown(s.operand("z"));
        if ("mse".equals(loss)) return y.subtract(z).negate().multiply(gp);
        boolean matched = ("binary_cross_entropy".equals(loss) && "sigmoid".equals(act)) || ("cross_entropy".equals(loss) && "softmax".equals(act));
        return matched ? z.subtract(y) : null;
    }

    private static BigDecimal dot(double[] x, double[] y) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < x.length; i++) sum = sum.add(shown(x[i]).multiply(shown(y[i])));
        return sum;
    }

    /** Activations whose value depends on a alone and on no parameter the trace leaves out (softmax needs the whole layer, leaky_relu and elu their α). */
    private static final java.util.Set<String> OF_A_ALONE = java.util.Set.of("identity", "step", "sigmoid", "tanh", "relu", "softplus");

    /** g of the shown a, by the engine's own activation. */
    private static BigDecimal activation(String name, BigDecimal a) {
        if (name == null || !OF_A_ALONE.contains(name)) return null;
        return new BigDecimal(Activation.byName(name, Float.NaN).apply(a.floatValue()));
    }
}
