package backprop.app.views;

import backprop.app.backprop.BackpropView;
import backprop.app.cnn.CnnView;
import backprop.app.depth.DepthView;
import backprop.app.editor.EditorView;
import backprop.app.lessonview.LessonsView;
import backprop.app.playground.PlaygroundView;
import backprop.app.recurrent.RecurrentView;
import backprop.app.text.TextView;
import backprop.app.vanishing.VanishingView;
import backprop.app.view.ViewInfo;
import backprop.app.view.ViewRegistry;
import backprop.app.lesson.LessonProbes;
import backprop.app.view.StudioView;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The app's views, in navigation-rail order: the one place that knows every feature package, so
 * the shell never has to. Each view's id, title and icon come from its own {@code INFO}; the
 * placeholders say what is on its way. Adding a view is one line here (see docs/ARCHITECTURE.md,
 * "How to add a view").
 */
public final class StudioViews {
    private StudioViews() {}

    /** A fresh registry (views are created per registry, lazily) of the real views and the placeholders. */
    public static ViewRegistry registry() {
        return new ViewRegistry()
                .add(PlaygroundView.INFO, PlaygroundView::new)
                .add(BackpropView.INFO, BackpropView::new)
                .add(RecurrentView.INFO, RecurrentView::new)
                .add(TextView.INFO, TextView::new)
                .add(VanishingView.INFO, VanishingView::new)
                .add(CnnView.INFO, CnnView::new)
                .add(DepthView.INFO, DepthView::new)
                .add(EditorView.INFO, EditorView::new)
                .add(LessonsView.INFO, () -> new LessonsView(lessonViews()))
                .claim(LessonsView.INFO.id(), LessonsView::isLesson);
    }

    /** The views a lesson can open, by the ids lessons use (the player makes its own, separate from the rail's). */
    public static Map<String, Supplier<StudioView>> lessonViews() {
        return Map.of(
                BackpropView.INFO.id(), BackpropView::new,
                PlaygroundView.INFO.id(), PlaygroundView::new,
                LessonProbes.GRAPH, () -> {
                    BackpropView v = new BackpropView();
                    v.setGraphMode(true);
                    return v;
                },
                RecurrentView.INFO.id(), RecurrentView::new,
                VanishingView.INFO.id(), VanishingView::new,
                TextView.INFO.id(), TextView::new,
                CnnView.INFO.id(), CnnView::new,
                DepthView.INFO.id(), DepthView::new);
    }
}
