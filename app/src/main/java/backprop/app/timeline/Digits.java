package backprop.app.timeline;

import backprop.app.math.Num;
import java.util.function.DoubleFunction;

/**
 * How the numbers of a formula are written: as shown on screen ({@link #SHOWN}, four decimals,
 * {@link Num#fmt}) or as the engine holds them ({@link #FULL}, for the note that explains a "≈").
 * One formula builder takes either, so both versions of a formula say the same thing.
 */
record Digits(DoubleFunction<String> plain) {
    static final Digits SHOWN = new Digits(Num::fmt);
    static final Digits FULL = new Digits(Num::full);

    String fmt(double v) { return plain.apply(v); }

    /** Negative numbers bracketed, so that "0.41 × (−0.12)" reads unambiguously. */
    String paren(double v) {
        String s = fmt(v);
        return s.startsWith("\u2212") ? "(" + s + ")" : s;
    }

    /** TeX: the shown form goes through {@link Num#tex} (exponents as powers of ten); the full form only changes its minus. */
    String tex(double v) {
        return this == SHOWN ? Num.tex(v) : fmt(v).replace('\u2212', '-');
    }

    String texParen(double v) {
        String s = tex(v);
        return s.startsWith("-") ? "(" + s + ")" : s;
    }
}
