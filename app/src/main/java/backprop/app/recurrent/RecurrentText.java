package backprop.app.recurrent;

import backprop.app.math.Num;

/**
 * How the recurrent view writes numbers: three decimals with a true minus sign, the same in the
 * diagram, the timeline's readout and the equations, so a test can format an engine value and
 * find exactly that text on screen.
 */
public final class RecurrentText {
    private RecurrentText() {}

    /** "0.603", "−0.118"; "?" for a number kept hidden (NaN: a lesson asks the student for it). */
    public static String num(double v) { return Double.isNaN(v) ? "?" : Num.fixed(v, 3); }

    /** TeX: an ASCII minus, negative numbers bracketed for products ("(-0.118)"). */
    public static String tex(double v) {
        String s = num(v).replace('\u2212', '-');
        return s.startsWith("-") ? "(" + s + ")" : s;
    }

    /** TeX, not bracketed: a result, or a function's argument ("\\sigma(-0.837)"). */
    public static String texPlain(double v) { return num(v).replace('\u2212', '-'); }

    /** Plain text, negative numbers bracketed for products. */
    public static String paren(double v) {
        String s = num(v);
        return s.startsWith("\u2212") ? "(" + s + ")" : s;
    }
}
