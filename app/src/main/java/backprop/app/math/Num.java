package backprop.app.math;

import java.util.Locale;

/**
 * How every number is written in the backprop views: four decimals, a true minus sign in
 * plain text (−, U+2212) and an ASCII minus in TeX (JLaTeXMath typesets it as a minus).
 * Magnitudes of {@link #COMPACT_FROM} and more switch to four significant digits with an
 * exponent ("−2.599e5"), so a diverging value keeps the width of an ordinary one instead of
 * overflowing its box. One formatter, so a test can format an engine value and find exactly
 * that text on screen.
 */
public final class Num {
    private Num() {}

    /** From this magnitude on, {@link #fmt} writes "1.235e3" rather than "1234.5000" (which is wider than a box's value). */
    public static final double COMPACT_FROM = 1000;

    /** Plain text: "0.2350", "−0.0116", "−2.599e5", "∞". */
    public static String fmt(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "\u2212∞";
        if (Math.abs(v) >= COMPACT_FROM) return minus(exponent(v, 3));
        String s = String.format(Locale.ROOT, "%.4f", v);
        if (s.equals("-0.0000")) s = "0.0000";
        return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
    }

    /** Plain text with {@code decimals} decimals, true minus sign: fixed(0.8912, 2) is "0.89". */
    public static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) return "NaN";
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.matches("-0\\.?0*")) s = s.substring(1);
        return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
    }

    /**
     * A loss or other measurement on the command line: six decimals ("0.063743"), but in exponent
     * form when that would be a long row of digits or of zeros ("1.393264e+29", "3.200000e-07").
     * Zero stays "0.000000"; NaN and infinities are written as Java does (the callers stop before).
     */
    public static String sixDecimals(double v) {
        double a = Math.abs(v);
        boolean exponent = Double.isFinite(v) && (a >= 1e6 || (a > 0 && a < 1e-4));
        return String.format(Locale.ROOT, exponent ? "%.6e" : "%.6f", v);
    }

    /** A fraction as a percentage with one decimal ("98.5 %"), or "—" for NaN (no such set). */
    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? "—" : String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    /** Plain text, negative numbers bracketed so that "0.41 × (−0.12)" reads unambiguously. */
    public static String paren(double v) {
        String s = fmt(v);
        return s.startsWith("\u2212") ? "(" + s + ")" : s;
    }

    /** TeX: "-0.0116", "-2.599 \\cdot 10^{5}". */
    public static String tex(double v) {
        String s = fmt(v).replace('\u2212', '-').replace("∞", "\\infty");
        int e = s.indexOf('e');
        return e < 0 ? s : s.substring(0, e) + " \\cdot 10^{" + s.substring(e + 1) + "}";
    }

    /**
     * The value as the engine holds it (a float32: its shortest exact decimal), for "computed from
     * the unrounded values" notes: "0.8029336", "−259854.52", "1.0e-5".
     */
    public static String full(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return fmt(v);
        float f = (float) v;
        if (f == Math.rint(f) && Math.abs(f) < 1e7) return minus(Long.toString((long) f));
        String s = Float.toString(f);
        int e = s.indexOf('E');
        if (e >= 0) s = s.substring(0, e) + "e" + Integer.parseInt(s.substring(e + 1));
        return minus(s);
    }

    /** d significant decimals after the first digit, exponent without "+" or leading zeros: "2.599e5", "-1.200e-7". */
    private static String exponent(double v, int d) {
        String s = String.format(Locale.ROOT, "%." + d + "e", v);
        int e = s.indexOf('e');
        return s.substring(0, e) + "e" + Integer.parseInt(s.substring(e + 1));
    }

    private static String minus(String s) {
        return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
    }

    /** TeX, negative numbers bracketed. */
    public static String texParen(double v) {
        String s = tex(v);
        return s.startsWith("-") ? "(" + s + ")" : s;
    }

    /** A short number for hyper-parameters such as η: "2", "0.5", "0.001". */
    public static String shortFmt(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e") || s.contains("E")) return s;
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
    }
}
