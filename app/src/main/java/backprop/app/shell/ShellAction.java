package backprop.app.shell;

import backprop.app.view.Transport;

/** Everything a toolbar button or a shortcut key can ask the shell to do. */
public enum ShellAction {
    PLAY_PAUSE, STEP_BACK, STEP_FORWARD, HOME, END, SLOWER, FASTER,
    NEXT_THEME, TOGGLE_PRESENTER, LEAVE, TOGGLE_HELP, EXPORT_PNG, RECORD, SAVE_SESSION, OPEN_NETWORK, NEXT_VIEW, PREVIOUS_VIEW;

    /** True for actions that go to the current view's {@link Transport}. */
    public boolean isTransport() {
        return switch (this) {
            case PLAY_PAUSE, STEP_BACK, STEP_FORWARD, HOME, END, SLOWER, FASTER -> true;
            default -> false;
        };
    }

    /** Sends a transport action to {@code t}; other actions are not the transport's business. */
    public void applyTo(Transport t) {
        switch (this) {
            case PLAY_PAUSE -> t.togglePlay();
            case STEP_BACK -> t.stepBack();
            case STEP_FORWARD -> t.stepForward();
            case HOME -> t.home();
            case END -> t.end();
            case SLOWER -> t.slower();
            case FASTER -> t.faster();
            default -> throw new IllegalArgumentException(this + " is not a transport action");
        }
    }
}
