package backprop.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.backprop.BackpropView;
import backprop.app.playground.PlaygroundView;
import backprop.app.views.StudioViews;
import java.util.List;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;

/** Id, title and icon are written once, in the view: the list registers the view's own constant. */
class ViewRegistryTest {
    /** A view without nodes, so no JavaFX toolkit is needed. */
    private record Bare(ViewInfo info) implements StudioView {
        @Override public Node root() { return null; }
    }

    @Test
    void theAppsListRegistersEachViewsOwnInfo() {
        List<ViewRegistry.Entry> entries = StudioViews.registry().entries();
        assertSame(PlaygroundView.INFO, entries.get(0).info());
        assertSame(BackpropView.INFO, entries.get(1).info());
        assertEquals(List.of("playground", "backprop", "recurrent", "text", "gradients", "cnn", "depth", "editor", "lessons"), StudioViews.registry().availableIds());
        assertSame(backprop.app.cnn.CnnView.INFO, StudioViews.registry().entry("cnn").orElseThrow().info());
    }

    @Test
    void aViewThatSaysItIsSomethingElseIsRefused() {
        ViewInfo a = new ViewInfo("a", "A", "mdi2b-brain");
        ViewRegistry r = new ViewRegistry().add(a, () -> new Bare(new ViewInfo("a", "Another title", "mdi2b-brain")));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.view("a"));
        assertTrue(e.getMessage().contains("Another title"), e.getMessage());
        ViewRegistry ok = new ViewRegistry().add(a, () -> new Bare(a));
        assertSame(a, ok.view("a").info());
    }

    @Test
    void aViewThatOpensNoNetworksSaysSoInOneSentence() {
        StudioView v = new Bare(new ViewInfo("lessons", "Lessons", "mdi2s-school-outline"));
        assertEquals("Lessons does not open network files.", v.cannotShow(null).orElseThrow());
    }
}
