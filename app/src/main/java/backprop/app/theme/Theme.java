package backprop.app.theme;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The app's colour themes. Each is one CSS file that only sets colours (looked-up colours and
 * Modena's {@code -fx-base}) under the root style class {@link #styleClass()}; sizes and spacing
 * live in {@link #BASE_STYLESHEET} so all themes lay out identically. All sheets are loaded once
 * and switching changes the root's class: swapping a live Scene's stylesheets leaves already-made
 * popups (menus, combo lists) resolving against the old sheet in JavaFX 21, and a Parent's sheets
 * do not reach popups at all. Plain Java on purpose: {@code render} parses {@code --theme} before
 * any JavaFX class may load; {@link ThemeSupport} applies a theme to a node.
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

    /** Style class on the scene root that switches this theme's colours on. */
    public String styleClass() { return Styles.THEME_PREFIX + id; }

    /** External-form URLs to put on a Scene, once: the base sheet, then every theme's colours. */
    public static List<String> stylesheets() {
        List<String> urls = new java.util.ArrayList<>();
        urls.add(url(BASE_STYLESHEET));
        for (Theme t : values()) urls.add(url(t.stylesheetResource()));
        return List.copyOf(urls);
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
