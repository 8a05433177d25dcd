package backprop.app.math;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a long formula may break: before each "=", "+", "←" or "→" that is not inside braces.
 * Sized delimiters ({@code \left( … \right)}) become plain ones first, so a long sum in brackets
 * can break too; the formulas here only bracket numbers, where both look the same.
 */
public final class TexLines {
    private TexLines() {}

    private static final String[] BREAKS = {" = ", " + ", " \\leftarrow ", " \\rightarrow "};

    /** The formula cut into pieces; each piece after the first starts with its operator. */
    public static List<String> pieces(String tex) {
        String t = tex.replace("\\left(", "(").replace("\\right)", ")").replace("\\left[", "[").replace("\\right]", "]");
        List<String> out = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\\' && i + 1 < t.length() && (t.charAt(i + 1) == '{' || t.charAt(i + 1) == '}')) {
                i++; // an escaped brace is text, not grouping
                continue;
            }
            if (c == '{') depth++;
            else if (c == '}') depth--;
            else if (depth == 0 && i > start && startsBreak(t, i)) {
                out.add(t.substring(start, i).trim());
                start = i;
            }
        }
        out.add(t.substring(start).trim());
        out.removeIf(String::isEmpty);
        return out;
    }

    private static boolean startsBreak(String t, int i) {
        for (String b : BREAKS) if (t.startsWith(b, i)) return true;
        return false;
    }
}
