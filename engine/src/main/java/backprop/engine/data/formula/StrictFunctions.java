package backprop.engine.data.formula;

import java.util.function.DoubleUnaryOperator;
import net.objecthunter.exp4j.function.Function;
import net.objecthunter.exp4j.operator.Operator;

/**
 * exp4j's functions that call Math, and its power operator, again, computed with StrictMath: exp4j calls Math, whose
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
            of("log2", x -> StrictMath.log(x) / StrictMath.log(2)), of("log1p", StrictMath::log1p), of("expm1", StrictMath::expm1),
            of("cot", x -> 1 / StrictMath.tan(x)), of("csc", x -> 1 / StrictMath.sin(x)), of("sec", x -> 1 / StrictMath.cos(x)),
            of("csch", x -> 1 / StrictMath.sinh(x)), of("sech", x -> 1 / StrictMath.cosh(x)), of("coth", x -> 1 / StrictMath.tanh(x)),
            new Function("pow", 2) {
                @Override
                public double apply(double... args) { return StrictMath.pow(args[0], args[1]); }
            },
            new Function("logb", 2) {
                @Override
                public double apply(double... args) { return StrictMath.log(args[0]) / StrictMath.log(args[1]); }
            },
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
