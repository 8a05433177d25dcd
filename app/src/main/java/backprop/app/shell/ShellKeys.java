package backprop.app.shell;

import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The keyboard map, in one place so the help overlay and the handler agree. Transport keys
 * (space, arrows, Home/End, + −) work in and out of presenter mode, except while the user types
 * in a text field or drives a slider (the shell checks the focus owner before asking here).
 */
public final class ShellKeys {
    private ShellKeys() {}

    /** Key → action for KEY_PRESSED events. */
    public static Optional<ShellAction> forPressed(KeyCode code, boolean shortcutDown) {
        if (shortcutDown) {
            return Optional.ofNullable(switch (code) {
                case E -> ShellAction.EXPORT_PNG;
                case R -> ShellAction.RECORD;
                case O -> ShellAction.OPEN_NETWORK;
                case PAGE_DOWN -> ShellAction.NEXT_VIEW;
                case PAGE_UP -> ShellAction.PREVIOUS_VIEW;
                default -> null;
            });
        }
        ShellAction a = switch (code) {
            case SPACE -> ShellAction.PLAY_PAUSE;
            // Presentation clickers send PgDn/PgUp: the same as → and ←.
            case RIGHT, KP_RIGHT, PAGE_DOWN -> ShellAction.STEP_FORWARD;
            case LEFT, KP_LEFT, PAGE_UP -> ShellAction.STEP_BACK;
            case HOME -> ShellAction.HOME;
            case END -> ShellAction.END;
            // '+' sits on '=' on many layouts: accept both, and the numpad keys.
            case PLUS, ADD, EQUALS -> ShellAction.FASTER;
            case MINUS, SUBTRACT -> ShellAction.SLOWER;
            case F5 -> ShellAction.TOGGLE_PRESENTER;
            case ESCAPE -> ShellAction.LEAVE;
            case F1 -> ShellAction.TOGGLE_HELP;
            default -> null;
        };
        return Optional.ofNullable(a);
    }

    public static Optional<ShellAction> forPressed(KeyEvent e) {
        if (e.isShortcutDown() && e.isShiftDown() && e.getCode() == KeyCode.S) return Optional.of(ShellAction.SAVE_SESSION);
        return forPressed(e.getCode(), e.isShortcutDown());
    }

    /** Typed characters: '?' for help, '+'/'-' for keyboards whose codes do not say PLUS. */
    public static Optional<ShellAction> forTyped(String character) {
        return switch (character) {
            case "?" -> Optional.of(ShellAction.TOGGLE_HELP);
            default -> Optional.empty();
        };
    }

    /** Whether an action belongs to the typing-safe set (fires even with a text field focused). */
    public static boolean worksWhileTyping(ShellAction a) {
        return a == ShellAction.TOGGLE_PRESENTER || a == ShellAction.LEAVE || a == ShellAction.TOGGLE_HELP
                || a == ShellAction.EXPORT_PNG || a == ShellAction.RECORD || a == ShellAction.SAVE_SESSION || a == ShellAction.OPEN_NETWORK || a == ShellAction.NEXT_VIEW || a == ShellAction.PREVIOUS_VIEW;
    }

    /** Rows for the help overlay: keys (space-separated), what they do. */
    public static final String[][] HELP = {
            {"Space", "play / pause"},
            {"→ ←", "one step forward / back (clicker: PgDn / PgUp)"},
            {"Home End", "first / last step"},
            {"+ −", "faster / slower"},
            {"F5", "presenter mode on / off"},
            {"Esc", "leave presenter mode or this help"},
            {"Ctrl+PgDn Ctrl+PgUp", "next / previous view"},
            {"Ctrl+O", "open a network file in this view, or a session"},
            {"Ctrl+Shift+S", "save the session: view, network, settings, position, theme"},
            {"Ctrl+E", "export the view as PNG"},
            {"Ctrl+R", "record the view as GIF or MP4 / stop and save"},
            {"F1 ?", "this help"},
    };
}
