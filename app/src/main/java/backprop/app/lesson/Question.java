package backprop.app.lesson;

import java.util.List;

/** What a step asks the student. Every kind can be answered by the engine alone (see {@link LessonWalk}). */
public sealed interface Question {
    /**
     * Predict, then reveal: a number, checked against the engine's value of the Backprop view's
     * timeline point {@code point} (e.g. "δ of h1") within {@code tolerance} (absolute).
     */
    record Predict(String point, double tolerance) implements Question {}

    /** Multiple choice; {@code answer} is the index of the right option. */
    record Choice(List<String> options, int answer) implements Question {}

    /**
     * A goal on the app's state: train until the loss {@code measure} is below {@code below}, in at
     * most {@code within} more steps. Headless, the engine trains and must reach it.
     */
    record Goal(String measure, double below, int within) implements Question {}
}
