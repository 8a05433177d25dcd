package backprop.app.view;

import backprop.engine.spec.NetworkSpec;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;

/**
 * One feature view of the app (Playground, Backprop, later Recurrent, CNN, Editor, Lessons).
 * The shell puts {@link #root()} in its centre, shows {@link #info()}'s title in the navigation
 * rail, routes presenter-mode keys to {@link #transport()}, shows {@link #stepText()} in the status
 * bar, and hands it networks to show ({@link #cannotShow}, {@link #open}).
 */
public interface StudioView {
    /** Id, title and icon: the same constant the view list registers (see {@link ViewInfo}). */
    ViewInfo info();

    default String id() { return info().id(); }

    /** The view's node, created once and reused. */
    Node root();

    /** Play/pause/step controls for the toolbar and presenter keys; null if the view has none. */
    default Transport transport() { return null; }

    /** Short text for the status bar ("epoch 120 · step 480"). */
    default ReadOnlyStringProperty stepText() { return new ReadOnlyStringWrapper("").getReadOnlyProperty(); }

    /**
     * The document the view edits, for the window's title ("• xor.json" when it has unsaved
     * changes); empty for views that edit no file.
     */
    default ReadOnlyStringProperty documentTitle() { return new ReadOnlyStringWrapper("").getReadOnlyProperty(); }

    /** The seed the view's current run uses, for the status bar; -1 if none. */
    default long seed() { return -1; }

    /**
     * Puts the view into a definite state for a PNG export: load {@code spec} (null: the view's
     * default) and advance {@code step} steps, synchronously. Called on the FX thread by
     * {@code render} and tests; may block briefly.
     */
    default void prepareForExport(NetworkSpec spec, int step) { }

    /**
     * As {@link #prepareForExport(NetworkSpec, int)}, then {@code substep} steps into that
     * training step, for views that break a step into parts (the backprop view's timeline).
     * Others refuse a sub-step with an {@link IllegalArgumentException} (bad input for render).
     */
    default void prepareForExport(NetworkSpec spec, int step, int substep) {
        if (substep != 0) throw new IllegalArgumentException("view " + info().id() + " has no sub-steps (--substep is for the backprop view)");
        prepareForExport(spec, step);
    }

    /**
     * Moves the view {@code steps} of its own steps further from where it is, synchronously, for an
     * animated export: one frame is drawn after each call. What a step is belongs to the view (a
     * Playground epoch, a Backprop sub-step, a CNN update). FX thread; may block briefly.
     *
     * @throws UnsupportedOperationException if the view has nothing that moves
     */
    default void advanceForExport(int steps) {
        throw new UnsupportedOperationException(info().title() + " has no steps to record");
    }

    /**
     * Why this view cannot show {@code spec}, in one sentence for the status bar; empty if it can.
     * Asking changes nothing, so the shell (and later the editor and lessons) can ask before
     * switching views. FX thread.
     */
    default Optional<String> cannotShow(NetworkSpec spec) {
        return Optional.of(info().title() + " does not open network files.");
    }

    /**
     * Shows {@code spec} in place of the view's current network; {@code source} names where it came
     * from (a file name, a lesson), or is null. Called only after {@link #cannotShow} said nothing.
     * What {@code cannotShow} cannot tell cheaply (does the data fit, does it build) is checked on
     * the view's worker, so the FX thread never waits for it; {@code done} then gets, once and on the
     * FX thread, empty when the network replaced the old one, or the problem in one sentence when it
     * did not (the old network stays, untouched).
     */
    default void open(NetworkSpec spec, String source, Consumer<Optional<String>> done) {
        throw new UnsupportedOperationException(cannotShow(spec).orElse(info().title() + " cannot open networks"));
    }

    /**
     * What a session file keeps of this view (docs/session-format.md): enough to replay the same
     * numbers from the seed and stand at the same place, or empty when the view keeps no sessions
     * yet. FX thread; cheap (no training).
     */
    default Optional<com.fasterxml.jackson.databind.node.ObjectNode> saveState() { return Optional.empty(); }

    /**
     * Puts the view into the state {@link #saveState} wrote, synchronously (training replayed from
     * the seed on the view's worker while the caller waits). A state that does not fit is refused
     * with a {@link backprop.app.session.SessionException} naming {@code file} and the JSON path
     * under {@code $.state}, and the view stays as it was. FX thread.
     */
    default void restoreState(com.fasterxml.jackson.databind.JsonNode state, String file) throws backprop.app.session.SessionException {
        throw new backprop.app.session.SessionException(file, "$.view", info().title() + " does not keep sessions yet");
    }

    /**
     * What a lesson can drive in this view (controls, training, highlighting by stable id), or
     * null when lessons do not reach into it this way. FX thread.
     */
    default LessonTarget lessonTarget() { return null; }

    /**
     * Opens a file or folder dropped on the window that the registry says this view claims (see
     * {@link ViewRegistry#claim}); the problem in one line when it cannot. FX thread.
     */
    default Optional<String> openDropped(java.nio.file.Path path) {
        return Optional.of(info().title() + " opens no files.");
    }

    /** Called when the view becomes visible / hidden in the shell. */
    default void onShown() { }

    default void onHidden() { }

    /**
     * Presenter mode switched on or off. The shell already scales every CSS-styled node (root font
     * ×{@link backprop.app.theme.Styles#PRESENTER_SCALE}, use em units); views that draw text or
     * strokes on a Canvas should scale those by the same factor here and redraw.
     */
    default void onPresenterMode(boolean on) { }

    /**
     * The window is about to close: a view holding unsaved work asks the user here (save, don't
     * save, cancel) and answers whether closing may go on; false keeps the window open. The shell
     * asks every view it created before anything is disposed. FX thread; may show a dialog.
     */
    default boolean confirmClose() { return true; }

    /** Stops every worker thread and timer the view owns (window closing). */
    default void dispose() { }
}
