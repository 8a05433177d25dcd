package backprop.app.shell;

import backprop.engine.spec.NetworkSpec;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;

/**
 * One feature view of the app (Playground, Backprop, later Recurrent, CNN, Editor, Lessons).
 * The shell puts {@link #root()} in its centre, shows {@link #title()} in the navigation rail,
 * routes presenter-mode keys to {@link #transport()}, and shows {@link #stepText()} in the
 * status bar.
 */
public interface StudioView {
    /** Stable id used by the navigation rail and by {@code render --view ID}. */
    String id();

    String title();

    /** An Ikonli icon literal for the navigation rail, e.g. "mdi2g-graph-outline". */
    String iconLiteral();

    /** The view's node, created once and reused. */
    Node root();

    /** Play/pause/step controls for the toolbar and presenter keys; null if the view has none. */
    default Transport transport() { return null; }

    /** Short text for the status bar ("epoch 120 · step 480"). */
    default ReadOnlyStringProperty stepText() { return new ReadOnlyStringWrapper("").getReadOnlyProperty(); }

    /** The seed the view's current run uses, for the status bar; -1 if none. */
    default long seed() { return -1; }

    /**
     * Puts the view into a definite state for a PNG export: load {@code spec} (null: the view's
     * default) and advance {@code step} steps, synchronously. Called on the FX thread by
     * {@code render} and tests; may block briefly.
     */
    default void prepareForExport(NetworkSpec spec, int step) { }

    /** Called when the view becomes visible / hidden in the shell. */
    default void onShown() { }

    default void onHidden() { }

    /**
     * Presenter mode switched on or off. The shell already scales every CSS-styled node (root font
     * ×{@link backprop.app.theme.Styles#PRESENTER_SCALE}, use em units); views that draw text or
     * strokes on a Canvas should scale those by the same factor here and redraw.
     */
    default void onPresenterMode(boolean on) { }

    /** Stops every worker thread and timer the view owns (window closing). */
    default void dispose() { }
}
