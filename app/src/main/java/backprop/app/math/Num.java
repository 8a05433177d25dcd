package backprop.app.math;

import java.util.Locale;

/**
 * How every number is written in the backprop views: four decimals, a true minus sign in
 * plain text (−, U+2212) and an ASCII minus in TeX (JLaTeXMath typesets it as a minus).
 * One formatter, so a test can format an engine value and find exactly that text on screen.
 */
public final class Num {
    private Num() {}

    /** Plain text: "0.2350", "−0.0116". */
    public static String fmt(double v) {
        if (Double.isNaN(v)) return "NaN";
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

    /** A fraction as a percentage with one decimal ("98.5 %"), or "—" for NaN (no such set). */
    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? "—" : String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    /** Plain text, negative numbers bracketed so that "0.41 × (−0.12)" reads unambiguously. */
    public static String paren(double v) {
        String s = fmt(v);
        return s.startsWith("\u2212") ? "(" + s + ")" : s;
    }

    /** TeX: "-0.0116". */
    public static String tex(double v) {
        return fmt(v).replace('\u2212', '-');
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
