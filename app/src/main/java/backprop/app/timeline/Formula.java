package backprop.app.timeline;

/**
 * A step written out for people: the formula with the numbers substituted, as plain text (for
 * the accessible label and tests) and as TeX (for the typeset image), a one-line explanation,
 * a short label for the status bar ("δ of h1"), and, when the formula says "≈" because its
 * rounded numbers do not give the shown result exactly, the same formula with the engine's
 * full values (empty otherwise).
 */
public record Formula(String text, String tex, String explanation, String shortLabel, String exactNote) {
    public Formula(String text, String tex, String explanation, String shortLabel) {
        this(text, tex, explanation, shortLabel, "");
    }

    /** Whether the result is marked "≈" (see {@link #exactNote}). */
    public boolean approximate() { return !exactNote.isEmpty(); }
}
