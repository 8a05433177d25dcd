package backprop.app.theme;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The app's colour themes. Each is one CSS file that only sets colours (looked-up colours and
 * Modena's {@code -fx-base}); sizes and spacing live in {@link #BASE_STYLESHEET} so all themes lay
 * out identically. Plain Java on purpose: the {@code render} command parses {@code --theme} before
 * any JavaFX class may load.
 */
public enum Theme {
    LIGHT("light", "Light"),
    DARK("dark", "Dark"),
    HIGH_CONTRAST("high-contrast", "High contrast");

    /** Layout, sizes and the presenter scale: shared by every theme, always loaded first. */
    public static final String BASE_STYLESHEET = "/backprop/app/theme/base.css";

    private final String id;
    private final String label;

    Theme(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** Id used on the command line ({@code --theme high-contrast}) and in CSS file names. */
    public String id() { return id; }

    public String label() { return label; }

    /** Class-path resource of this theme's colour sheet. */
    public String stylesheetResource() { return "/backprop/app/theme/" + id + ".css"; }

    /** External-form URLs to put on a Scene: base sheet then this theme's colours. */
    public List<String> stylesheets() {
        return List.of(url(BASE_STYLESHEET), url(stylesheetResource()));
    }

    /** The theme after this one, wrapping round: what the theme button does on a plain click. */
    public Theme next() {
        Theme[] all = values();
        return all[(ordinal() + 1) % all.length];
    }

    /** Parses an id such as "dark" or "high-contrast" (case-insensitive). */
    public static Theme byId(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (Theme t : values()) {
            if (t.id.equals(key)) return t;
        }
        throw new IllegalArgumentException("unknown theme '" + id + "' (expected one of " + ids() + ")");
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Theme::id).toList());
    }

    private static String url(String resource) {
        var u = Theme.class.getResource(resource);
        if (u == null) throw new IllegalStateException("missing stylesheet " + resource + " on the class path");
        return u.toExternalForm();
    }
}
