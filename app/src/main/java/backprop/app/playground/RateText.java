package backprop.app.playground;

import java.math.BigDecimal;
import java.util.List;

/**
 * How the playground writes and reads a learning rate: plain decimals ("0.00001", never
 * "1.00000e-05"), any positive number typed, and one line saying why anything else is refused.
 */
final class RateText {
    private RateText() {}

    /** From far too small to far too large, so a class can see all three. */
    static final List<Double> RATES = List.of(0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 2.0, 3.0, 10.0, 30.0, 100.0);

    static String format(double rate) {
        return new BigDecimal(Double.toString(rate)).stripTrailingZeros().toPlainString();
    }

    /** The rate {@code text} names; IllegalArgumentException with the reason when it names none. */
    static double parse(String text) {
        String t = text == null ? "" : text.trim().replace('\u2212', '-').replace(',', '.');
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("learning rate: \u201c" + text.trim() + "\u201d is not a number");
        }
        if (!Double.isFinite(v)) throw new IllegalArgumentException("learning rate: \u201c" + text.trim() + "\u201d is not a finite number");
        if (v <= 0) throw new IllegalArgumentException("learning rate: " + format(v) + " is not positive; a step needs a rate above 0");
        return v;
    }
}
