package backprop.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.lesson.Markdown.Span;
import backprop.app.lesson.Markdown.SpanKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lesson prose subset: what it splits into, and what it refuses. */
class MarkdownTest {
    @Test
    void splitsBlocksAndSpans() {
        List<Markdown.Block> b = Markdown.blocks("# Title\n\nA **bold** and *soft* `code` with $a_j = g(z)$.\n- one\n- two");
        assertEquals(List.of(Markdown.BlockKind.HEADING, Markdown.BlockKind.PARAGRAPH, Markdown.BlockKind.ITEM, Markdown.BlockKind.ITEM),
                b.stream().map(Markdown.Block::kind).toList());
        assertEquals(List.of(new Span(SpanKind.TEXT, "A "), new Span(SpanKind.BOLD, "bold"), new Span(SpanKind.TEXT, " and "),
                new Span(SpanKind.ITALIC, "soft"), new Span(SpanKind.TEXT, " "), new Span(SpanKind.CODE, "code"),
                new Span(SpanKind.TEXT, " with "), new Span(SpanKind.FORMULA, "a_j = g(z)"), new Span(SpanKind.TEXT, ".")), b.get(1).spans());
    }

    @Test
    void escapedMarkersAndALoneLessThanAreText() {
        assertNull(Markdown.problem("costs \\$5 when a < 0"));
        assertEquals(List.of(new Span(SpanKind.TEXT, "costs $5 when a < 0")), Markdown.spans("costs \\$5 when a < 0"));
    }

    @Test
    void refusesWhatIsNotInTheSubset() {
        assertTrue(Markdown.problem("costs $5").contains("without its closing $"));
        assertTrue(Markdown.problem("a `tick").contains("without its closing `"));
        assertTrue(Markdown.problem("see [the site](http://x)").contains("links"));
        assertTrue(Markdown.problem("<script>alert(1)</script>").contains("HTML"));
        assertTrue(Markdown.problem("$\\nosuchcommand$").contains("not valid TeX"));
    }
}
