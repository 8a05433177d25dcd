package backprop.app.view;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine side of a view, as a lesson sees it, without a window: the same engine objects the
 * view draws from, driven by a lesson's controls and training steps, asked for the stable ids of
 * what the view shows and for the numbers behind them. {@code lesson check}, {@code lesson run}
 * and the player's expected answers all come from a probe, so a view and its probe must build
 * their numbers with the same code (each feature package keeps both side by side). Not FX: plain
 * engine work, on any one thread.
 */
public interface LessonProbe {
    /** Why {@code control = value} cannot be set, in one line naming the controls that exist; empty if it can. */
    Optional<String> controlProblem(String control, String value);

    /**
     * Sets the controls of one step together (the probe decides the order: a control that
     * rebuilds the network comes before those that look at it). Each has passed
     * {@link #controlProblem}.
     */
    void set(Map<String, String> controls);

    /** {@code steps} more training steps, as the view's train buttons make them. */
    void train(int steps);

    /** The stable ids of the view as it now is: elements a step may highlight and numbers it may ask for. */
    List<String> ids();

    /** The engine's number behind {@code id}, or NaN when the id names no number (an element, a picture). */
    double value(String id);

    /**
     * The one-line refusal every probe gives: empty when {@code ok}; else that {@code view} has no
     * such control (naming its {@code controls}), or that it takes no such value.
     */
    static Optional<String> refusal(String view, List<String> controls, String control, String value, boolean ok) {
        if (ok) return Optional.empty();
        if (!controls.contains(control)) {
            return Optional.of("the " + view + " view has no control \"" + control + "\" (controls: " + String.join(", ", controls.stream().sorted().toList()) + ")");
        }
        return Optional.of("\"" + value + "\" is not a value control \"" + control + "\" of the " + view + " view takes");
    }
}
