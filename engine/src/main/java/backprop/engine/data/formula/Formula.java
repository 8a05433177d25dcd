package backprop.engine.data.formula;

import backprop.engine.spec.Limits;
import backprop.engine.spec.UserText;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;
import net.objecthunter.exp4j.ValidationResult;

/**
 * A formula a user typed ({@code sin(3*x)}, {@code x^3 - x}, {@code abs(x)}), parsed by exp4j
 * into an expression tree of numbers, variables, operators and a fixed list of functions: it is
 * data, never code that runs. The usual functions are replaced by StrictMath versions, so a data
 * set drawn from a formula is the same on every CPU. A formula that cannot be used is refused
 * with the position (counted from 1) of the problem where one can be found.
 */
public final class Formula {
    private static final Pattern ALLOWED = Pattern.compile("[0-9A-Za-z_.+\\-*/^%(),\\s]*");
    private static final Pattern AT = Pattern.compile("at (?:pos |\\[)(\\d+)");
    private static final Pattern OPERATORS = Pattern.compile("[+\\-*/^%]\\s*[*/^%]|[*/^%]\\s*$|^\\s*[*/^%]");

    private final String text;
    private final List<String> variables;
    private final Expression expression;

    private Formula(String text, List<String> variables, Expression expression) {
        this.text = text;
        this.variables = variables;
        this.expression = expression;
    }

    /** The formula's text, as typed. */
    public String text() { return text; }

    /**
     * Parses {@code text} with the given variable names ("x" or "x1", "x2"). Throws
     * {@link IllegalArgumentException} with a one-line message: "position 7: unknown function or variable 'y'".
     */
    public static Formula parse(String text, List<String> variables) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("the formula is empty; type one such as sin(3*x)");
        if (text.length() > Limits.FORMULA_LENGTH) {
            throw new IllegalArgumentException(text.length() + " characters, over the limit of " + Limits.FORMULA_LENGTH + " for a formula");
        }
        if (!ALLOWED.matcher(text).matches()) {
            for (int i = 0; i < text.length(); i++) {
                if (!ALLOWED.matcher(String.valueOf(text.charAt(i))).matches()) {
                    throw at(i, "the character " + UserText.quote(String.valueOf(text.charAt(i))) + " has no meaning in a formula");
                }
            }
        }
        checkParentheses(text);
        Matcher ops = OPERATORS.matcher(text);
        if (ops.find()) throw at(ops.start(), "an operator without a number or variable on each side");
        Expression e;
        try {
            e = new ExpressionBuilder(text).variables(variables.toArray(String[]::new)).functions(StrictFunctions.ALL).operator(StrictFunctions.POWER).build();
        } catch (RuntimeException ex) {
            throw fromExp4j(ex, variables);
        }
        for (String v : variables) e.setVariable(v, 0.5);
        ValidationResult valid;
        try {
            valid = e.validate();
        } catch (RuntimeException ex) {
            throw fromExp4j(ex, variables);
        }
        if (!valid.isValid()) {
            throw new IllegalArgumentException("cannot be read as a formula (" + String.join("; ", valid.getErrors()).toLowerCase(java.util.Locale.ROOT) + ")");
        }
        Formula f = new Formula(text, List.copyOf(variables), e);
        f.evaluate(new double[variables.size()]); // a tree exp4j built but cannot evaluate is refused here, not mid-way through a data set
        return f;
    }

    /**
     * f at the given values of the variables, in the order they were declared; NaN where f is
     * undefined (division by zero included). IllegalArgumentException for a tree exp4j cannot evaluate.
     */
    public double evaluate(double... values) {
        for (int i = 0; i < values.length; i++) expression.setVariable(variables.get(i), values[i]);
        try {
            return expression.evaluate();
        } catch (ArithmeticException e) {
            return Double.NaN;
        } catch (RuntimeException e) {
            // exp4j signals some malformed trees only when evaluating them (an empty stack, a missing operand)
            throw new IllegalArgumentException("cannot be read as a formula (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
    }

    private static void checkParentheses(String text) {
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') open.push(i);
            if (c == ')') {
                if (open.isEmpty()) throw at(i, "a closing parenthesis without an opening one");
                open.pop();
            }
        }
        if (!open.isEmpty()) throw at(open.peek(), "this parenthesis is never closed");
    }

    private static IllegalArgumentException fromExp4j(RuntimeException ex, List<String> variables) {
        String m = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        Matcher where = AT.matcher(m);
        String problem = m.startsWith("Unknown function or variable")
                ? "unknown function or variable " + m.substring(m.indexOf('\''), m.indexOf('\'', m.indexOf('\'') + 1) + 1)
                        + " (variables: " + String.join(", ", variables) + "; functions such as sin, cos, exp, log, sqrt, abs)"
                : m.replaceAll("\\s*at (pos |\\[)\\d+\\]?.*", "").toLowerCase(java.util.Locale.ROOT);
        if (where.find()) return at(Integer.parseInt(where.group(1)), problem);
        return new IllegalArgumentException(UserText.oneLine(problem));
    }

    private static IllegalArgumentException at(int index, String problem) {
        return new IllegalArgumentException("position " + (index + 1) + ": " + problem);
    }
}
