package backprop.engine.data.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Formulas are parsed as data (exp4j), evaluated with StrictMath, and refused with a position. */
class FormulaTest {
    private static final List<String> X = List.of("x");

    private static String refusal(String text) {
        return assertThrows(IllegalArgumentException.class, () -> Formula.parse(text, X)).getMessage();
    }

    @Test
    void theIssuesExamplesEvaluate() {
        assertEquals(StrictMath.sin(1.5), Formula.parse("sin(3*x)", X).evaluate(0.5));
        assertEquals(-0.375, Formula.parse("x^3 - x", X).evaluate(0.5), 1e-15);
        assertEquals(0.25, Formula.parse("abs(x)", X).evaluate(-0.25));
        assertEquals(StrictMath.pow(0.3, 2.5), Formula.parse("x^2.5", X).evaluate(0.3), "the power is StrictMath's");
        assertEquals(5.0, Formula.parse("x1 + 2*x2", List.of("x1", "x2")).evaluate(1, 2));
    }

    @Test
    void undefinedPlacesAreNaN() {
        assertTrue(Double.isNaN(Formula.parse("1/x", X).evaluate(0)));
        assertTrue(Double.isNaN(Formula.parse("log(x)", X).evaluate(-1)));
    }

    @Test
    void badFormulasSayWhere() {
        assertTrue(refusal("sin(3*y)").startsWith("position 7: unknown function or variable 'y' (variables: x;"), refusal("sin(3*y)"));
        assertEquals("position 4: this parenthesis is never closed", refusal("sin(x"));
        assertEquals("position 2: a closing parenthesis without an opening one", refusal("x)"));
        assertEquals("position 3: an operator without a number or variable on each side", refusal("x +* 2"));
        assertEquals("position 3: the character ';' has no meaning in a formula", refusal("x ; System.exit(1)"));
        // exp4j reads "ex" as the constant e times x, then finds no function "it".
        assertTrue(refusal("exit(1)").startsWith("position 3: unknown function or variable 'it'"), refusal("exit(1)"));
        assertEquals("the formula is empty; type one such as sin(3*x)", refusal(" "));
    }
}
