package backprop.engine.spec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text a user wrote, made safe to quote in a one-line message: control characters become
 * escapes ({@code \n}, {@code \u0007}) so a message never spans two lines or rings a bell,
 * and long text is cut with an ellipsis so a million-character name is not echoed back.
 */
public final class UserText {
    private UserText() {}

    /** How much of one piece of user text a message quotes. */
    public static final int QUOTE_LENGTH = 80;
    /** How much of a JSON path a message shows (paths carry user keys). */
    public static final int PATH_LENGTH = 96;
    /** A whole one-line message at most, after the pieces are cut. */
    public static final int MESSAGE_LENGTH = 300;

    // A run of text between quotes longer than QUOTE_LENGTH: user text, as every reader quotes it.
    private static final Pattern LONG_QUOTE = Pattern.compile("(['\"])([^'\"]{" + (QUOTE_LENGTH + 1) + ",})\\1");

    /** {@code text} with control characters and line separators written as escapes. */
    public static String escape(String text) {
        if (text == null) return "null";
        StringBuilder s = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String e = escapeOf(c);
            if (e != null && s == null) s = new StringBuilder(text.length() + 16).append(text, 0, i);
            if (s != null) {
                if (e != null) s.append(e);
                else s.append(c);
            }
        }
        return s == null ? text : s.toString();
    }

    private static String escapeOf(char c) {
        switch (c) {
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            default:
                boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
                return control ? String.format("\\u%04x", (int) c) : null;
        }
    }

    /** {@code text} cut to at most {@code max} characters, the last one an ellipsis; never splits a surrogate pair. */
    public static String cut(String text, int max) {
        if (text.length() <= max) return text;
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return text.substring(0, end) + "…";
    }

    /** User text quoted for a message: {@code 'a\nb'}, escaped and cut. */
    public static String quote(String text) {
        return "'" + cut(escape(text), QUOTE_LENGTH) + "'";
    }

    /**
     * A whole message made one short line: escaped, every quoted run cut to {@link #QUOTE_LENGTH}
     * and the whole to {@link #MESSAGE_LENGTH}. Messages that quote user text in '…' or "…"
     * (every reader's do) thus stay readable however long the text was.
     */
    public static String oneLine(String message) {
        String s = escape(message);
        if (s.length() > QUOTE_LENGTH) {
            Matcher m = LONG_QUOTE.matcher(s);
            StringBuilder b = new StringBuilder();
            while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + cut(m.group(2), QUOTE_LENGTH) + m.group(1)));
            m.appendTail(b);
            s = b.toString();
        }
        return cut(s, MESSAGE_LENGTH);
    }
}
