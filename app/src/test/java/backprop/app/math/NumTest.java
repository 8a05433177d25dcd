package backprop.app.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NumTest {
    @Test
    void fourDecimalsWithATrueMinus() {
        assertEquals("0.2350", Num.fmt(0.235));
        assertEquals("\u22120.0116", Num.fmt(-0.0116));
        assertEquals("0.0000", Num.fmt(-0.00001));
        assertEquals("(\u22120.1200)", Num.paren(-0.12));
        assertEquals("-0.1200", Num.tex(-0.12));
        assertEquals("2", Num.shortFmt(2.0));
        assertEquals("0.5", Num.shortFmt(0.5f));
        assertEquals("\u22121.5", Num.shortFmt(-1.5));
    }

    /** The overflow: −259854.5156 was drawn as "59854.5156" in a box too narrow for it. */
    @Test
    void largeMagnitudesSwitchToFourSignificantDigitsWithAnExponent() {
        assertEquals("\u22122.599e5", Num.fmt(-259854.5156));
        assertEquals("999.9999", Num.fmt(999.9999));
        assertEquals("1.000e3", Num.fmt(1000));
        assertEquals("1.134e25", Num.fmt(11336531886689546000000000.0));
        assertEquals("-2.599 \\cdot 10^{5}", Num.tex(-259854.5156));
        assertEquals("(\u22122.599e5)", Num.paren(-259854.5156));
        assertEquals("\u2212∞", Num.fmt(Double.NEGATIVE_INFINITY));
        assertEquals("NaN", Num.fmt(Double.NaN));
        assertTrue(Num.fmt(-259854.5156).length() <= Num.fmt(-0.1234).length() + 1, "no wider than an ordinary value");
    }

    @Test
    void fullValuesAreTheFloatTheEngineHolds() {
        assertEquals("0.8029336", Num.full(0.8029336f));
        assertEquals("\u2212259854.52", Num.full(-259854.52f));
        assertEquals("\u22120.0064", Num.full(-0.0064f));
        assertEquals("2", Num.full(2.0));
        assertEquals("1.0e-5", Num.full(1e-5f));
    }
}
