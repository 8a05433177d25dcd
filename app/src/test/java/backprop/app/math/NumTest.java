package backprop.app.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
