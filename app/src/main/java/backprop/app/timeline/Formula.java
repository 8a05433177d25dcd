package backprop.app.timeline;

/**
 * A step written out for people: the formula with the numbers substituted, as plain text (for
 * the accessible label and tests) and as TeX (for the typeset image), a one-line explanation,
 * and a short label for the status bar ("δ of h1").
 */
public record Formula(String text, String tex, String explanation, String shortLabel) {}
