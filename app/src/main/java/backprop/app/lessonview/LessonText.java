package backprop.app.lessonview;

import backprop.app.theme.Styles;
import backprop.app.lesson.Markdown;
import backprop.app.math.TexImages;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Draws a lesson's Markdown subset: one {@link TextFlow} per block, with formulas typeset by
 * JLaTeXMath (through {@link TexImages}, as the Backprop view's formulas are) inline in the text.
 */
final class LessonText {
    private LessonText() {}

    /**
     * @param size  font size of the formulas in points (the text's own size comes from CSS)
     * @param ink   colour of the formulas (the theme's text colour)
     */
    static VBox render(String markdown, float size, Color ink) {
        VBox box = new VBox();
        box.getStyleClass().add(Styles.LESSON_TEXT);
        for (Markdown.Block b : Markdown.blocks(markdown)) {
            TextFlow flow = new TextFlow();
            flow.getStyleClass().add(switch (b.kind()) {
                case HEADING -> "lesson-heading";
                case ITEM -> "lesson-item";
                case PARAGRAPH -> "lesson-paragraph";
            });
            if (b.kind() == Markdown.BlockKind.ITEM) flow.getChildren().add(text("•  ", null));
            for (Markdown.Span s : b.spans()) flow.getChildren().add(span(s, size, ink));
            box.getChildren().add(flow);
        }
        return box;
    }

    private static Node span(Markdown.Span s, float size, Color ink) {
        return switch (s.kind()) {
            case FORMULA -> {
                ImageView img = new ImageView(TexImages.render(s.text(), size, 2, ink));
                img.setPreserveRatio(true);
                img.setFitHeight(img.getImage().getHeight() / 2);
                img.setTranslateY(size * 0.25);
                img.setAccessibleText(s.text());
                yield img;
            }
            case BOLD -> text(s.text(), "lesson-bold");
            case ITALIC -> text(s.text(), "lesson-italic");
            case CODE -> text(s.text(), "lesson-code");
            case TEXT -> text(s.text(), null);
        };
    }

    private static Text text(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().add(Styles.LESSON_SPAN);
        if (style != null) t.getStyleClass().add(style);
        return t;
    }
}
