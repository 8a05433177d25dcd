package backprop.app.view;

import javafx.event.Event;
import javafx.event.EventType;

/**
 * Fired by a view's own "Open…" control so that it takes the shell's route (the file dialog, the
 * reader, {@code cannotShow}, the view's worker, one message format) instead of one of its own.
 * The shell handles it as File → Open network… for the current view; the view never knows the shell.
 */
public final class OpenNetworkRequest extends Event {
    public static final EventType<OpenNetworkRequest> OPEN_NETWORK = new EventType<>(Event.ANY, "OPEN_NETWORK_REQUEST");

    public OpenNetworkRequest() {
        super(OPEN_NETWORK);
    }
}
