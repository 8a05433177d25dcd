package backprop.app.view;

import backprop.engine.spec.NetworkSpec;
import javafx.event.Event;
import javafx.event.EventType;

/**
 * Fired by a view that wants a network shown in another view (the editor's "Open in"): the shell
 * takes it through its one open-network route, so the target view's {@code cannotShow} and
 * {@code open} decide, and the status bar says what happened. The sender never knows the target.
 */
public final class OpenInViewRequest extends Event {
    public static final EventType<OpenInViewRequest> OPEN_IN_VIEW = new EventType<>(Event.ANY, "OPEN_IN_VIEW_REQUEST");

    private final String viewId;
    private final NetworkSpec spec;
    private final String source;

    public OpenInViewRequest(String viewId, NetworkSpec spec, String source) {
        super(OPEN_IN_VIEW);
        this.viewId = viewId;
        this.spec = spec;
        this.source = source;
    }

    public String viewId() { return viewId; }

    public NetworkSpec spec() { return spec; }

    /** Where the network came from ("xor.json", "the editor"), for the status message. */
    public String source() { return source; }
}
