package backprop.app.draw;

import java.util.Locale;

/** Numbers that span many powers of ten: "3.46e−6", "0.0151", "70.7", and axis labels "10⁻⁶". */
public final class Sci {
    private Sci() {}

    private static final String SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** Three significant digits; scientific below 0.001 and above 9,999; a true minus sign. */
    public static String format(double v) {
        if (Double.isNaN(v)) return "—";
        double a = Math.abs(v);
        String s = a != 0 && (a < 1e-3 || a >= 1e4) ? String.format(Locale.ROOT, "%.2e", v).replace("e-0", "e-").replace("e+0", "e").replace("e+", "e")
                : String.format(Locale.ROOT, a >= 100 ? "%.1f" : a >= 1 ? "%.3f" : "%.4f", v);
        return s.replace('-', '\u2212');
    }

    /** "10⁻⁶", "10⁰", "10³". */
    public static String decade(int d) {
        StringBuilder sb = new StringBuilder("10");
        if (d < 0) sb.append('⁻');
        for (char c : Integer.toString(Math.abs(d)).toCharArray()) sb.append(SUPERSCRIPT.charAt(c - '0'));
        return sb.toString();
    }
}
