package backprop.app.shell;

import backprop.app.theme.Styles;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Ikonli literals the shell uses (Material Design Icons 2 pack). Each was checked against the
 * 12.3.1 pack jar; a wrong literal throws at run time, and ShellIconsTest resolves every one.
 */
public final class Icons {
    private Icons() {}

    public static final String PLAY = "mdi2p-play";
    public static final String PAUSE = "mdi2p-pause";
    public static final String STEP_BACK = "mdi2s-step-backward";
    public static final String STEP_FORWARD = "mdi2s-step-forward";
    public static final String HOME = "mdi2s-skip-previous";
    public static final String END = "mdi2s-skip-next";
    public static final String SLOWER = "mdi2s-speedometer-slow";
    public static final String FASTER = "mdi2s-speedometer";
    public static final String THEME = "mdi2t-theme-light-dark";
    public static final String PRESENTER = "mdi2p-presentation-play";
    public static final String EXPORT = "mdi2c-camera-outline";
    public static final String RECORD = "mdi2r-record-circle-outline";
    public static final String SAVE_SESSION = "mdi2c-content-save-outline";
    public static final String RECENT = "mdi2h-history";
    public static final String STOP_RECORDING = "mdi2s-stop-circle-outline";
    public static final String OPEN = "mdi2f-folder-open-outline";
    public static final String HELP = "mdi2h-help-circle-outline";

    public static final String[] ALL = {PLAY, PAUSE, STEP_BACK, STEP_FORWARD, HOME, END, SLOWER, FASTER,
            THEME, PRESENTER, OPEN, EXPORT, RECORD, STOP_RECORDING, SAVE_SESSION, RECENT, HELP};

    public static FontIcon icon(String literal) {
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().add(Styles.SHELL_ICON);
        return icon;
    }
}
