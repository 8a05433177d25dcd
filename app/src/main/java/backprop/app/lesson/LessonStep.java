package backprop.app.lesson;

import java.util.Map;

/**
 * One step of a lesson, in the order it happens: open a view with a network, set controls, train,
 * move the timeline to a point, highlight an element, then show the prose and ask. Every field but
 * {@code title} and {@code text} may be null (nothing to do).
 *
 * @param view      the view the step opens ({@code open.view}), null: stay
 * @param network   the network file, relative to the lesson's folder and already checked to lie inside it
 * @param set       control id → value (a string, number or boolean, as text)
 * @param train     training steps to run after opening and setting (0: none)
 * @param point     a timeline point to move to (Backprop view)
 * @param highlight a stable id of an element of the current view
 */
public record LessonStep(String title, String text, String view, String network, Map<String, String> set, int train,
        String point, String highlight, Question ask, String hint, String explain) {
    public LessonStep {
        set = set == null ? Map.of() : Map.copyOf(set);
    }
}
