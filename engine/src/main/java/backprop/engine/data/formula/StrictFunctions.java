package backprop.engine.data.formula;

import java.util.function.DoubleUnaryOperator;
import net.objecthunter.exp4j.function.Function;
import net.objecthunter.exp4j.operator.Operator;

/**
 * exp4j's one-argument functions and its power operator again, computed with StrictMath: exp4j calls Math, whose
 * results may differ by an ulp between CPUs, and a data set drawn from a seed must not.
 * A function given to exp4j under a built-in's name takes its place.
 */
final class StrictFunctions {
    private StrictFunctions() {}

    static final Function[] ALL = {
            of("sin", StrictMath::sin), of("cos", StrictMath::cos), of("tan", StrictMath::tan),
            of("asin", StrictMath::asin), of("acos", StrictMath::acos), of("atan", StrictMath::atan),
            of("sinh", StrictMath::sinh), of("cosh", StrictMath::cosh), of("tanh", StrictMath::tanh),
            of("exp", StrictMath::exp), of("log", StrictMath::log), of("log10", StrictMath::log10),
            of("sqrt", StrictMath::sqrt), of("cbrt", StrictMath::cbrt), of("abs", StrictMath::abs),
    };

    /** {@code ^}, right-associative and binding tighter than * and /, as exp4j's own. */
    static final Operator POWER = new Operator("^", 2, false, Operator.PRECEDENCE_POWER) {
        @Override
        public double apply(double... args) { return StrictMath.pow(args[0], args[1]); }
    };

    private static Function of(String name, DoubleUnaryOperator f) {
        return new Function(name, 1) {
            @Override
            public double apply(double... args) { return f.applyAsDouble(args[0]); }
        };
    }
}
