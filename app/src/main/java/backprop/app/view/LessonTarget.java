package backprop.app.view;

import java.util.Map;

/**
 * The live side of a view, as the lesson player drives it: the same controls and training steps
 * as its {@link LessonProbe}, done synchronously on the FX thread (the player waits), and the
 * view's elements marked by their stable ids. A view offers one through
 * {@link StudioView#lessonTarget()}.
 */
public interface LessonTarget {
    /** Sets a step's controls (already checked by the probe), synchronously. */
    void set(Map<String, String> controls);

    /** {@code steps} more training steps, synchronously. */
    void train(int steps);

    /**
     * Marks the element with stable id {@code id} (null: none) and moves the view to it where it
     * has a position (a time step, a node of a walk). {@code conceal}: a prediction asks for this
     * number, so the view keeps it hidden where it can until {@link #reveal()}.
     */
    void highlight(String id, boolean conceal);

    /** Shows what {@link #highlight} kept hidden. */
    default void reveal() { }
}
