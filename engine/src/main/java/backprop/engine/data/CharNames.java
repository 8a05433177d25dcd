package backprop.engine.data;

/**
 * How a character is shown where a feature name goes (a column head, a legend, the top
 * predictions): as itself when it prints as something, else as a visible stand-in, because a
 * newline or a space as a label shows nothing at all.
 */
final class CharNames {
    private CharNames() {}

    /** "a", "⏎" for a newline, "␣" for a space, "⇥" for a tab, "U+00A0" for other invisible characters. */
    static String of(int codePoint) {
        switch (codePoint) {
            case '\n': return "⏎";
            case ' ': return "␣";
            case '\t': return "⇥";
            case '\r': return "␍";
            default:
                return visible(codePoint) ? new String(Character.toChars(codePoint)) : String.format("U+%04X", codePoint);
        }
    }

    private static boolean visible(int c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) return false;
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE -> false;
            default -> true;
        };
    }
}
