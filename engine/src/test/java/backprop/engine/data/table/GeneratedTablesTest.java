package backprop.engine.data.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated sets beyond two classes: their shape, their labels, and the same points for the same seed. */
class GeneratedTablesTest {

    @Test
    void everySetHasItsShapeAndRepeatsForItsSeed() {
        for (String name : GeneratedTables.NAMES) {
            String f = name.equals(GeneratedTables.FORMULA_SURFACE) ? "x1*x2" : "x^3 - x";
            Table a = GeneratedTables.generate(name, 90, 0.2, 7, null, f), b = GeneratedTables.generate(name, 90, 0.2, 7, null, f);
            assertEquals(90, a.rows(), name);
            for (int r = 0; r < a.rows(); r++) assertArrayEquals(a.x()[r], b.x()[r], name);
            if (a.isRegression()) assertArrayEquals(a.targets(), b.targets(), name);
            else assertArrayEquals(a.classes(), b.classes(), name);
        }
        assertEquals(3, GeneratedTables.generate("spiral-3", 30, 0, 1, null, null).classCount());
        assertEquals(5, GeneratedTables.generate("blobs", 30, 0, 1, 5, null).classCount());
        assertTrue(GeneratedTables.generate("plane", 30, 0, 1, null, null).isRegression());
        assertEquals(List.of("x"), GeneratedTables.generate("formula-curve", 30, 0, 1, null, "abs(x)").featureNames());
    }

    @Test
    void formulaSetsFollowTheFormula() {
        Table above = GeneratedTables.generate("formula-classes", 200, 0, 3, null, "sin(3*x)");
        for (int r = 0; r < above.rows(); r++) {
            float[] p = above.x()[r];
            assertEquals(p[1] > StrictMath.sin(3 * (double) p[0]) ? 1 : 0, above.classes()[r], "row " + r);
        }
        Table curve = GeneratedTables.generate("formula-curve", 50, 0, 3, null, "x^3 - x");
        for (int r = 0; r < curve.rows(); r++) {
            double x = curve.x()[r][0];
            assertEquals((float) (x * x * x - x), curve.targets()[r], 1e-6f);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GeneratedTables.generate("formula-curve", 50, 0, 3, null, "1/(x-x)"));
        assertTrue(e.getMessage().startsWith("the formula gives no number at x = "), e.getMessage());
    }
}
