package backprop.app.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * The small Markdown subset lessons are written in: paragraphs (blank-line separated), {@code # }
 * headings, {@code - } list items, {@code **bold**}, {@code *italic*}, {@code `code`} and
 * {@code $…$} formulas (typeset by JLaTeXMath). No links, images or HTML: a lesson shows only its
 * own text. This class splits text into blocks and inline spans; the player draws them.
 */
public final class Markdown {
    /** The start of an HTML tag or comment; a lone less-than sign ("a < 0") is ordinary text. */
    private static final java.util.regex.Pattern HTML_TAG = java.util.regex.Pattern.compile("<[A-Za-z/!?]");

    /** Stands for an escaped character while {@link #problem} looks for unclosed markers. */
    private static final char ESCAPED = '\uE000';

    private Markdown() {}

    public enum BlockKind { PARAGRAPH, HEADING, ITEM }

    public enum SpanKind { TEXT, BOLD, ITALIC, CODE, FORMULA }

    public record Span(SpanKind kind, String text) {}

    public record Block(BlockKind kind, List<Span> spans) {}

    /** Why {@code text} is not in the subset (an unclosed {@code $} or {@code `}, a link, HTML), or null. */
    public static String problem(String text) {
        for (Block b : blocks(text, false)) {
            for (Span s : b.spans()) {
                if (s.kind() == SpanKind.FORMULA && s.text().isBlank()) return "an empty formula $$";
                if (s.kind() == SpanKind.FORMULA) {
                    String tex = texProblem(s.text());
                    if (tex != null) return "formula $" + s.text() + "$ is not valid TeX: " + tex;
                }
                if (s.kind() == SpanKind.TEXT && s.text().contains("$")) return "a $ without its closing $ (write \\$ for a dollar sign)";
                if (s.kind() == SpanKind.TEXT && s.text().contains("`")) return "a ` without its closing `";
                if (s.kind() == SpanKind.TEXT && (s.text().contains("](") || HTML_TAG.matcher(s.text()).find())) {
                    return "links, images and HTML are not part of the lesson text";
                }
            }
        }
        return null;
    }

    /** JLaTeXMath's complaint about {@code tex} (what the player would typeset), or null when it parses. */
    static String texProblem(String tex) {
        try {
            new org.scilab.forge.jlatexmath.TeXFormula(tex);
            return null;
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    public static List<Block> blocks(String text) {
        return blocks(text, true);
    }

    /** With {@code literal} false, escaped characters stay as {@link #ESCAPED} marks, so {@link #problem} can tell them from unclosed markers. */
    private static List<Block> blocks(String text, boolean literal) {
        List<Block> out = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        for (String line : text.replace("\r", "").split("\n", -1)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("# ") || t.startsWith("- ")) {
                if (!para.isEmpty()) out.add(new Block(BlockKind.PARAGRAPH, spans(para.toString(), literal)));
                para.setLength(0);
                if (t.startsWith("# ")) out.add(new Block(BlockKind.HEADING, spans(t.substring(2).strip(), literal)));
                else if (t.startsWith("- ")) out.add(new Block(BlockKind.ITEM, spans(t.substring(2).strip(), literal)));
            } else {
                if (!para.isEmpty()) para.append(' ');
                para.append(t);
            }
        }
        if (!para.isEmpty()) out.add(new Block(BlockKind.PARAGRAPH, spans(para.toString(), literal)));
        return out;
    }

    /** Inline spans; an unclosed marker stays in the text (and {@link #problem} names it). */
    public static List<Span> spans(String s) {
        return spans(s, true);
    }

    private static List<Span> spans(String s, boolean literal) {
        List<Span> out = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && "$`*\\".indexOf(s.charAt(i + 1)) >= 0) {
                plain.append(literal ? s.charAt(i + 1) : ESCAPED);
                i += 2;
                continue;
            }
            String open = s.startsWith("**", i) ? "**" : (c == '*' || c == '`' || c == '$') ? String.valueOf(c) : null;
            int close = open == null ? -1 : s.indexOf(open, i + open.length());
            if (open != null && close > i) {
                if (!plain.isEmpty()) out.add(new Span(SpanKind.TEXT, plain.toString()));
                plain.setLength(0);
                SpanKind k = switch (open) {
                    case "**" -> SpanKind.BOLD;
                    case "*" -> SpanKind.ITALIC;
                    case "`" -> SpanKind.CODE;
                    default -> SpanKind.FORMULA;
                };
                out.add(new Span(k, s.substring(i + open.length(), close)));
                i = close + open.length();
            } else {
                plain.append(c);
                i++;
            }
        }
        if (!plain.isEmpty()) out.add(new Span(SpanKind.TEXT, plain.toString()));
        return out;
    }
}
