package backprop.app.session;

import backprop.app.theme.Theme;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A saved picture of the app that another machine reopens exactly: which view, its theme, and the
 * view's own state (its network, data and seed, settings, how far it trained, where the timeline
 * stands), which the view writes and reads itself ({@code StudioView.saveState / restoreState}).
 * The views keep what they need to replay their numbers bit for bit from the seed.
 */
public record Session(String view, Theme theme, ObjectNode state) {
    public static final String FORMAT = "backprop-studio.session";
    public static final int VERSION = 1;
    /** Largest session file read (a network's weights included, far below this). */
    public static final long MAX_BYTES = 16L << 20;
}
