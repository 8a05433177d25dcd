package backprop.app.view;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The play/pause/step controls a view offers. The toolbar buttons and presenter-mode keys
 * (space, → ←, Home/End, + −) call these and nothing else, so every view is driven the same way.
 */
public interface Transport {
    void togglePlay();

    void stepForward();

    void stepBack();

    void home();

    void end();

    void faster();

    void slower();

    ReadOnlyBooleanProperty playingProperty();

    /** Current speed for the toolbar, e.g. "2×" or "4 steps/s"; empty if the view does not say. */
    default ReadOnlyStringProperty speedText() { return new ReadOnlyStringWrapper("").getReadOnlyProperty(); }
}
