package backprop.app.timeline;

import java.util.Locale;

/**
 * "Predict, then reveal": a student's guess against the engine's value. A guess counts as
 * right within 1% of the value or within 0.001 (so a guess of 0 for a value of 0.0004 counts).
 */
public final class Guess {
    private Guess() {}

    public enum Verdict { CORRECT, WRONG, UNREADABLE }

    public static Verdict judge(String typed, double actual) {
        double g;
        try {
            g = parse(typed);
        } catch (NumberFormatException e) {
            return Verdict.UNREADABLE;
        }
        return close(g, actual) ? Verdict.CORRECT : Verdict.WRONG;
    }

    public static boolean close(double guess, double actual) {
        double err = Math.abs(guess - actual);
        return err <= 1e-3 || err <= 0.01 * Math.abs(actual);
    }

    /** Accepts "−0.12", "-0.12", "-.12", "0,12" (decimal comma). */
    public static double parse(String typed) {
        if (typed == null) throw new NumberFormatException("empty");
        String s = typed.trim().replace('\u2212', '-').replace(',', '.').toLowerCase(Locale.ROOT);
        if (s.isEmpty()) throw new NumberFormatException("empty");
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) throw new NumberFormatException("not finite");
        return v;
    }
}
